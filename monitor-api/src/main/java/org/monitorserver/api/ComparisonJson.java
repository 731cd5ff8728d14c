package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /api/v1/compare}: both refs, the method, the count of rows per verdict, and one page of rows, paged
 * like every listing ({@code total_page}, {@code prev_url}, {@code next_url}).
 */
@Schema(name = "Comparison", description = "Two refs compared test by test, with verdicts")
@JsonbPropertyOrder({"baseline", "contender", "method", "summary", "comparisons", "totalPage", "prevUrl",
        "nextUrl"})
public record ComparisonJson(
        @JsonbProperty("baseline") RefJson baseline,
        @JsonbProperty("contender") RefJson contender,
        @JsonbProperty("method") ComparisonMethodJson method,
        @JsonbProperty("summary") @Schema(description = "Rows per verdict: regressed, improved, unchanged, "
                + "not_enough_history (after the component and resource filters, before the verdict filter)")
        Map<String, Long> summary,
        @JsonbProperty("comparisons") List<ComparisonRowJson> comparisons,
        @JsonbProperty("total_page") int totalPage,
        @JsonbProperty("prev_url") @JsonbNillable @Schema(nullable = true) String prevUrl,
        @JsonbProperty("next_url") @JsonbNillable @Schema(nullable = true) String nextUrl) {
}
