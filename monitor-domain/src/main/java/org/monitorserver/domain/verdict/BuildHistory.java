package org.monitorserver.domain.verdict;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.monitorserver.domain.metric.Resource;

/**
 * A test's use of one resource across the builds of a pipeline: per build, the median of its runs; where the
 * series shifts ({@link ChangePoints}); and each point's verdict against the points before it
 * ({@link VerdictRule#againstPast}). One series per test (component, path, variant) of the runs given.
 */
public final class BuildHistory {

    /**
     * One build of a series.
     *
     * @param firstRunDate the build's earliest session run date, by which builds are ordered
     * @param sessions the sessions the test ran in, in this build
     */
    public record Point(String build, LocalDateTime firstRunDate, double value, int runs, List<String> sessions,
            Comparison againstPast) {
    }

    /**
     * One test's series.
     *
     * @param changePoints the indexes of {@code points} where a new segment starts
     */
    public record Series(TestKey test, String item, double thresholdPercent, List<Point> points,
            List<Integer> changePoints) {
    }

    private BuildHistory() {
    }

    /**
     * The series of {@code runs}, over {@code builds} (build to first run date, iterated oldest first; runs of
     * other builds are left out). Series come ordered by test.
     */
    public static List<Series> of(List<TestRun> runs, Map<String, LocalDateTime> builds, Resource resource,
            VerdictRule rule, ToDoubleFunction<String> thresholdOfComponent, ChangePoints changePoints) {
        var byTest = new TreeMap<TestKey, Map<String, List<TestRun>>>();
        for (TestRun run : runs) {
            if (run.build() != null && builds.containsKey(run.build())) {
                byTest.computeIfAbsent(run.key(), k -> new HashMap<>())
                        .computeIfAbsent(run.build(), b -> new ArrayList<>()).add(run);
            }
        }
        var series = new ArrayList<Series>();
        for (Map.Entry<TestKey, Map<String, List<TestRun>>> test : byTest.entrySet()) {
            double threshold = thresholdOfComponent.applyAsDouble(test.getKey().component());
            VerdictRule testRule = rule.withThreshold(threshold);
            var points = new ArrayList<Point>();
            var values = new ArrayList<Double>();
            String item = null;
            for (Map.Entry<String, LocalDateTime> build : builds.entrySet()) {
                List<TestRun> inBuild = test.getValue().get(build.getKey());
                if (inBuild == null) {
                    continue;
                }
                item = inBuild.get(0).item();
                double value = Median.of(inBuild.stream().mapToDouble(run -> run.value(resource)).toArray());
                values.add(value);
                points.add(new Point(build.getKey(), build.getValue(), value, inBuild.size(),
                        inBuild.stream().map(TestRun::sessionHash).distinct().toList(), null));
            }
            double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
            for (int i = 0; i < points.size(); i++) {
                Point point = points.get(i);
                points.set(i, new Point(point.build(), point.firstRunDate(), point.value(), point.runs(),
                        point.sessions(), testRule.againstPast(array, i)));
            }
            series.add(new Series(test.getKey(), item, threshold, List.copyOf(points), changePoints.find(array)));
        }
        return series;
    }
}
