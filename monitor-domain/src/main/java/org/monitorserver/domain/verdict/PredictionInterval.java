package org.monitorserver.domain.verdict;

/**
 * Where the next value of a series is expected, from its history of n ≥ 2 values (one median per past build):
 * m ± t_{b, n−1} · s · √(1 + 1/n), with m the mean, s the sample standard deviation (divisor n − 1) and
 * t_{b, n−1} the quantile at the boundary b of Student's t with n − 1 degrees of freedom. Each side is a
 * one-sided bound at b, as Bencher's t-test threshold with an upper and a lower boundary of 0.99: a value above
 * {@link #upper()} has, if nothing changed, a chance of 1 − b. The √(1 + 1/n) widens the interval of the mean
 * into one for a single new value. A constant history (s = 0) gives the point itself, {@code lower == upper}:
 * with no noise seen, any different value is outside.
 */
public record PredictionInterval(double lower, double upper) {

    /** The boundary b used by {@link #of(double[])}. */
    public static final double DEFAULT_BOUNDARY = 0.99;

    public PredictionInterval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("an interval runs from its lower to its upper end: [" + lower + ", "
                    + upper + "]");
        }
    }

    /** The interval at the boundary {@link #DEFAULT_BOUNDARY}. */
    public static PredictionInterval of(double[] values) {
        return of(values, DEFAULT_BOUNDARY);
    }

    /** The interval for the next of {@code values} (at least two, all finite) at {@code boundary}, ½ ≤ b &lt; 1. */
    public static PredictionInterval of(double[] values, double boundary) {
        if (values == null || values.length < 2) {
            throw new IllegalArgumentException("a prediction interval needs at least two values");
        }
        if (!(boundary >= 0.5 && boundary < 1)) {
            throw new IllegalArgumentException("the boundary lies in [0.5, 1): " + boundary);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("history values must be finite: " + value);
            }
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
        }
        if (min == max) {
            // Tested apart: the rounded mean of equal values need not equal them, which would leave a sliver.
            return new PredictionInterval(min, max);
        }
        int n = values.length;
        double mean = sum / n;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double deviation = Math.sqrt(squares / (n - 1));
        double half = new StudentT(n - 1).quantile(boundary) * deviation * Math.sqrt(1 + 1.0 / n);
        return new PredictionInterval(mean - half, mean + half);
    }

    /** Whether {@code x} lies above the upper end (the end itself is inside). */
    public boolean isAbove(double x) {
        return x > upper;
    }

    /** Whether {@code x} lies below the lower end (the end itself is inside). */
    public boolean isBelow(double x) {
        return x < lower;
    }
}
