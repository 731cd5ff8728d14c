package org.monitorserver.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The latencies one load-generator thread measured, in microseconds, in a growable array (no boxing, no lock:
 * each thread has its own); merged and sorted once the run is over.
 */
final class Latencies {

    private long[] values = new long[4096];
    private int size;

    void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    int size() {
        return size;
    }

    /** All the values of {@code parts}, sorted. */
    static long[] mergeSorted(List<Latencies> parts) {
        int total = parts.stream().mapToInt(Latencies::size).sum();
        long[] all = new long[total];
        int at = 0;
        for (Latencies part : parts) {
            System.arraycopy(part.values, 0, all, at, part.size);
            at += part.size;
        }
        Arrays.sort(all);
        return all;
    }

    /**
     * The {@code p}-th percentile of sorted values by the nearest-rank method: the smallest value that at least
     * {@code p} percent of the values do not exceed. An actual measurement, never an interpolation; 0 when there is
     * none.
     */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        if (p <= 0) {
            return sorted[0];
        }
        // p * n first: exact for whole p, so 99 * 100 / 100 is 99 and not 99.00000000000001.
        int rank = (int) Math.ceil(p * sorted.length / 100.0);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
    }
}
