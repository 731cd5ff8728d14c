package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A run with its processing and statistics: the answer of a finish and of {@code GET /api/v1/runs/{id}}, and a row
 * of the run listing. {@code stats} is in the tracker's own layout (docs/runs.md), null until the samples are
 * stored.
 */
@Schema(name = "RunResult", description = "A run, how its finish was processed, and its statistics")
@JsonbPropertyOrder({"run", "processing", "stats"})
public record RunResultJson(
        @JsonbProperty("run") RunJson run,
        @JsonbProperty("processing") RunProcessingJson processing,
        @JsonbProperty("stats") @JsonbNillable @Schema(nullable = true, description = "samples, duration_seconds, "
                + "interval_seconds, and {mean, max}, {max} or {sum} per usage column")
        Map<String, Object> stats) {
}
