package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /api/v1/items/<item>/history}: the item's use of one resource across a pipeline's builds, one series
 * per test of that name, with change points and each point's verdict against the points before it.
 */
@Schema(name = "History", description = "An item's resource across a pipeline's builds")
@JsonbPropertyOrder({"item", "pipeline", "resource", "builds", "method", "series"})
public record HistoryJson(
        @JsonbProperty("item") String item,
        @JsonbProperty("pipeline") String pipeline,
        @JsonbProperty("resource") String resource,
        @JsonbProperty("builds") @Schema(description = "Builds with a run of the item") int builds,
        @JsonbProperty("method") Method method,
        @JsonbProperty("series") List<Series> series) {

    /** How the points were judged and the change points found (docs/verdicts.md). */
    @Schema(name = "HistoryMethod")
    @JsonbPropertyOrder({"value", "buildOrder", "verdict", "lookback", "minimumHistory", "boundary",
            "changePoints", "exponent", "minimumSegment", "permutations", "significance", "seed"})
    public record Method(
            @JsonbProperty("value") String value,
            @JsonbProperty("build_order") String buildOrder,
            @JsonbProperty("verdict") String verdict,
            @JsonbProperty("lookback") int lookback,
            @JsonbProperty("minimum_history") int minimumHistory,
            @JsonbProperty("boundary") double boundary,
            @JsonbProperty("change_points") String changePoints,
            @JsonbProperty("exponent") double exponent,
            @JsonbProperty("minimum_segment") int minimumSegment,
            @JsonbProperty("permutations") int permutations,
            @JsonbProperty("significance") double significance,
            @JsonbProperty("seed") long seed) {
    }

    /** One test's series. */
    @Schema(name = "HistorySeries")
    @JsonbPropertyOrder({"component", "itemPath", "itemVariant", "thresholdPercent", "points", "changePoints"})
    public record Series(
            @JsonbProperty("component") String component,
            @JsonbProperty("item_path") String itemPath,
            @JsonbProperty("item_variant") String itemVariant,
            @JsonbProperty("threshold_percent") double thresholdPercent,
            @JsonbProperty("points") List<Point> points,
            @JsonbProperty("change_points") @Schema(description = "Builds where a new segment starts")
            List<ChangePoint> changePoints) {
    }

    /** One build of a series. */
    @Schema(name = "HistoryPoint")
    @JsonbPropertyOrder({"build", "firstRunDate", "value", "runs", "sessions", "verdict", "changePercent",
            "intervalLower", "intervalUpper"})
    public record Point(
            @JsonbProperty("build") String build,
            @JsonbProperty("first_run_date") @Schema(description = "The build's earliest session run date, ISO 8601,"
                    + " naive") String firstRunDate,
            @JsonbProperty("value") @Schema(description = "Median of the test's runs in the build") double value,
            @JsonbProperty("runs") int runs,
            @JsonbProperty("sessions") List<String> sessions,
            @JsonbProperty("verdict") @Schema(enumeration = {"regressed", "improved", "unchanged",
                    "not_enough_history"}) String verdict,
            @JsonbProperty("change_percent") @JsonbNillable @Schema(nullable = true, description = "Against the "
                    + "median of the points before it") Double changePercent,
            @JsonbProperty("interval_lower") @JsonbNillable @Schema(nullable = true) Double intervalLower,
            @JsonbProperty("interval_upper") @JsonbNillable @Schema(nullable = true) Double intervalUpper) {
    }

    /** Where a series shifts. */
    @Schema(name = "ChangePoint")
    @JsonbPropertyOrder({"index", "build"})
    public record ChangePoint(
            @JsonbProperty("index") @Schema(description = "Index in points") int index,
            @JsonbProperty("build") String build) {
    }
}
