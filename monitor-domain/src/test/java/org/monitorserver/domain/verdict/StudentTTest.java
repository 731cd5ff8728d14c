package org.monitorserver.domain.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {

    /** Printed tables give these to 3 or 4 decimals; the digits beyond agree with SciPy's stats.t.ppf. */
    @ParameterizedTest
    @CsvSource({
        "1, 0.99, 31.820516", "2, 0.99, 6.964557", "4, 0.99, 3.746947", "10, 0.99, 2.763769",
        "19, 0.99, 2.539483", "63, 0.99, 2.387008", "30, 0.995, 2.749996", "30, 0.975, 2.042272"})
    void matchesTableQuantiles(double nu, double p, double t) {
        assertEquals(t, new StudentT(nu).quantile(p), 5e-7);
    }

    @Test
    void hasTheClosedFormsOfOneAndTwoDegrees() {
        // ν = 1 is the Cauchy distribution: F(t) = ½ + atan(t)/π, t_p = tan(π(p − ½)) = −1/tan(πp) (the second
        // form keeps its digits for tiny p). ν = 2: F(t) = ½ + t / (2√(2 + t²)).
        StudentT cauchy = new StudentT(1);
        StudentT two = new StudentT(2);
        for (double t : new double[] {-50, -3, -0.4, 0, 0.1, 1, 2.5, 1e4}) {
            assertEquals(0.5 + Math.atan(t) / Math.PI, cauchy.cdf(t), 1e-13, "ν = 1, t = " + t);
            assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), two.cdf(t), 1e-13, "ν = 2, t = " + t);
        }
        for (double p : new double[] {1e-9, 0.01, 0.3, 0.75, 0.999}) {
            double cauchyT = -1 / Math.tan(Math.PI * p);
            assertEquals(cauchyT, cauchy.quantile(p), 1e-9 * Math.max(1, Math.abs(cauchyT)), "ν = 1, p = " + p);
            double twoT = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
            assertEquals(twoT, two.quantile(p), 1e-9 * Math.max(1, Math.abs(twoT)), "ν = 2, p = " + p);
        }
    }

    @Test
    void takesRealDegreesOfFreedom() {
        // SciPy: stats.t.ppf(0.975, 2.5) and stats.t.ppf(0.9, 0.5).
        assertEquals(3.5746548420036817, new StudentT(2.5).quantile(0.975), 1e-9);
        assertEquals(10.27032441023451, new StudentT(0.5).quantile(0.9), 1e-8);
    }

    @Test
    void nearsTheNormalForManyDegrees() {
        assertEquals(2.326347874, new StudentT(1e6).quantile(0.99), 1e-5);
    }

    @Test
    void isSymmetricAroundZero() {
        for (double nu : new double[] {0.7, 1, 3, 12.5, 200}) {
            StudentT t = new StudentT(nu);
            assertEquals(0.5, t.cdf(0));
            assertEquals(0, t.quantile(0.5));
            for (double x : new double[] {0.3, 1.7, 4, 40}) {
                assertEquals(1, t.cdf(x) + t.cdf(-x), 1e-14, "ν = " + nu + ", t = " + x);
                assertEquals(t.density(x), t.density(-x), 0);
            }
            for (double p : new double[] {1e-6, 0.05, 0.2}) {
                assertEquals(-t.quantile(p), t.quantile(1 - p), 1e-9 * Math.abs(t.quantile(p)));
            }
        }
    }

    @Test
    void quantileInvertsTheDistributionFunction() {
        for (double nu : new double[] {0.5, 1, 2, 4, 9.5, 63, 1000}) {
            StudentT t = new StudentT(nu);
            for (double p : new double[] {1e-12, 1e-6, 0.001, 0.05, 0.4, 0.6, 0.9, 0.99, 0.999999}) {
                double q = t.quantile(p);
                double back = t.cdf(q);
                double tail = Math.min(p, 1 - p);
                assertEquals(p, back, 1e-9 * tail, "ν = " + nu + ", p = " + p);
            }
        }
    }

    @Test
    void densityIntegratesToTheDistributionFunction() {
        StudentT t = new StudentT(4);
        // Simpson's rule from 0 to 2 over the density: F(2) − F(0).
        int steps = 1000;
        double h = 2.0 / steps;
        double sum = t.density(0) + t.density(2);
        for (int i = 1; i < steps; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * t.density(i * h);
        }
        assertEquals(t.cdf(2) - 0.5, sum * h / 3, 1e-12);
    }

    @Test
    void hasInfiniteQuantilesAtZeroAndOne() {
        assertEquals(Double.NEGATIVE_INFINITY, new StudentT(3).quantile(0));
        assertEquals(Double.POSITIVE_INFINITY, new StudentT(3).quantile(1));
        assertEquals(1, new StudentT(3).cdf(Double.POSITIVE_INFINITY));
        assertEquals(0, new StudentT(3).cdf(-1e200));
    }

    @Test
    void refusesImpossibleArguments() {
        assertThrows(IllegalArgumentException.class, () -> new StudentT(0));
        assertThrows(IllegalArgumentException.class, () -> new StudentT(-1));
        assertThrows(IllegalArgumentException.class, () -> new StudentT(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new StudentT(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new StudentT(3).quantile(1.5));
        assertThrows(IllegalArgumentException.class, () -> new StudentT(3).quantile(Double.NaN));
    }
}
