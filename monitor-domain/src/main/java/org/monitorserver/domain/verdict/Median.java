package org.monitorserver.domain.verdict;

import java.util.Arrays;
import java.util.List;

/**
 * The median of a sample: the middle value, or the mean of the two middle values when the size is even. A ref's
 * value for a test is the median of its runs, and a pipeline's history holds one median per build, because one
 * slow run must not move either.
 */
public final class Median {

    private Median() {
    }

    /** The median of {@code values}, which must be non-empty and hold no NaN; the array is not changed. */
    public static double of(double... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted = values.clone();
        for (double value : sorted) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("the median of a sample holding NaN is undefined");
            }
        }
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[middle];
        }
        // Halved before adding, so that two values near Double.MAX_VALUE cannot overflow.
        return sorted[middle - 1] / 2 + sorted[middle] / 2;
    }

    /** The median of {@code values}, as {@link #of(double...)}; null elements are refused. */
    public static double of(List<Double> values) {
        if (values == null) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
