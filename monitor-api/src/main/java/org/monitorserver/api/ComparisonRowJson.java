package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One test and resource of a comparison: both values, the change, the verdict and what it rested on. */
@Schema(name = "ComparisonRow", description = "A test's resource in both refs, and its verdict")
@JsonbPropertyOrder({"component", "itemPath", "itemVariant", "item", "resource", "baseline", "contender",
        "changePercent", "verdict", "thresholdPercent", "baselineRuns", "contenderRuns", "historyBuilds",
        "intervalLower", "intervalUpper", "mannWhitneyP"})
public record ComparisonRowJson(
        @JsonbProperty("component") String component,
        @JsonbProperty("item_path") String itemPath,
        @JsonbProperty("item_variant") String itemVariant,
        @JsonbProperty("item") String item,
        @JsonbProperty("resource") @Schema(enumeration = {"memory", "cpu", "total_time", "user_time", "kernel_time"})
        String resource,
        @JsonbProperty("baseline") @Schema(description = "Median of the baseline's runs") double baseline,
        @JsonbProperty("contender") @Schema(description = "Median of the contender's runs") double contender,
        @JsonbProperty("change_percent") @JsonbNillable @Schema(nullable = true, description = "(contender - "
                + "baseline) / baseline * 100; null when the baseline is 0 and the contender is not") Double changePercent,
        @JsonbProperty("verdict") @Schema(enumeration = {"regressed", "improved", "unchanged", "not_enough_history"})
        String verdict,
        @JsonbProperty("threshold_percent") double thresholdPercent,
        @JsonbProperty("baseline_runs") int baselineRuns,
        @JsonbProperty("contender_runs") int contenderRuns,
        @JsonbProperty("history_builds") @Schema(description = "Builds of history with a run of this test")
        int historyBuilds,
        @JsonbProperty("interval_lower") @JsonbNillable @Schema(nullable = true, description = "The prediction "
                + "interval of the history, when it was a check") Double intervalLower,
        @JsonbProperty("interval_upper") @JsonbNillable @Schema(nullable = true) Double intervalUpper,
        @JsonbProperty("mann_whitney_p") @JsonbNillable @Schema(nullable = true, description = "The two-sided "
                + "Mann-Whitney U p-value of the runs, when it was a check") Double mannWhitneyP) {
}
