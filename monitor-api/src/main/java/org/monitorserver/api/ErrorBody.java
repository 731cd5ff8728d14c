package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error answer.
 *
 * @param message what went wrong, for a human
 * @param errors the reason per field, in the field names the client sent; absent when not about fields
 * @param trace the server's stack trace of an unexpected failure (a 500), only when the server runs with
 *        {@code MONITOR_SERVER_ENV=dev}; absent otherwise, and always in production
 */
@Schema(name = "Error", description = "Every error answer: a message, and the reason per field for validation")
@JsonbPropertyOrder({"message", "errors", "trace"})
public record ErrorBody(
        @JsonbProperty("message") String message,
        @JsonbProperty("errors") @JsonbNillable(false) Map<String, String> errors,
        @JsonbProperty("trace") @JsonbNillable(false) String trace) {
}
