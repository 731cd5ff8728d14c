package org.monitorserver.domain.verdict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void isTheMiddleValueOfAnOddSample() {
        assertEquals(7, Median.of(7));
        assertEquals(3, Median.of(5, 1, 3));
        assertEquals(100, Median.of(100, 99, 300, 101, 98));
    }

    @Test
    void isTheMeanOfTheTwoMiddleValuesOfAnEvenSample() {
        assertEquals(2.5, Median.of(4, 1, 3, 2));
        assertEquals(1.5, Median.of(2, 1));
        assertEquals(Double.MAX_VALUE, Median.of(Double.MAX_VALUE, Double.MAX_VALUE));
    }

    @Test
    void leavesItsInputAsItWas() {
        double[] runs = {3, 1, 2};
        Median.of(runs);
        assertArrayEquals(new double[] {3, 1, 2}, runs);
    }

    @Test
    void takesAListToo() {
        assertEquals(2.5, Median.of(List.of(1.0, 4.0, 2.0, 3.0)));
    }

    @Test
    void refusesNoValuesAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> Median.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Median.of((double[]) null));
        assertThrows(IllegalArgumentException.class, () -> Median.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Median.of(1, Double.NaN, 2));
    }
}
