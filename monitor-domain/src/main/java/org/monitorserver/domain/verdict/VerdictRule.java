package org.monitorserver.domain.verdict;

import java.util.Arrays;

/**
 * How a change in one test's resource use between a baseline and a contender is judged: it counts only when it
 * is beyond a percent threshold and beyond the noise of that test, because false alarms from noisy runners and
 * single spikes are what users of such tools complain of most.
 *
 * <p>{@link #compare} decides, with b and c the medians of the baseline's and the contender's runs:
 * <ol>
 * <li>If |change| ≤ {@code thresholdPercent} → {@link Verdict#UNCHANGED}; no noise check runs. The change is
 * (c − b) / |b| · 100; when b = 0 it is 0 if c = 0 and otherwise unbounded, which always exceeds the threshold.
 * <li>Otherwise these noise checks apply when they have the data:
 * <ul>
 * <li>the {@link PredictionInterval} at {@code boundary} (Bencher's t-test threshold) of the last
 * {@code lookback} history values, when there are at least {@code minimumHistory} of them; it says "beyond
 * noise" when c is above its upper end for a rise (c &gt; b), below its lower end for a fall;
 * <li>the {@link MannWhitneyU} test of the baseline's runs against the contender's, when both have at least
 * {@code minimumRuns} runs and {@link MannWhitneyU#minimumAttainableP} of their sizes is ≤ {@code alpha} (a test
 * that cannot reject carries no information); it says "beyond noise" when p ≤ {@code alpha}.
 * </ul>
 * <li>If neither applies → {@link Verdict#NOT_ENOUGH_HISTORY}.
 * <li>If every applicable check says "beyond noise" → {@link Verdict#REGRESSED} for a rise,
 * {@link Verdict#IMPROVED} for a fall; otherwise → {@link Verdict#UNCHANGED}.
 * </ol>
 * {@link #againstPast} is the same rule for one point of a series of single values (one per build), against the
 * up to {@code lookback} points before it; see there.
 *
 * @param thresholdPercent the least change, in percent of the baseline, that can count (≥ 0)
 * @param lookback how many of the most recent history values the interval uses (≥ minimumHistory)
 * @param minimumHistory the fewest history values for the interval to apply (≥ 2)
 * @param boundary the one-sided boundary of the interval, ½ ≤ boundary &lt; 1
 * @param alpha the significance level of the Mann–Whitney test, 0 &lt; alpha &lt; 1
 * @param minimumRuns the fewest runs on each side for the Mann–Whitney test to apply (≥ 1)
 */
public record VerdictRule(double thresholdPercent, int lookback, int minimumHistory, double boundary,
        double alpha, int minimumRuns) {

    /** 10 %, the last 64 builds, at least 5 of them, boundary 0.99, α = 0.01, at least 3 runs per ref. */
    public static final VerdictRule DEFAULT = new VerdictRule(10.0, 64, 5, 0.99, 0.01, 3);

    public VerdictRule {
        if (!(thresholdPercent >= 0) || Double.isInfinite(thresholdPercent) || minimumHistory < 2
                || lookback < minimumHistory || !(boundary >= 0.5 && boundary < 1) || !(alpha > 0 && alpha < 1)
                || minimumRuns < 1) {
            throw new IllegalArgumentException("not a verdict rule: threshold " + thresholdPercent + " %, lookback "
                    + lookback + ", minimum history " + minimumHistory + ", boundary " + boundary + ", alpha "
                    + alpha + ", minimum runs " + minimumRuns);
        }
    }

    /** This rule with another threshold (a component's, or a request's). */
    public VerdictRule withThreshold(double percent) {
        return new VerdictRule(percent, lookback, minimumHistory, boundary, alpha, minimumRuns);
    }

    /**
     * Decides the contender's runs against the baseline's (each non-empty, no NaN) given {@code history}: the
     * per-build medians of the baseline's pipeline before the baseline, oldest first, finite (may be empty).
     */
    public Comparison compare(double[] baselineRuns, double[] contenderRuns, double[] history) {
        double baseline = Median.of(baselineRuns);
        double contender = Median.of(contenderRuns);
        requireFinite(history);
        Double change = changePercent(baseline, contender);
        boolean exceeded = exceeds(change);
        if (!exceeded) {
            return new Comparison(baseline, contender, change, Verdict.UNCHANGED, false, null, false, null);
        }
        boolean rise = contender > baseline;
        double[] recent = Arrays.copyOfRange(history, Math.max(0, history.length - lookback), history.length);
        PredictionInterval interval = recent.length >= minimumHistory
                ? PredictionInterval.of(recent, boundary) : null;
        boolean outside = interval != null && (rise ? interval.isAbove(contender) : interval.isBelow(contender));
        int n1 = baselineRuns.length;
        int n2 = contenderRuns.length;
        Double p = n1 >= minimumRuns && n2 >= minimumRuns && MannWhitneyU.minimumAttainableP(n1, n2) <= alpha
                ? MannWhitneyU.test(baselineRuns, contenderRuns).pValue() : null;

        Verdict verdict;
        if (interval == null && p == null) {
            verdict = Verdict.NOT_ENOUGH_HISTORY;
        } else if ((interval == null || outside) && (p == null || p <= alpha)) {
            verdict = rise ? Verdict.REGRESSED : Verdict.IMPROVED;
        } else {
            verdict = Verdict.UNCHANGED;
        }
        return new Comparison(baseline, contender, change, verdict, true, interval, outside, p);
    }

    /**
     * Decides point {@code index} of {@code series} (single values, one per build, oldest first) against the up
     * to {@code lookback} points before it. The baseline value is the median of those points (the point itself
     * when there are none, at index 0). With fewer than {@code minimumHistory} of them →
     * {@link Verdict#NOT_ENOUGH_HISTORY}; otherwise the threshold and then the prediction interval of those
     * points decide as in {@link #compare}, with no Mann–Whitney test (one value per build has no runs to rank).
     */
    public Comparison againstPast(double[] series, int index) {
        if (index < 0 || index >= series.length) {
            throw new IllegalArgumentException("index " + index + " is outside a series of " + series.length);
        }
        double[] past = Arrays.copyOfRange(series, Math.max(0, index - lookback), index);
        requireFinite(past);
        double value = series[index];
        requireFinite(new double[] {value});
        double baseline = past.length == 0 ? value : Median.of(past);
        Double change = changePercent(baseline, value);
        boolean exceeded = exceeds(change);
        if (past.length < minimumHistory) {
            return new Comparison(baseline, value, change, Verdict.NOT_ENOUGH_HISTORY, exceeded, null, false, null);
        }
        if (!exceeded) {
            return new Comparison(baseline, value, change, Verdict.UNCHANGED, false, null, false, null);
        }
        boolean rise = value > baseline;
        PredictionInterval interval = PredictionInterval.of(past, boundary);
        boolean outside = rise ? interval.isAbove(value) : interval.isBelow(value);
        Verdict verdict = !outside ? Verdict.UNCHANGED : rise ? Verdict.REGRESSED : Verdict.IMPROVED;
        return new Comparison(baseline, value, change, verdict, true, interval, outside, null);
    }

    /** (c − b) / |b| · 100; 0 when both are 0; null when only b is 0 (unbounded, and JSON has no infinity). */
    static Double changePercent(double baseline, double contender) {
        if (baseline == 0) {
            return contender == 0 ? 0.0 : null;
        }
        return (contender - baseline) / Math.abs(baseline) * 100;
    }

    private boolean exceeds(Double change) {
        return change == null || Math.abs(change) > thresholdPercent;
    }

    private static void requireFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("values to judge must be finite: " + value);
            }
        }
    }
}
