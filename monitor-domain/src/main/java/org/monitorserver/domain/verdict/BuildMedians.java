package org.monitorserver.domain.verdict;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.monitorserver.domain.metric.Resource;

/**
 * A history for comparisons: per test, the median of its runs in each build of a list (oldest first), per resource.
 * Builds are added one at a time, so that only their medians stay: a few numbers per test and build.
 */
public final class BuildMedians {

    private static final int RESOURCES = Resource.values().length;

    private final int builds;
    /** Per test, {@code medians[build * RESOURCES + resource]}; NaN where the test did not run in the build. */
    private final Map<TestKey, double[]> tests = new HashMap<>();

    /** An empty history of {@code builds} builds. */
    public BuildMedians(int builds) {
        this.builds = builds;
    }

    /** No history at all. */
    public static BuildMedians none() {
        return new BuildMedians(0);
    }

    /** Adds build {@code index} (0 is the oldest): the medians of {@code runs}, its tests' runs in it. */
    public void add(int index, TestRuns runs) {
        if (index < 0 || index >= builds) {
            throw new IllegalArgumentException("build " + index + " of " + builds);
        }
        for (TestKey test : runs.tests()) {
            double[] medians = tests.computeIfAbsent(test, key -> {
                double[] empty = new double[builds * RESOURCES];
                Arrays.fill(empty, Double.NaN);
                return empty;
            });
            for (Resource resource : Resource.values()) {
                medians[index * RESOURCES + resource.ordinal()] = runs.median(test, resource);
            }
        }
    }

    /** The test's per-build medians of {@code resource}, oldest first, builds it did not run in left out. */
    public double[] series(TestKey test, Resource resource) {
        double[] medians = tests.get(test);
        if (medians == null) {
            return new double[0];
        }
        double[] series = new double[builds];
        int n = 0;
        for (int b = 0; b < builds; b++) {
            double value = medians[b * RESOURCES + resource.ordinal()];
            if (!Double.isNaN(value)) {
                series[n++] = value;
            }
        }
        return Arrays.copyOf(series, n);
    }
}
