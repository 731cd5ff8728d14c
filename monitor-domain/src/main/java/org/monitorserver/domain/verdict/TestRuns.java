package org.monitorserver.domain.verdict;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.monitorserver.domain.metric.Resource;

/**
 * The runs of a ref's tests, kept as values only: per test, its item name and each resource's values, in growing
 * arrays. A comparison reads its rows in chunks and adds them here, so that what it holds is a few numbers per run,
 * not the rows. Not safe for several threads.
 */
public final class TestRuns {

    private static final int RESOURCES = Resource.values().length;

    /** One test's runs: {@code values[resource][run]}, the first {@code count} of each in use. */
    private static final class Runs {
        final String item;
        double[][] values = new double[RESOURCES][2];
        int count;

        Runs(String item) {
            this.item = item;
        }

        void add(TestRun run) {
            if (count == values[0].length) {
                for (int r = 0; r < RESOURCES; r++) {
                    values[r] = Arrays.copyOf(values[r], count * 2);
                }
            }
            for (Resource resource : Resource.values()) {
                values[resource.ordinal()][count] = run.value(resource);
            }
            count++;
        }
    }

    private final Map<TestKey, Runs> tests = new TreeMap<>();

    public void add(TestRun run) {
        tests.computeIfAbsent(run.key(), key -> new Runs(run.item())).add(run);
    }

    /** The tests that ran, in order. */
    public Set<TestKey> tests() {
        return tests.keySet();
    }

    public boolean contains(TestKey test) {
        return tests.containsKey(test);
    }

    /** The test's item name (the function, without path or parameters). */
    public String item(TestKey test) {
        return tests.get(test).item;
    }

    /** How many runs the test had. */
    public int runs(TestKey test) {
        return tests.get(test).count;
    }

    /** The test's values of {@code resource}, one per run. */
    public double[] values(TestKey test, Resource resource) {
        Runs runs = tests.get(test);
        return Arrays.copyOf(runs.values[resource.ordinal()], runs.count);
    }

    /** The median of the test's values of {@code resource}. */
    public double median(TestKey test, Resource resource) {
        return Median.of(values(test, resource));
    }
}
