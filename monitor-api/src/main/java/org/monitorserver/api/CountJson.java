package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of every {@code .../count} route: {@code {"count": n}}. */
@Schema(name = "Count")
public record CountJson(@JsonbProperty("count") long count) {
}
