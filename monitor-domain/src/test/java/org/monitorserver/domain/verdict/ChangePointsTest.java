package org.monitorserver.domain.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangePointsTest {

    private static final ChangePoints DEFAULT = ChangePoints.DEFAULT;

    /** {@code count} values spread uniformly over level ± half, from a seeded generator. */
    private static double[] around(Random random, int count, double level, double half) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = level + (2 * random.nextDouble() - 1) * half;
        }
        return values;
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void findsACleanStepWhereItIs() {
        Random random = new Random(1);
        double[] series = concat(around(random, 30, 100, 2), around(random, 30, 130, 2));
        assertEquals(List.of(30), DEFAULT.find(series));
    }

    @Test
    void ignoresASingleSpike() {
        double[] series = around(new Random(2), 40, 100, 2);
        series[20] = 300;
        assertEquals(List.of(), DEFAULT.find(series));
    }

    @Test
    void findsNothingInPureNoise() {
        assertEquals(List.of(), DEFAULT.find(around(new Random(3), 60, 100, 5)));
    }

    @Test
    void findsTwoSteps() {
        Random random = new Random(4);
        double[] series = concat(around(random, 30, 100, 2), around(random, 25, 130, 2), around(random, 35, 115, 2));
        assertEquals(List.of(30, 55), DEFAULT.find(series));
    }

    @Test
    void findsNothingInAConstantSeries() {
        double[] series = new double[50];
        Arrays.fill(series, 42.5);
        assertEquals(List.of(), DEFAULT.find(series));
    }

    @Test
    void findsNothingInASeriesTooShortToSplit() {
        // Nine points cannot hold two segments of five, however large the step.
        assertEquals(List.of(), DEFAULT.find(new double[] {1, 1, 1, 1, 1000, 1000, 1000, 1000, 1000}));
        assertEquals(List.of(), DEFAULT.find(new double[0]));
        assertEquals(List.of(), DEFAULT.find(new double[] {3}));
    }

    @Test
    void findsTheStepsOfFiveHundredPoints() {
        Random random = new Random(7);
        double[] series = concat(around(random, 150, 100, 2), around(random, 200, 120, 2),
                around(random, 150, 105, 2));
        assertEquals(List.of(150, 350), DEFAULT.find(series));
    }

    @Test
    void raisesFalseAlarmsInNoiseAtAboutTheSignificanceLevel() {
        // p ≤ 0.05 means about one noise series in twenty gets a change point: the price of the default.
        Random random = new Random(8);
        int alarms = 0;
        for (int i = 0; i < 100; i++) {
            alarms += DEFAULT.find(around(random, 60, 100, 5)).isEmpty() ? 0 : 1;
        }
        assertTrue(alarms <= 10, alarms + " false alarms in 100 noise series");
    }

    @Test
    void givesTheSameAnswerEveryTime() {
        Random random = new Random(5);
        double[] series = concat(around(random, 20, 10, 3), around(random, 20, 12, 3), around(random, 20, 9, 3));
        List<Integer> first = DEFAULT.find(series);
        for (int i = 0; i < 3; i++) {
            assertEquals(first, DEFAULT.find(series.clone()));
        }
    }

    @Test
    void keepsEverySegmentAtLeastTheMinimumLong() {
        // A step after three points: with segments of at least 3 it is found where it is; with 5, the change
        // point can only fall where both sides keep five points.
        Random random = new Random(6);
        double[] series = concat(around(random, 3, 200, 2), around(random, 37, 100, 2));
        assertEquals(List.of(3), new ChangePoints(3, 199, 0.05, 1).find(series));
        List<Integer> found = DEFAULT.find(series);
        List<Integer> bounds = new ArrayList<>(found);
        bounds.add(0, 0);
        bounds.add(series.length);
        for (int i = 1; i < bounds.size(); i++) {
            assertTrue(bounds.get(i) - bounds.get(i - 1) >= 5, found::toString);
        }
    }

    @Test
    void refusesBadParametersAndValues() {
        assertThrows(IllegalArgumentException.class, () -> new ChangePoints(1, 199, 0.05, 1));
        assertThrows(IllegalArgumentException.class, () -> new ChangePoints(5, 0, 0.05, 1));
        assertThrows(IllegalArgumentException.class, () -> new ChangePoints(5, 199, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ChangePoints(5, 199, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.find(new double[] {1, Double.NaN, 2}));
    }
}
