package org.monitorserver.domain.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VerdictRuleTest {

    private static final VerdictRule RULE = VerdictRule.DEFAULT;
    private static final double[] NO_HISTORY = {};

    /** {@code count} values spread uniformly over level ± half, from a seeded generator. */
    private static double[] around(long seed, int count, double level, double half) {
        Random random = new Random(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = level + (2 * random.nextDouble() - 1) * half;
        }
        return values;
    }

    /** A test whose builds swing ±40 around 100, alternately, with a little jitter. */
    private static double[] swinging(int count) {
        double[] jitter = around(12, count, 0, 3);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = 100 + (i % 2 == 0 ? 40 : -40) + jitter[i];
        }
        return values;
    }

    @Test
    void flagsAClearRegression() {
        Comparison comparison = RULE.compare(new double[] {100.2, 99.8, 100.1}, new double[] {150.3, 149.7, 150.1},
                around(11, 20, 100, 1));
        assertEquals(Verdict.REGRESSED, comparison.verdict());
        assertEquals(100.1, comparison.baselineValue());
        assertEquals(150.1, comparison.contenderValue());
        assertEquals(50 / 100.1 * 100, comparison.changePercent(), 1e-9);
        assertTrue(comparison.thresholdExceeded());
        assertTrue(comparison.intervalApplied());
        assertTrue(comparison.outsideInterval());
        assertFalse(comparison.mannWhitneyApplied(), "3 against 3 runs can never reach p = 0.01");
    }

    @Test
    void flagsAClearImprovement() {
        Comparison comparison = RULE.compare(new double[] {100}, new double[] {70}, around(13, 20, 100, 1));
        assertEquals(Verdict.IMPROVED, comparison.verdict());
        assertEquals(-30, comparison.changePercent(), 1e-9);
        assertTrue(comparison.outsideInterval());
    }

    @Test
    void neverFlagsAChangeWithinTheThreshold() {
        // 4 % is far outside a history of 100 ± 0.1, but below the threshold: no noise check even runs.
        Comparison comparison = RULE.compare(new double[] {100}, new double[] {104}, around(14, 20, 100, 0.1));
        assertEquals(Verdict.UNCHANGED, comparison.verdict());
        assertEquals(4, comparison.changePercent(), 1e-9);
        assertFalse(comparison.thresholdExceeded());
        assertFalse(comparison.intervalApplied());
        assertEquals(Verdict.UNCHANGED,
                RULE.compare(new double[] {100}, new double[] {110}, NO_HISTORY).verdict(), "exactly 10 %");
    }

    @Test
    void doesNotFlagAChangeWithinTheNoiseOfANoisyTest() {
        Comparison comparison = RULE.compare(new double[] {100}, new double[] {125}, swinging(20));
        assertEquals(Verdict.UNCHANGED, comparison.verdict());
        assertTrue(comparison.thresholdExceeded());
        assertTrue(comparison.intervalApplied());
        assertFalse(comparison.outsideInterval());
        assertTrue(comparison.interval().upper() > 125);
    }

    @Test
    void hasNotEnoughHistoryWithThreeBuildsAndOneRunEach() {
        Comparison comparison = RULE.compare(new double[] {100}, new double[] {150}, new double[] {100, 101, 99});
        assertEquals(Verdict.NOT_ENOUGH_HISTORY, comparison.verdict());
        assertFalse(comparison.intervalApplied());
        assertFalse(comparison.mannWhitneyApplied());
        assertEquals(Verdict.NOT_ENOUGH_HISTORY, RULE.compare(new double[] {100, 101, 99, 100},
                new double[] {150, 151, 149, 150}, NO_HISTORY).verdict(), "4 against 4 runs cannot reach 0.01");
    }

    @Test
    void decidesOnRunsAloneWithFiveEachAndNoHistory() {
        double[] baseline = {100, 101, 99, 100.5, 99.5};
        Comparison rise = RULE.compare(baseline, new double[] {120, 121, 119, 120.5, 119.5}, NO_HISTORY);
        assertEquals(Verdict.REGRESSED, rise.verdict());
        assertFalse(rise.intervalApplied());
        assertEquals(2.0 / 252, rise.mannWhitneyP(), 1e-15);

        // Medians 100 and 115, but the runs overlap: p is far above 0.01.
        Comparison overlapping = RULE.compare(new double[] {100, 80, 120, 95, 105},
                new double[] {115, 90, 130, 112, 85}, NO_HISTORY);
        assertEquals(Verdict.UNCHANGED, overlapping.verdict());
        assertTrue(overlapping.mannWhitneyP() > 0.01);
    }

    @Test
    void needsEveryApplicableCheckToSeeTheChange() {
        double[] quiet = around(15, 20, 100, 1);
        double[] baseline = {99, 99.5, 100, 100.5, 101};
        // The contender's median, 150, is far outside the quiet history, but two of its runs are not.
        Comparison mixedRuns = RULE.compare(baseline, new double[] {99, 100, 150, 151, 152}, quiet);
        assertTrue(mixedRuns.outsideInterval());
        assertTrue(mixedRuns.mannWhitneyP() > 0.01);
        assertEquals(Verdict.UNCHANGED, mixedRuns.verdict());
        // The runs separate completely, but the history swings more than the change.
        Comparison noisyHistory = RULE.compare(baseline, new double[] {125, 126, 124, 125.5, 124.5}, swinging(20));
        assertTrue(noisyHistory.mannWhitneyP() <= 0.01);
        assertFalse(noisyHistory.outsideInterval());
        assertEquals(Verdict.UNCHANGED, noisyHistory.verdict());
        // Both see it.
        Comparison both = RULE.compare(baseline, new double[] {125, 126, 124, 125.5, 124.5}, quiet);
        assertEquals(Verdict.REGRESSED, both.verdict());
        assertTrue(both.intervalApplied() && both.mannWhitneyApplied());
    }

    @Test
    void reportsNoPercentForAChangeFromZero() {
        double[] zeros = new double[8];
        Comparison none = RULE.compare(new double[] {0, 0, 0}, new double[] {0, 0, 0}, zeros);
        assertEquals(0.0, none.changePercent());
        assertEquals(Verdict.UNCHANGED, none.verdict());

        Comparison fromZero = RULE.compare(new double[] {0}, new double[] {5}, zeros);
        assertNull(fromZero.changePercent());
        assertTrue(fromZero.thresholdExceeded());
        assertEquals(Verdict.REGRESSED, fromZero.verdict(), "a constant history of 0 leaves no room for 5");
        assertEquals(Verdict.NOT_ENOUGH_HISTORY,
                RULE.compare(new double[] {0}, new double[] {5}, NO_HISTORY).verdict());
    }

    @Test
    void usesOnlyTheLastLookbackBuilds() {
        // 100 wild builds long ago, then 64 quiet ones: only the quiet ones count by default.
        double[] history = new double[164];
        System.arraycopy(around(16, 100, 100, 50), 0, history, 0, 100);
        System.arraycopy(around(17, 64, 100, 1), 0, history, 100, 64);
        double[] baseline = {100};
        double[] contender = {150};

        Comparison recent = RULE.compare(baseline, contender, history);
        assertEquals(Verdict.REGRESSED, recent.verdict());
        assertEquals(PredictionInterval.of(Arrays.copyOfRange(history, 100, 164)), recent.interval());

        VerdictRule everything = new VerdictRule(10, 200, 5, 0.99, 0.01, 3);
        Comparison all = everything.compare(baseline, contender, history);
        assertEquals(Verdict.UNCHANGED, all.verdict());
        assertEquals(PredictionInterval.of(history), all.interval());
    }

    @Test
    void judgesAPointOfASeriesAgainstThePointsBeforeIt() {
        double[] series = Arrays.copyOf(around(18, 30, 100, 1), 33);
        series[30] = 150;
        series[31] = 101;
        series[32] = 70;

        Comparison jump = RULE.againstPast(series, 30);
        assertEquals(Verdict.REGRESSED, jump.verdict());
        assertEquals(Median.of(Arrays.copyOf(series, 30)), jump.baselineValue());
        assertEquals(150, jump.contenderValue());
        assertFalse(jump.mannWhitneyApplied());

        assertEquals(Verdict.UNCHANGED, RULE.againstPast(series, 31).verdict());
        assertEquals(Verdict.IMPROVED, RULE.againstPast(series, 32).verdict());
    }

    @Test
    void judgesAgainstPastWithTooFewPointsAsNotEnoughHistory() {
        double[] series = {100, 100, 100, 100, 100, 150};
        Comparison early = RULE.againstPast(series, 4);
        assertEquals(Verdict.NOT_ENOUGH_HISTORY, early.verdict());
        assertEquals(0.0, early.changePercent());
        Comparison first = RULE.againstPast(series, 0);
        assertEquals(Verdict.NOT_ENOUGH_HISTORY, first.verdict());
        assertEquals(100, first.baselineValue());
        assertEquals(Verdict.REGRESSED, RULE.againstPast(series, 5).verdict(), "five equal points admit nothing else");
        assertThrows(IllegalArgumentException.class, () -> RULE.againstPast(series, 6));
    }

    @Test
    void judgesAgainstPastWithinTheLookbackOnly() {
        // 10 wild points, then 5 quiet ones; a lookback of 5 sees only the quiet ones.
        double[] series = new double[16];
        System.arraycopy(around(19, 10, 100, 60), 0, series, 0, 10);
        System.arraycopy(around(20, 5, 100, 1), 0, series, 10, 5);
        series[15] = 130;
        assertEquals(Verdict.REGRESSED, new VerdictRule(10, 5, 5, 0.99, 0.01, 3).againstPast(series, 15).verdict());
        assertEquals(Verdict.UNCHANGED, new VerdictRule(10, 15, 5, 0.99, 0.01, 3).againstPast(series, 15).verdict());
    }

    @Test
    void namesVerdictsForTheWire() {
        assertEquals("regressed", Verdict.REGRESSED.wireName());
        assertEquals("improved", Verdict.IMPROVED.wireName());
        assertEquals("unchanged", Verdict.UNCHANGED.wireName());
        assertEquals("not_enough_history", Verdict.NOT_ENOUGH_HISTORY.wireName());
    }

    @Test
    void hasTheDocumentedDefaults() {
        assertEquals(new VerdictRule(10.0, 64, 5, 0.99, 0.01, 3), VerdictRule.DEFAULT);
    }

    @Test
    void refusesRulesThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new VerdictRule(-1, 64, 5, 0.99, 0.01, 3));
        assertThrows(IllegalArgumentException.class, () -> new VerdictRule(10, 4, 5, 0.99, 0.01, 3));
        assertThrows(IllegalArgumentException.class, () -> new VerdictRule(10, 64, 1, 0.99, 0.01, 3));
        assertThrows(IllegalArgumentException.class, () -> new VerdictRule(10, 64, 5, 1, 0.01, 3));
        assertThrows(IllegalArgumentException.class, () -> new VerdictRule(10, 64, 5, 0.99, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new VerdictRule(10, 64, 5, 0.99, 0.01, 0));
        assertThrows(IllegalArgumentException.class,
                () -> RULE.compare(new double[] {1}, new double[] {2}, new double[] {1, Double.NaN}));
    }
}
