package org.monitorserver.domain.verdict;

/**
 * Student's t distribution with {@code degreesOfFreedom} ν &gt; 0 (any real ν): its density, distribution function
 * and quantile. The distribution function is P(T ≤ t) = 1 − ½ I_x(ν/2, ½) for t ≥ 0, with x = ν / (ν + t²) and
 * I the regularized incomplete beta function (continued fraction, Lentz; log-gamma by Lanczos), and symmetric
 * below 0. The quantile solves for the upper tail by Newton steps kept inside a bracket (a bisection step
 * whenever Newton would leave it), to a relative precision near 1e-14; the tail is computed directly, never as
 * 1 − a probability near 1, so p = 1e-12 is as precise as p = 0.99. Accuracy holds to about 1e-9 up to ν = 1e6;
 * beyond that the log-gamma differences lose digits (a prediction interval uses ν = builds − 1).
 */
public record StudentT(double degreesOfFreedom) {

    private static final int MAX_STEPS = 500;
    private static final double RELATIVE_PRECISION = 1e-14;

    public StudentT {
        if (!(degreesOfFreedom > 0) || Double.isInfinite(degreesOfFreedom)) {
            throw new IllegalArgumentException("degrees of freedom must be finite and positive: " + degreesOfFreedom);
        }
    }

    /** The probability density at {@code t}. */
    public double density(double t) {
        double nu = degreesOfFreedom;
        return Math.exp(-(nu + 1) / 2 * Math.log1p(t * t / nu) - SpecialFunctions.logBeta(nu / 2, 0.5))
                / Math.sqrt(nu);
    }

    /** P(T ≤ t); NaN for NaN. */
    public double cdf(double t) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        double tail = upperTail(Math.abs(t));
        return t < 0 ? tail : 1 - tail;
    }

    /**
     * The t with P(T ≤ t) = {@code p}: negative below ½, 0 at ½, infinite at 0 and 1 (and when the answer lies
     * beyond the largest double, as it can for tiny p and ν well below 1).
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability lies in [0, 1]: " + p);
        }
        // 1 − p is exact for p ≥ ½ (Sterbenz), so the smaller tail is known to full precision.
        double tail = Math.min(p, 1 - p);
        double t = tail == 0.5 ? 0 : tail == 0 ? Double.POSITIVE_INFINITY : upperQuantile(tail);
        return p < 0.5 ? -t : t;
    }

    /** P(T &gt; t) for t ≥ 0, from I_x(ν/2, ½) with both x and 1 − x formed without cancellation. */
    private double upperTail(double t) {
        double ratio = t / Math.sqrt(degreesOfFreedom);
        double r = ratio * ratio; // t² / ν
        if (Double.isInfinite(r)) {
            return 0;
        }
        return 0.5 * SpecialFunctions.regularizedBeta(1 / (1 + r), r / (1 + r), degreesOfFreedom / 2, 0.5);
    }

    /** The t &gt; 0 with P(T &gt; t) = tail, for 0 &lt; tail &lt; ½. */
    private double upperQuantile(double tail) {
        // The tail falls from ½ at 0; double the upper end until it is at or below the target.
        double low = 0;
        double high = 1;
        while (upperTail(high) > tail) {
            if (high > Double.MAX_VALUE / 2) {
                return Double.POSITIVE_INFINITY;
            }
            low = high;
            high *= 2;
        }
        double t = (low + high) / 2;
        for (int step = 0; step < MAX_STEPS; step++) {
            double excess = upperTail(t) - tail;
            if (excess == 0) {
                return t;
            }
            if (excess > 0) {
                low = t;
            } else {
                high = t;
            }
            // Newton on the falling tail: d/dt P(T > t) = −density(t).
            double next = t + excess / density(t);
            if (!(next > low && next < high)) {
                next = (low + high) / 2;
            }
            if (Math.abs(next - t) <= RELATIVE_PRECISION * next || next == low || next == high) {
                return next;
            }
            t = next;
        }
        return t;
    }
}
