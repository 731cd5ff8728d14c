package org.monitorserver.domain.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.monitorserver.domain.metric.Resource;

/**
 * Two refs compared: every test that ran in both, for every resource, decided by a {@link VerdictRule} whose
 * threshold is the test's component's. A ref's value for a test is the median of its runs in that ref ({@link
 * TestRuns}); the history of a test is, for each build before the baseline on the baseline's pipeline (oldest
 * first), the median of its runs in that build, builds without a run of it left out ({@link BuildMedians}).
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

    /** Compares {@code contender} with {@code baseline} against {@code history}. Rows come ordered by test, then resource. */
    public static List<Row> compare(TestRuns baseline, TestRuns contender, BuildMedians history, VerdictRule rule,
            ToDoubleFunction<String> thresholdOfComponent) {
        var rows = new ArrayList<Row>();
        for (TestKey test : baseline.tests()) {
            if (!contender.contains(test)) {
                continue;
            }
            double threshold = thresholdOfComponent.applyAsDouble(test.component());
            VerdictRule testRule = rule.withThreshold(threshold);
            for (Resource resource : Resource.values()) {
                double[] series = history.series(test, resource);
                Comparison comparison = testRule.compare(baseline.values(test, resource),
                        contender.values(test, resource), series);
                rows.add(new Row(test, baseline.item(test), resource, threshold, baseline.runs(test),
                        contender.runs(test), series.length, comparison));
            }
        }
        return rows;
    }
}
