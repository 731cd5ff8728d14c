package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a comparison decided (docs/verdicts.md): the value of a ref, the threshold, the two noise checks. */
@Schema(name = "ComparisonMethod", description = "The rule behind the verdicts, with its parameters")
@JsonbPropertyOrder({"value", "thresholdPercent", "thresholdSource", "intervalMethod", "historyPipeline",
        "historyBuilds", "lookback", "minimumHistory", "boundary", "rankTest", "alpha", "minimumRuns", "buildOrder"})
public record ComparisonMethodJson(
        @JsonbProperty("value") @Schema(description = "What a ref's value for a test is") String value,
        @JsonbProperty("threshold_percent") @Schema(description = "The least change that can count, unless the "
                + "test's component has its own (each row says which it used)") double thresholdPercent,
        @JsonbProperty("threshold_source") @Schema(description = "request (threshold=) or setting "
                + "(MONITOR_SERVER_COMPARE_THRESHOLD); with setting, a component's own threshold wins")
        String thresholdSource,
        @JsonbProperty("interval_method") String intervalMethod,
        @JsonbProperty("history_pipeline") @JsonbNillable @Schema(nullable = true, description = "The pipeline "
                + "whose earlier builds are the history; null when the baseline's sessions do not share one")
        String historyPipeline,
        @JsonbProperty("history_builds") @Schema(description = "Builds in the history") int historyBuilds,
        @JsonbProperty("lookback") int lookback,
        @JsonbProperty("minimum_history") int minimumHistory,
        @JsonbProperty("boundary") double boundary,
        @JsonbProperty("rank_test") String rankTest,
        @JsonbProperty("alpha") double alpha,
        @JsonbProperty("minimum_runs") int minimumRuns,
        @JsonbProperty("build_order") String buildOrder) {
}
