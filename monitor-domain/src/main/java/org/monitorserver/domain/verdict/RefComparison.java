package org.monitorserver.domain.verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.monitorserver.domain.metric.Resource;

/**
 * Two refs compared: every test that ran in both, for every resource, decided by a {@link VerdictRule} whose
 * threshold is the test's component's. A ref's value for a test is the median of its runs in that ref; the
 * history of a test is, for each build before the baseline on the baseline's pipeline (oldest first), the median
 * of its runs in that build, builds without a run of it left out.
 */
public final class RefComparison {

    /**
     * One test and resource compared.
     *
     * @param item the test's item name (its function, without path or parameters), for display
     * @param thresholdPercent the threshold the verdict used
     * @param history how many builds of history the test had (before the rule's lookback cut them)
     */
    public record Row(TestKey test, String item, Resource resource, double thresholdPercent, int baselineRuns,
            int contenderRuns, int history, Comparison comparison) {

        public Verdict verdict() {
            return comparison.verdict();
        }
    }

    private RefComparison() {
    }

    /**
     * Compares {@code contender} with {@code baseline}; {@code historyBuilds} are the builds of {@code history},
     * oldest first. Rows come ordered by test, then resource.
     */
    public static List<Row> compare(List<TestRun> baseline, List<TestRun> contender, List<TestRun> history,
            List<String> historyBuilds, VerdictRule rule, ToDoubleFunction<String> thresholdOfComponent) {
        Map<TestKey, List<TestRun>> base = byTest(baseline);
        Map<TestKey, List<TestRun>> next = byTest(contender);
        Map<TestKey, Map<String, List<TestRun>>> past = new HashMap<>();
        for (TestRun run : history) {
            if (run.build() != null) {
                past.computeIfAbsent(run.key(), k -> new HashMap<>())
                        .computeIfAbsent(run.build(), b -> new ArrayList<>()).add(run);
            }
        }
        var rows = new ArrayList<Row>();
        for (Map.Entry<TestKey, List<TestRun>> test : base.entrySet()) {
            List<TestRun> contenderRuns = next.get(test.getKey());
            if (contenderRuns == null) {
                continue;
            }
            double threshold = thresholdOfComponent.applyAsDouble(test.getKey().component());
            VerdictRule testRule = rule.withThreshold(threshold);
            Map<String, List<TestRun>> pastRuns = past.getOrDefault(test.getKey(), Map.of());
            for (Resource resource : Resource.values()) {
                double[] series = historySeries(pastRuns, historyBuilds, resource);
                Comparison comparison = testRule.compare(values(test.getValue(), resource),
                        values(contenderRuns, resource), series);
                rows.add(new Row(test.getKey(), test.getValue().get(0).item(), resource, threshold,
                        test.getValue().size(), contenderRuns.size(), series.length, comparison));
            }
        }
        return rows;
    }

    private static double[] historySeries(Map<String, List<TestRun>> runsByBuild, List<String> builds,
            Resource resource) {
        var series = new double[builds.size()];
        int n = 0;
        for (String build : builds) {
            List<TestRun> runs = runsByBuild.get(build);
            if (runs != null) {
                series[n++] = Median.of(values(runs, resource));
            }
        }
        return java.util.Arrays.copyOf(series, n);
    }

    private static Map<TestKey, List<TestRun>> byTest(List<TestRun> runs) {
        var tests = new TreeMap<TestKey, List<TestRun>>();
        for (TestRun run : runs) {
            tests.computeIfAbsent(run.key(), k -> new ArrayList<>()).add(run);
        }
        return tests;
    }

    static double[] values(List<TestRun> runs, Resource resource) {
        return runs.stream().mapToDouble(run -> run.value(resource)).toArray();
    }
}
