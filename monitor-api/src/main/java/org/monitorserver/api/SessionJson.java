package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A test session (one pytest run) as the API answers it, its description as a list of tags. */
@Schema(name = "Session", description = "A test session")
@JsonbPropertyOrder({"sessionH", "runDate", "scmRef", "tags"})
public record SessionJson(
        @JsonbProperty("session_h") String sessionH,
        @JsonbProperty("run_date") @Schema(description = "ISO 8601, naive") String runDate,
        @JsonbProperty("scm_ref") @JsonbNillable @Schema(nullable = true) String scmRef,
        @JsonbProperty("tags") List<TagJson> tags) {
}
