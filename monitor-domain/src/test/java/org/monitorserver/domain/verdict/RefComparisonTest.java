package org.monitorserver.domain.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monitorserver.domain.metric.Resource;

class RefComparisonTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);

    private static TestRun run(String component, String variant, String build, double memory) {
        return new TestRun(component, "tests.test_a", variant, "test_a", "s-" + build + "-" + variant, build,
                START, memory, 1, 1, 1, 1);
    }

    private static TestRuns runs(List<TestRun> list) {
        var runs = new TestRuns();
        list.forEach(runs::add);
        return runs;
    }

    @Test
    void aBuildsMedianIsItsHistoryValueAndTestsWithoutARunThereHaveNone() {
        var history = new BuildMedians(3);
        var first = new TestRuns();
        List.of(run("a", "v", "b0", 10), run("a", "v", "b0", 30), run("a", "v", "b0", 20)).forEach(first::add);
        history.add(0, first);
        var third = new TestRuns();
        third.add(run("a", "v", "b2", 5));
        third.add(run("b", "v", "b2", 7));
        history.add(2, third);
        assertEquals(List.of(20.0, 5.0), java.util.Arrays.stream(history.series(new TestKey("a", "tests.test_a", "v"),
                Resource.MEMORY)).boxed().toList());
        assertEquals(1, history.series(new TestKey("b", "tests.test_a", "v"), Resource.MEMORY).length);
        assertEquals(0, history.series(new TestKey("z", "tests.test_a", "v"), Resource.MEMORY).length);
    }

    @Test
    void comparesTestsInBothRefsWithTheMedianOfTheirRunsAndTheirComponentsThreshold() {
        var baseline = List.of(run("a", "v1", "b", 100), run("a", "v1", "b", 102), run("a", "v1", "b", 90),
                run("a", "only-in-baseline", "b", 5), run("c", "v2", "b", 100));
        var contender = List.of(run("a", "v1", "c", 130), run("c", "v2", "c", 130), run("a", "only-new", "c", 1));
        var history = new BuildMedians(10);
        for (int i = 0; i < 10; i++) {
            var build = new TestRuns();
            List.of(run("a", "v1", "h" + i, 100 + (i % 2)), run("c", "v2", "h" + i, 100 + (i % 2)),
                    run("c", "v2", "h" + i, 300), run("c", "v2", "h" + i, 99)).forEach(build::add);
            history.add(i, build);
        }
        List<RefComparison.Row> rows = RefComparison.compare(runs(baseline), runs(contender), history,
                VerdictRule.DEFAULT, component -> component.equals("c") ? 40 : 10);

        assertEquals(10, rows.size(), "two tests in both refs, five resources each");
        RefComparison.Row a = rows.stream().filter(r -> r.test().component().equals("a")
                && r.resource() == Resource.MEMORY).findFirst().orElseThrow();
        assertEquals(100, a.comparison().baselineValue(), "median of 100, 102, 90");
        assertEquals(3, a.baselineRuns());
        assertEquals(10, a.history());
        assertEquals(Verdict.REGRESSED, a.verdict());
        RefComparison.Row c = rows.stream().filter(r -> r.test().component().equals("c")
                && r.resource() == Resource.MEMORY).findFirst().orElseThrow();
        assertEquals(40, c.thresholdPercent());
        assertEquals(Verdict.UNCHANGED, c.verdict(), "+30 % is within the component's 40 %");
        assertTrue(rows.stream().filter(r -> r.resource() != Resource.MEMORY)
                .allMatch(r -> r.verdict() == Verdict.UNCHANGED));
    }

    @Test
    void aHistoryIsTheMedianOfEachBuildInTheGivenOrderAndTheStepIsItsChangePoint() {
        var runs = new ArrayList<TestRun>();
        Map<String, LocalDateTime> builds = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String build = "b" + (29 - i); // names that sort against the order of the builds
            builds.put(build, START.plusHours(i));
            double level = i < 15 ? 100 : 140;
            runs.add(run("a", "v", build, level + (i % 3)));
            runs.add(run("a", "v", build, level + (i % 3) + 0.5));
        }
        runs.add(run("a", "v", "not-a-build-of-the-pipeline", 1000));
        List<BuildHistory.Series> series = BuildHistory.of(runs, builds, Resource.MEMORY, VerdictRule.DEFAULT,
                component -> 10, ChangePoints.DEFAULT);

        assertEquals(1, series.size());
        List<BuildHistory.Point> points = series.get(0).points();
        assertEquals(30, points.size());
        assertEquals("b29", points.get(0).build());
        assertEquals(100.25, points.get(0).value(), 1e-9);
        assertEquals(2, points.get(0).runs());
        assertEquals(List.of(15), series.get(0).changePoints());
        assertEquals(Verdict.NOT_ENOUGH_HISTORY, points.get(3).againstPast().verdict());
        assertEquals(Verdict.REGRESSED, points.get(15).againstPast().verdict());
        assertEquals(Verdict.UNCHANGED, points.get(10).againstPast().verdict());
    }
}
