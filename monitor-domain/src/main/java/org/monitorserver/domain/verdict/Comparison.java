package org.monitorserver.domain.verdict;

import java.util.Objects;

/**
 * One test and resource decided by a {@link VerdictRule}, with what the decision rested on.
 *
 * @param baselineValue the baseline's value: the median of its runs (of the past points, on the history route)
 * @param contenderValue the contender's value: the median of its runs (the point itself, on the history route)
 * @param changePercent (contender − baseline) / |baseline| · 100; 0 when both are 0, and null when only the
 *     baseline is 0 (an unbounded change, which JSON cannot carry as a number)
 * @param verdict the conclusion
 * @param thresholdExceeded whether |change| exceeded the rule's threshold (a null change always does)
 * @param interval the prediction interval of the history, or null when it did not apply (too little history,
 *     or the threshold was not exceeded, so no noise check ran)
 * @param outsideInterval whether the contender lay beyond the interval in the direction of the change
 * @param mannWhitneyP the two-sided Mann–Whitney p-value of the runs, or null when the test did not apply
 */
public record Comparison(double baselineValue, double contenderValue, Double changePercent, Verdict verdict,
        boolean thresholdExceeded, PredictionInterval interval, boolean outsideInterval, Double mannWhitneyP) {

    public Comparison {
        Objects.requireNonNull(verdict, "verdict");
        if (outsideInterval && interval == null) {
            throw new IllegalArgumentException("only an interval that applied can be left");
        }
    }

    /** Whether the prediction interval was one of the checks. */
    public boolean intervalApplied() {
        return interval != null;
    }

    /** Whether the Mann–Whitney test was one of the checks. */
    public boolean mannWhitneyApplied() {
        return mannWhitneyP != null;
    }
}
