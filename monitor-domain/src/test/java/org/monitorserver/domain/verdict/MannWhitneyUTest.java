package org.monitorserver.domain.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MannWhitneyUTest {

    @Test
    void completeSeparationOfFiveAndFiveGivesTwoIn252() {
        MannWhitneyU below = MannWhitneyU.test(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        MannWhitneyU above = MannWhitneyU.test(new double[] {16, 17, 18, 19, 20}, new double[] {6, 7, 8, 9, 10});
        assertEquals(0, below.u());
        assertEquals(25, above.u());
        assertTrue(below.exact());
        assertEquals(2.0 / 252, below.pValue(), 1e-15);
        assertEquals(2.0 / 252, above.pValue(), 1e-15);
    }

    @Test
    void matchesTheDistributionCountedByHand() {
        // 3 against 3: of the C(6, 3) = 20 rank sets, U = 0, 1, 2, ... occurs 1, 1, 2, 3, 3, 3, 3, 2, 1, 1 times.
        // {1, 2, 4} against {3, 5, 6}: only 4 > 3, so U = 1, P(U ≤ 1) = 2/20 and p = 0.2.
        MannWhitneyU test = MannWhitneyU.test(new double[] {1, 2, 4}, new double[] {3, 5, 6});
        assertEquals(1, test.u());
        assertEquals(0.2, test.pValue(), 1e-15);
        // {1, 3, 5} against {2, 4, 6}: U = 1 + 2 = 3, P(U ≤ 3) = 7/20, p = 0.7.
        assertEquals(0.7, MannWhitneyU.test(new double[] {1, 3, 5}, new double[] {2, 4, 6}).pValue(), 1e-15);
        // {1, 4, 5} against {2, 3, 6}: U = 4, P(U ≤ 4) = 10/20, so 2 · 0.5 = 1.
        assertEquals(1, MannWhitneyU.test(new double[] {1, 4, 5}, new double[] {2, 3, 6}).pValue());
    }

    @Test
    void identicalSamplesGiveOne() {
        MannWhitneyU test = MannWhitneyU.test(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5});
        assertEquals(12.5, test.u());
        assertEquals(1, test.pValue());
        assertFalse(test.exact(), "ties leave the exact distribution");
        assertEquals(1, MannWhitneyU.test(new double[] {7, 7, 7}, new double[] {7, 7}).pValue());
    }

    @Test
    void correctsTheNormalApproximationForTies() {
        // Mid-ranks: 1 1 → 1.5, 2 2 2 → 4, 3 3 3 → 7, 4 4 → 9.5; R1 = 1.5 + 1.5 + 4 + 4 + 7 = 18, U = 3.
        // Ties: Σ(t³ − t) = 6 + 24 + 24 + 6 = 60; σ² = 25/12 · (11 − 60/90) = 21.528; z = (9.5 − 0.5)/σ.
        // p = 0.052412 (SciPy's mannwhitneyu with method="asymptotic" gives the same).
        MannWhitneyU test = MannWhitneyU.test(new double[] {1, 1, 2, 2, 3}, new double[] {2, 3, 3, 4, 4});
        assertEquals(3, test.u());
        assertFalse(test.exact());
        assertEquals(0.052411628671028596, test.pValue(), 1e-12);
    }

    @Test
    void usesTheNormalApproximationForLargeSamples() {
        // 30 even numbers from 0 against 30 odd ones from 21: 60 > 50 values, so the normal approximation.
        // U = 190 (the x above some y: 22, 24, ... 58 beat 1 to 19 of them), mean 450, σ² = 900 · 61 / 12,
        // z = (260 − 0.5) / √4575 = 3.8366, two-sided p = 2 (1 − Φ(z)) = 1.2477e-4.
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = 2 * i;
            y[i] = 2 * i + 21;
        }
        MannWhitneyU test = MannWhitneyU.test(x, y);
        assertEquals(190, test.u());
        assertFalse(test.exact());
        assertEquals(1.2477053789099933e-4, test.pValue(), 1e-12);
    }

    @Test
    void exactAndNormalAgreeRoughlyNearTheLimit() {
        // 20 against 20 without ties: exact; the normal approximation gives 0.031517.
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = 3 * i;
            y[i] = 3 * i + 13;
        }
        MannWhitneyU test = MannWhitneyU.test(x, y);
        assertTrue(test.exact());
        assertEquals(120, test.u());
        assertEquals(0.030411256038764864, test.pValue(), 1e-12);
        assertEquals(0.031517102074561570, test.pValue(), 0.002);
    }

    @Test
    void normalTailMatchesKnownValues() {
        assertEquals(0.5, SpecialFunctions.standardNormalUpperTail(0), 1e-15);
        assertEquals(0.025, SpecialFunctions.standardNormalUpperTail(1.9599639845400545), 1e-15);
        assertEquals(0.15865525393145707, SpecialFunctions.standardNormalUpperTail(1), 1e-15);
        assertEquals(2.866515718791933e-7, SpecialFunctions.standardNormalUpperTail(5), 1e-20);
        assertEquals(0.975, SpecialFunctions.standardNormalUpperTail(-1.9599639845400545), 1e-15);
    }

    @Test
    void minimumAttainablePTellsWhenTheTestCannotReject() {
        assertEquals(0.1, MannWhitneyU.minimumAttainableP(3, 3), 1e-15);
        assertEquals(2.0 / 252, MannWhitneyU.minimumAttainableP(5, 5), 1e-15);
        assertEquals(2.0 / 70, MannWhitneyU.minimumAttainableP(4, 4), 1e-15);
        assertEquals(2.0 / 220, MannWhitneyU.minimumAttainableP(3, 9), 1e-15);
        assertEquals(MannWhitneyU.minimumAttainableP(3, 9), MannWhitneyU.minimumAttainableP(9, 3), 1e-18);
        assertEquals(1, MannWhitneyU.minimumAttainableP(1, 1));
        assertEquals(2.0 / 3, MannWhitneyU.minimumAttainableP(1, 2), 1e-15);
        assertTrue(MannWhitneyU.minimumAttainableP(3, 3) > 0.01);
        assertTrue(MannWhitneyU.minimumAttainableP(5, 5) <= 0.01);
    }

    @Test
    void reachesTheMinimumOnlyAtCompleteSeparation() {
        double p = MannWhitneyU.test(new double[] {1, 2, 3}, new double[] {4, 5, 6}).pValue();
        assertEquals(MannWhitneyU.minimumAttainableP(3, 3), p, 1e-15);
    }

    @Test
    void refusesEmptySamplesAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> MannWhitneyU.test(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> MannWhitneyU.test(new double[] {1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> MannWhitneyU.test(new double[] {1, Double.NaN}, new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> MannWhitneyU.minimumAttainableP(0, 3));
    }
}
