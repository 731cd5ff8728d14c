package org.monitorserver.client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Verdict;

/**
 * What {@link Monitor#compare} compares: a baseline and a contender, and the optional parameters of {@code GET
 * /compare}, each null for the server's default. Start with {@link #of} and add the rest with {@code with...}.
 *
 * @param baseline the ref compared against
 * @param contender the ref under test
 * @param thresholdPercent the least change that counts, 0 to 1000 percent; null: the server's setting (and each
 *     component's own threshold)
 * @param component the one component to compare (exact), or null for all
 * @param verdict the one verdict whose rows to answer, or null for all (the summary counts every row anyway)
 * @param resource the one resource to compare, or null for all
 * @param order the order of the rows, or null for the server's ({@link ChangeOrder#RISE_FIRST})
 */
public record ComparisonRequest(Ref baseline, Ref contender, Double thresholdPercent, String component,
        Verdict verdict, ResourceType resource, ChangeOrder order) {

    /** The largest threshold the server accepts, in percent. */
    public static final double MAX_THRESHOLD_PERCENT = 1000;

    /** How the rows are sorted by their change. */
    public enum ChangeOrder {
        /** Largest rise first ({@code sort=-change}), the server's default. */
        RISE_FIRST("-change"),
        /** Largest fall first ({@code sort=change}). */
        FALL_FIRST("change");

        private final String parameter;

        ChangeOrder(String parameter) {
            this.parameter = parameter;
        }

        /** The value of the {@code sort} query parameter. */
        public String parameter() {
            return parameter;
        }
    }

    /** Checks that both sides are given and that the threshold is within the server's range. */
    public ComparisonRequest {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(contender, "contender");
        if (thresholdPercent != null && !(thresholdPercent >= 0 && thresholdPercent <= MAX_THRESHOLD_PERCENT)) {
            throw new IllegalArgumentException("a threshold is 0 to 1000 percent, not " + thresholdPercent);
        }
    }

    /** {@code contender} compared with {@code baseline}, with the server's defaults for the rest. */
    public static ComparisonRequest of(Ref baseline, Ref contender) {
        return new ComparisonRequest(baseline, contender, null, null, null, null, null);
    }

    /** This request with the threshold {@code percent} (sent with at most 6 decimals, as the server reads it). */
    public ComparisonRequest withThreshold(double percent) {
        return new ComparisonRequest(baseline, contender, percent, component, verdict, resource, order);
    }

    /** This request restricted to {@code component}. */
    public ComparisonRequest withComponent(String component) {
        return new ComparisonRequest(baseline, contender, thresholdPercent, component, verdict, resource, order);
    }

    /** This request answering the rows of {@code verdict} only. */
    public ComparisonRequest withVerdict(Verdict verdict) {
        return new ComparisonRequest(baseline, contender, thresholdPercent, component, verdict, resource, order);
    }

    /** This request restricted to {@code resource}. */
    public ComparisonRequest withResource(ResourceType resource) {
        return new ComparisonRequest(baseline, contender, thresholdPercent, component, verdict, resource, order);
    }

    /** This request with its rows in {@code order}. */
    public ComparisonRequest withOrder(ChangeOrder order) {
        return new ComparisonRequest(baseline, contender, thresholdPercent, component, verdict, resource, order);
    }

    /** The query parameters of {@code GET /compare}, in the route's names, the unset ones left out. */
    public Map<String, String> parameters() {
        var parameters = new LinkedHashMap<String, String>();
        parameters.putAll(baseline.parameters("baseline"));
        parameters.putAll(contender.parameters("contender"));
        if (thresholdPercent != null) {
            // The server takes up to 4 digits and 6 decimals, in plain notation: 10, 2.5, never 1.0E-4.
            parameters.put("threshold", BigDecimal.valueOf(thresholdPercent).setScale(6, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString());
        }
        if (component != null) {
            parameters.put("component", component);
        }
        if (verdict != null) {
            parameters.put("verdict", verdict.wireName());
        }
        if (resource != null) {
            parameters.put("resource", resource.resource());
        }
        if (order != null) {
            parameters.put("sort", order.parameter());
        }
        return parameters;
    }
}
