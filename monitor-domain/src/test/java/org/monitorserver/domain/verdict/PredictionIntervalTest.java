package org.monitorserver.domain.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PredictionIntervalTest {

    @Test
    void isTheMeanPlusOrMinusTTimesTheDeviationOfANewValue() {
        // 1..5: mean 3, s² = 10/4, √(s² (1 + 1/5)) = √3, t_{0.99, 4} = 3.746947.
        PredictionInterval interval = PredictionInterval.of(new double[] {1, 2, 3, 4, 5});
        double half = 3.7469473879791977 * Math.sqrt(3);
        assertEquals(3 - half, interval.lower(), 1e-12);
        assertEquals(3 + half, interval.upper(), 1e-12);
    }

    @Test
    void usesTheGivenBoundaryOnEachSide() {
        // Two values 10 and 14: mean 12, s = 2√2, √(1 + 1/2); t_{0.975, 1} = tan(0.475π).
        PredictionInterval interval = PredictionInterval.of(new double[] {10, 14}, 0.975);
        double half = Math.tan(0.475 * Math.PI) * 2 * Math.sqrt(2) * Math.sqrt(1.5);
        assertEquals(12 - half, interval.lower(), 1e-9);
        assertEquals(12 + half, interval.upper(), 1e-9);
        PredictionInterval median = PredictionInterval.of(new double[] {10, 14}, 0.5);
        assertEquals(12, median.lower());
        assertEquals(12, median.upper());
    }

    @Test
    void placesValuesAboveAndBelowWithTheEndsInside() {
        PredictionInterval interval = new PredictionInterval(90, 110);
        assertTrue(interval.isAbove(110.001));
        assertFalse(interval.isAbove(110));
        assertTrue(interval.isBelow(89.999));
        assertFalse(interval.isBelow(90));
        assertFalse(interval.isAbove(100) || interval.isBelow(100));
    }

    @Test
    void isThePointItselfForAConstantHistory() {
        // 0.1 added up ten times is not ten times 0.1: the interval must still be exactly [0.1, 0.1].
        double[] constant = new double[10];
        Arrays.fill(constant, 0.1);
        PredictionInterval interval = PredictionInterval.of(constant);
        assertEquals(0.1, interval.lower());
        assertEquals(0.1, interval.upper());
        assertFalse(interval.isAbove(0.1) || interval.isBelow(0.1));
        assertTrue(interval.isAbove(Math.nextUp(0.1)));
        assertTrue(interval.isBelow(Math.nextDown(0.1)));
    }

    @Test
    void widensWithTheNoiseOfTheHistory() {
        double[] quiet = {99, 100, 101, 100, 99, 101};
        double[] noisy = {60, 140, 70, 130, 80, 120};
        assertTrue(PredictionInterval.of(quiet).isAbove(110));
        assertFalse(PredictionInterval.of(noisy).isAbove(125));
    }

    @Test
    void refusesTooLittleHistoryBadValuesAndBoundaries() {
        assertThrows(IllegalArgumentException.class, () -> PredictionInterval.of(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> PredictionInterval.of(null));
        assertThrows(IllegalArgumentException.class, () -> PredictionInterval.of(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> PredictionInterval.of(new double[] {1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> PredictionInterval.of(new double[] {1, 2}, 0.4));
        assertThrows(IllegalArgumentException.class, () -> new PredictionInterval(2, 1));
    }
}
