package org.monitorserver.domain.verdict;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Change points of a series by E-Divisive with means (Matteson and James 2014, "A Nonparametric Approach for
 * Multiple Change Point Analysis of Multivariate Data", JASA 109(505)), univariate, exponent α = 1.
 *
 * <p>What is implemented, precisely:
 * <ol>
 * <li>Divergence. For a segment [s, e) and a split τ (s &lt; τ &lt; e) with left X = [s, τ) of size n and right
 * Y = [τ, e) of size m, the energy statistic is Ê = 2/(nm) Σ|x − y| − C(n, 2)⁻¹ Σ_{i&lt;k}|x_i − x_k| −
 * C(m, 2)⁻¹ Σ_{j&lt;k}|y_j − y_k|, and the scaled statistic Q̂ = nm/(n + m) · Ê.
 * <li>Best split. In each segment, the τ with both sides at least {@code minimumSegment} long that maximises
 * Q̂ (the earliest on a tie). This is the paper's simple form, without its κ refinement: the right side always
 * runs to the segment's end, which is enough for steps that last. A segment costs O(L²): each pair distance is taken once, into
 * per-point sums towards earlier and later points, whose prefix and suffix sums give every τ's three sums.
 * <li>Hierarchy. Given the change points so far, the candidate is the best split of largest Q̂ over all current
 * segments; it is kept if significant, and the search repeats; it stops at the first candidate that is not
 * (or when no segment can be split, or the best Q̂ is not positive, as in a constant series).
 * <li>Significance. A permutation test: {@code permutations} times, the values are shuffled within each current
 * segment and the largest best-split Q̂ over the segments is recomputed; p = (1 + #{permuted ≥ observed}) /
 * (permutations + 1), significant when p ≤ {@code significance}. The loop stops as soon as p can no longer be
 * significant (same answer, less work). The shuffles come from a {@link SplittableRandom} seeded with
 * {@code seed} once per {@link #find} call, so a series always gets the same answer.
 * </ol>
 * Each pass costs O((permutations + 1) · n²) time at worst and O(n) memory.
 *
 * @param minimumSegment the fewest points each side of a split must hold (≥ 2: a side's mean distance needs a pair)
 * @param permutations the number of shuffles in each significance test (≥ 1)
 * @param significance the largest p-value accepted as a change (0 &lt; significance &lt; 1)
 * @param seed the seed of the shuffles
 */
public record ChangePoints(int minimumSegment, int permutations, double significance, long seed) {

    /** Segments of at least 5 points, 199 permutations, p ≤ 0.05, a fixed seed. */
    public static final ChangePoints DEFAULT = new ChangePoints(5, 199, 0.05, 0x5EED_2014L);

    public ChangePoints {
        if (minimumSegment < 2 || permutations < 1 || !(significance > 0 && significance < 1)) {
            throw new IllegalArgumentException("change points need segments of at least 2, at least one"
                    + " permutation and a significance in (0, 1): " + minimumSegment + ", " + permutations + ", "
                    + significance);
        }
    }

    /** The best split of one segment: where the right side starts, and its Q̂. */
    private record Split(int index, double statistic) {
    }

    /**
     * The indexes of {@code series} (finite values) at which a new segment starts, ascending; empty when there
     * is no significant change or the series has fewer than 2 × {@code minimumSegment} points.
     */
    public List<Integer> find(double[] series) {
        for (double value : series) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a series for change points holds finite values only: " + value);
            }
        }
        TreeSet<Integer> starts = new TreeSet<>();
        SplittableRandom random = new SplittableRandom(seed);
        while (true) {
            int[] bounds = boundsOf(starts, series.length);
            Split candidate = bestSplit(series, bounds);
            if (candidate == null || !(candidate.statistic() > 0)
                    || !isSignificant(series, bounds, candidate.statistic(), random)) {
                return List.copyOf(starts);
            }
            starts.add(candidate.index());
        }
    }

    private static int[] boundsOf(TreeSet<Integer> starts, int length) {
        int[] bounds = new int[starts.size() + 2];
        int i = 1;
        for (int start : starts) {
            bounds[i++] = start;
        }
        bounds[i] = length;
        return bounds;
    }

    /** The split of largest Q̂ over the segments [bounds[k], bounds[k + 1]); null when none is long enough. */
    private Split bestSplit(double[] values, int[] bounds) {
        Split best = null;
        for (int k = 0; k + 1 < bounds.length; k++) {
            Split split = bestSplitIn(values, bounds[k], bounds[k + 1]);
            if (split != null && (best == null || split.statistic() > best.statistic())) {
                best = split;
            }
        }
        return best;
    }

    private Split bestSplitIn(double[] values, int from, int to) {
        int length = to - from;
        if (length < 2 * minimumSegment) {
            return null;
        }
        // toEarlier[i]: Σ_{h<i} |v_h − v_i|; toLater[i]: Σ_{j>i} |v_i − v_j| (positions within the segment).
        double[] toEarlier = new double[length];
        double[] toLater = new double[length];
        for (int i = 1; i < length; i++) {
            double vi = values[from + i];
            double sum = 0;
            for (int h = 0; h < i; h++) {
                double distance = Math.abs(values[from + h] - vi);
                sum += distance;
                toLater[h] += distance;
            }
            toEarlier[i] = sum;
        }
        // within right [τ, length) = suffix sums of toLater; within left [0, τ) = prefix sums of toEarlier.
        double[] withinRight = new double[length + 1];
        for (int i = length - 1; i >= 0; i--) {
            withinRight[i] = withinRight[i + 1] + toLater[i];
        }
        double total = withinRight[0];
        double withinLeft = 0;
        Split best = null;
        for (int tau = 1; tau < length; tau++) {
            withinLeft += toEarlier[tau - 1];
            int n = tau;
            int m = length - tau;
            if (n < minimumSegment || m < minimumSegment) {
                continue;
            }
            double between = total - withinLeft - withinRight[tau];
            double energy = 2 * between / ((double) n * m) - withinLeft / (n * (n - 1) / 2.0)
                    - withinRight[tau] / (m * (m - 1) / 2.0);
            double statistic = (double) n * m / length * energy;
            if (best == null || statistic > best.statistic()) {
                best = new Split(from + tau, statistic);
            }
        }
        return best;
    }

    private boolean isSignificant(double[] series, int[] bounds, double observed, SplittableRandom random) {
        double[] shuffled = series.clone();
        int atLeastObserved = 0;
        for (int r = 0; r < permutations; r++) {
            for (int k = 0; k + 1 < bounds.length; k++) {
                shuffle(shuffled, bounds[k], bounds[k + 1], random);
            }
            Split split = bestSplit(shuffled, bounds);
            if (split != null && split.statistic() >= observed) {
                atLeastObserved++;
                if ((1.0 + atLeastObserved) / (permutations + 1) > significance) {
                    return false;
                }
            }
        }
        return (1.0 + atLeastObserved) / (permutations + 1) <= significance;
    }

    /** Fisher–Yates on [from, to). */
    private static void shuffle(double[] values, int from, int to, SplittableRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
