package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles: always a measured value, never an interpolation. */
class LatenciesTest {

    private static long[] oneTo(int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = i + 1;
        }
        return values;
    }

    @Test
    void percentilesOfOneToHundred() {
        long[] values = oneTo(100);
        assertEquals(50, Latencies.percentile(values, 50));
        assertEquals(99, Latencies.percentile(values, 99));
        assertEquals(100, Latencies.percentile(values, 100));
        assertEquals(1, Latencies.percentile(values, 0));
    }

    @Test
    void percentilesOfFewValuesRoundUp() {
        assertEquals(5, Latencies.percentile(oneTo(10), 50));
        assertEquals(10, Latencies.percentile(oneTo(10), 99));
        assertEquals(2, Latencies.percentile(oneTo(3), 50));
        assertEquals(7, Latencies.percentile(new long[] {7}, 99));
        assertEquals(990, Latencies.percentile(oneTo(1000), 99));
    }

    @Test
    void noValuesGiveZero() {
        assertEquals(0, Latencies.percentile(new long[0], 50));
    }

    @Test
    void partsGrowMergeAndSort() {
        var first = new Latencies();
        var second = new Latencies();
        // Past the initial capacity, in reverse order.
        for (int i = 10_000; i > 0; i--) {
            (i % 2 == 0 ? first : second).add(i);
        }
        assertEquals(5_000, first.size());
        long[] merged = Latencies.mergeSorted(List.of(first, second));
        assertArrayEquals(oneTo(10_000), merged);
        assertEquals(9_900, Latencies.percentile(merged, 99));
    }
}
