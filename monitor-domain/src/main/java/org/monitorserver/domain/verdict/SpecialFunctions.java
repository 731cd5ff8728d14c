package org.monitorserver.domain.verdict;

import java.util.function.IntToDoubleFunction;

/**
 * The special functions the t and normal distributions reduce to: log-gamma (Lanczos approximation, g = 7, nine
 * terms, about 15 significant digits for positive arguments), the regularized incomplete beta function and the
 * regularized upper incomplete gamma function (their continued fractions evaluated by the modified Lentz method,
 * the gamma function's power series where that fraction converges slowly).
 */
final class SpecialFunctions {

    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 100_000;
    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {
    }

    /** ln Γ(x) for x &gt; 0. */
    static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("log-gamma is taken of positive numbers only: " + x);
        }
        if (x < 0.5) {
            // Reflection: the series is accurate for x >= 1/2 only.
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double series = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            series += LANCZOS[i] / (z + i);
        }
        double t = z + LANCZOS_G + 0.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
    }

    /** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /**
     * The regularized incomplete beta function I_x(a, b), given both {@code x} and {@code y} = 1 − x so that a
     * caller who knows 1 − x more precisely than the subtraction would give it (as the t distribution does) loses
     * nothing.
     */
    static double regularizedBeta(double x, double y, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (y <= 0) {
            return 1;
        }
        // x^a y^b / B(a, b), the factor in front of the continued fraction.
        double front = Math.exp(a * Math.log(x) + b * Math.log(y) - logBeta(a, b));
        // The fraction converges fast for x < (a + 1) / (a + b + 2); beyond, use I_x(a, b) = 1 − I_y(b, a).
        if (x < (a + 1) / (a + b + 2)) {
            return front / (a * betaFraction(x, a, b));
        }
        return 1 - front / (b * betaFraction(y, b, a));
    }

    /** 1 + d1 / (1 + d2 / (1 + ...)), the continued fraction of I_x(a, b) (Abramowitz and Stegun 26.5.8). */
    private static double betaFraction(double x, double a, double b) {
        return continuedFraction(1, j -> {
            int m = j / 2;
            if (j % 2 == 0) {
                return m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            }
            return -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
        }, j -> 1);
    }

    /** The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a &gt; 0 and x ≥ 0. */
    static double regularizedGammaUpper(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        double front = Math.exp(a * Math.log(x) - x - logGamma(a));
        if (x < a + 1) {
            // Power series of the lower function P(a, x) = x^a e^-x / Γ(a + 1) · Σ x^n / ((a + 1)...(a + n)).
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < MAX_TERMS && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
                term *= x / (a + n);
                sum += term;
            }
            return 1 - front * sum;
        }
        // Q = front · 1 / (x + 1 − a − 1(1 − a) / (x + 3 − a − 2(2 − a) / (x + 5 − a − ...))).
        return front * continuedFraction(0, j -> j == 1 ? 1 : -(j - 1) * (j - 1 - a), j -> x + 2 * j - 1 - a);
    }

    /** The upper tail P(Z &gt; z) of the standard normal distribution, accurate far into the tail. */
    static double standardNormalUpperTail(double z) {
        if (z < 0) {
            return 1 - standardNormalUpperTail(-z);
        }
        return 0.5 * regularizedGammaUpper(0.5, z * z / 2);
    }

    /**
     * b0 + a1 / (b1 + a2 / (b2 + ...)) by the modified Lentz method: the convergents are built forwards as
     * ratios, so that no term needs a fixed depth chosen in advance; zeros are nudged to {@link #TINY}.
     */
    private static double continuedFraction(double b0, IntToDoubleFunction a, IntToDoubleFunction b) {
        double f = b0 == 0 ? TINY : b0;
        double c = f;
        double d = 0;
        for (int j = 1; j <= MAX_TERMS; j++) {
            double aj = a.applyAsDouble(j);
            double bj = b.applyAsDouble(j);
            d = bj + aj * d;
            d = 1 / (d == 0 ? TINY : d);
            c = bj + aj / c;
            c = c == 0 ? TINY : c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return f;
            }
        }
        throw new ArithmeticException("continued fraction did not converge in " + MAX_TERMS + " terms");
    }
}
