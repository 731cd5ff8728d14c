package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One side of a comparison: the ref as the request named it, and what it held. */
@Schema(name = "Ref", description = "A side of a comparison: a build of a pipeline, an SCM reference or a session")
@JsonbPropertyOrder({"pipeline", "build", "scm", "session", "sessions", "tests"})
public record RefJson(
        @JsonbProperty("pipeline") @JsonbNillable(false) @Schema(description = "The pipeline, for a build or when "
                + "the sessions share one") String pipeline,
        @JsonbProperty("build") @JsonbNillable(false) String build,
        @JsonbProperty("scm") @JsonbNillable(false) String scm,
        @JsonbProperty("session") @JsonbNillable(false) String session,
        @JsonbProperty("sessions") @Schema(description = "Sessions in the ref") int sessions,
        @JsonbProperty("tests") @Schema(description = "Tests (component, item_path, item_variant) that ran in it")
        int tests) {
}
