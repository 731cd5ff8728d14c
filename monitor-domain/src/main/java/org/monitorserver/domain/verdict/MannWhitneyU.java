package org.monitorserver.domain.verdict;

import java.util.Arrays;

/**
 * The two-sided Mann–Whitney U test (Mann and Whitney 1947) of two independent samples: whether one tends to
 * hold larger values than the other, with no assumption on the shape of either distribution.
 *
 * <p>{@code u} counts the pairs (x from the first sample, y from the second) with x &gt; y, a tie counting ½; it
 * is the first sample's rank sum, with mid-ranks for ties, minus n1(n1 + 1)/2. The p-value is
 * <ul>
 * <li>exact ({@code exact == true}) when the pooled sample has no ties and n1 + n2 ≤ {@value #EXACT_LIMIT}: the
 * null distribution of the rank sum is enumerated by dynamic programming (counts of k-subsets of the ranks
 * 1..N by their sum, at most C(50, 25) ≈ 1.3e14, exact in a long), and p = min(1, 2 min(P(U ≤ u), P(U ≥ u)));
 * <li>otherwise the normal approximation: mean n1n2/2, variance n1n2/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))) over
 * the sizes t of tied groups, with a continuity correction of ½ towards the mean; p = 1 when every value is
 * tied.
 * </ul>
 */
public record MannWhitneyU(double u, double pValue, boolean exact) {

    /** The largest n1 + n2 for which the p-value of a tie-free pair of samples is exact. */
    public static final int EXACT_LIMIT = 50;

    public MannWhitneyU {
        if (!(u >= 0) || !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("U is a count and p a probability: U = " + u + ", p = " + pValue);
        }
    }

    /** The test of {@code first} against {@code second}, each non-empty and free of NaN. */
    public static MannWhitneyU test(double[] first, double[] second) {
        int n1 = sizeOf(first);
        int n2 = sizeOf(second);
        int n = n1 + n2;
        double[] pooled = new double[n];
        System.arraycopy(first, 0, pooled, 0, n1);
        System.arraycopy(second, 0, pooled, n1, n2);
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(pooled[i], pooled[j]));

        double firstRankSum = 0;
        double tieTerm = 0; // Σ (t³ − t) over groups of t tied values
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && pooled[order[end]] == pooled[order[start]]) {
                end++;
            }
            double midRank = (start + 1 + end) / 2.0; // the mean of ranks start + 1 .. end
            for (int k = start; k < end; k++) {
                if (order[k] < n1) {
                    firstRankSum += midRank;
                }
            }
            double t = end - start;
            tieTerm += t * t * t - t;
            start = end;
        }
        double u = firstRankSum - n1 * (n1 + 1) / 2.0;
        if (tieTerm == 0 && n <= EXACT_LIMIT) {
            return new MannWhitneyU(u, exactP((int) Math.round(u), n1, n2), true);
        }
        return new MannWhitneyU(u, normalP(u, n1, n2, tieTerm), false);
    }

    /**
     * The smallest two-sided p-value the exact test can give for these sizes (both ≥ 1): 2 / C(n1 + n2, n1),
     * capped at 1, reached only by complete separation. If it exceeds α, the test cannot reject at α whatever the
     * data: with 3 and 3 runs it is 0.1; with 5 and 5, 2/252 ≈ 0.0079.
     */
    public static double minimumAttainableP(int n1, int n2) {
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("both samples need a value: " + n1 + ", " + n2);
        }
        // C(n, k) built as C(n − k + i, i), i = 1..k: each product is an integer, exact below 2^53.
        double combinations = 1;
        for (int i = 1; i <= n1; i++) {
            combinations = combinations * (n2 + i) / i;
        }
        return Math.min(1, 2 / combinations);
    }

    private static int sizeOf(double[] sample) {
        if (sample == null || sample.length == 0) {
            throw new IllegalArgumentException("both samples need a value");
        }
        for (double value : sample) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("samples must not hold NaN");
            }
        }
        return sample.length;
    }

    private static double exactP(int u, int n1, int n2) {
        int n = n1 + n2;
        int maxSum = n1 * n - n1 * (n1 - 1) / 2; // ranks n2 + 1 .. n
        // ways[k][s]: the k-subsets of the ranks seen so far whose ranks add up to s.
        long[][] ways = new long[n1 + 1][maxSum + 1];
        ways[0][0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int k = Math.min(rank, n1); k >= 1; k--) {
                for (int s = maxSum; s >= rank; s--) {
                    ways[k][s] += ways[k - 1][s - rank];
                }
            }
        }
        int offset = n1 * (n1 + 1) / 2; // U = rank sum − offset
        long atMost = 0;
        long atLeast = 0;
        long total = 0;
        for (int s = offset; s <= maxSum; s++) {
            long count = ways[n1][s];
            total += count;
            if (s - offset <= u) {
                atMost += count;
            }
            if (s - offset >= u) {
                atLeast += count;
            }
        }
        return Math.min(1, 2.0 * Math.min(atMost, atLeast) / total);
    }

    private static double normalP(double u, int n1, int n2, double tieTerm) {
        double n = n1 + n2;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
        if (!(variance > 0)) {
            return 1; // every value tied: nothing tells the samples apart
        }
        double distance = Math.max(0, Math.abs(u - n1 * (double) n2 / 2) - 0.5);
        return Math.min(1, 2 * SpecialFunctions.standardNormalUpperTail(distance / Math.sqrt(variance)));
    }
}
