package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;

/** The promises the scenarios rely on: how many of each thing, and the same data on every run. */
class DataSetTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final DataSet data = new DataSet(20_000);

    @Test
    void countsFollowFromN() {
        assertEquals(100, data.sessions().size());
        assertEquals(3, data.contexts().size());
        assertEquals(1000, data.items().size());
        assertEquals(Set.of("billing", "catalog", "checkout", "search", "users"),
                new HashSet<>(data.items().stream().map(DataSet.Item::component).toList()));
    }

    @Test
    void everySessionRendersTwoHundredMetricsAndEveryItemGetsNOverThousand() {
        Map<String, Integer> perItem = new HashMap<>();
        long lines = 0;
        for (int s = 0; s < data.sessions().size(); s++) {
            var out = new StringBuilder();
            data.appendMetrics(s, out);
            String[] rows = out.toString().split("\n");
            assertEquals(200, rows.length);
            lines += rows.length;
            for (String row : rows) {
                MetricJson metric = JSONB.fromJson(row, MetricJson.class);
                assertEquals(data.sessions().get(s).h(), metric.sessionH(), row);
                assertEquals(data.contextOf(s).h(), metric.contextH(), row);
                assertTrue(metric.userTime() + metric.kernelTime() <= metric.totalTime(), row);
                perItem.merge(metric.item(), 1, Integer::sum);
            }
        }
        assertEquals(20_000, lines);
        assertEquals(1000, perItem.size());
        assertEquals(Set.of(20), new HashSet<>(perItem.values()));
    }

    @Test
    void namesAndHashesAreUniqueAndWellFormed() {
        assertEquals(1000, data.items().stream().map(DataSet.Item::variant).distinct().count());
        assertEquals("test_case_012", data.items().get(12).name());
        assertEquals("test_case_012[5]", data.items().get(12).variant());
        assertEquals("catalog", data.items().get(56).component());
        assertEquals("tests.catalog.test_module_1", data.items().get(56).path());
        assertEquals("tests/catalog/test_module_1.py", data.items().get(56).fsLoc());
        assertEquals(100, data.sessions().stream().map(DataSet.Session::h).distinct().count());
        data.sessions().forEach(s -> {
            assertTrue(s.h().matches("[0-9a-f]{32}"), s.h());
            assertTrue(s.scmRef().matches("[0-9a-f]{40}"), s.scmRef());
        });
        data.contexts().forEach(c -> assertTrue(c.h().matches("[0-9a-f]{32}"), c.h()));
    }

    @Test
    void eachItemRunsOnceInEveryBuildOfEachPipeline() {
        var runs = new java.util.HashMap<String, Integer>();
        for (DataSet.Session session : data.sessions()) {
            for (int k = 0; k < DataSet.METRICS_PER_SESSION; k++) {
                int item = (session.index() * DataSet.METRICS_PER_SESSION + k) % DataSet.ITEMS;
                runs.merge(session.pipeline() + "/" + session.build() + "/" + item, 1, Integer::sum);
            }
        }
        assertEquals(2 * 10 * DataSet.ITEMS, runs.size(), "100 sessions: 10 builds a pipeline, every item in each");
        assertTrue(runs.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void sessionsFollowPipelinesAndBuilds() {
        DataSet.Session session = data.sessions().get(45);
        assertEquals("release", session.pipeline());
        assertEquals("4", session.build());
        assertEquals("{\"session_h\":\"" + session.h() + "\",\"run_date\":\"2026-01-01T00:45:00.000000\",\"scm_ref\":\""
                + session.scmRef() + "\",\"description\":{\"pipeline_branch\":\"release\",\"pipeline_build_no\":\"4\","
                + "\"__ci__\":\"gitlabci\"}}", data.sessionJson(session));
    }

    @Test
    void contextsAreTheApiRecordInCanonicalNames() {
        DataSet.Context context = data.contexts().get(1);
        String json = data.contextJson(context);

        assertEquals(DataSet.contextRecord(context.h(), "ci-runner-1"), JSONB.fromJson(json, ContextJson.class));
        assertTrue(json.startsWith("{\"h\":\"" + context.h() + "\",\"context_h\":\"" + context.h() + "\","), json);
        assertTrue(json.contains("\"cpu_frequency\":2000.0"), json);
    }

    @Test
    void theSameOnEveryRunWhateverN() {
        var again = new DataSet(1_000_000);
        assertEquals(data.sessions().get(99), again.sessions().get(99));
        assertEquals(data.contexts(), again.contexts());
        var mine = new StringBuilder();
        var theirs = new StringBuilder();
        data.appendMetrics(7, mine);
        again.appendMetrics(7, theirs);
        assertEquals(mine.toString(), theirs.toString());
        assertEquals(data.extraMetrics(5), new DataSet(20_000).extraMetrics(5));
    }

    @Test
    void otherSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DataSet(1500));
        assertThrows(IllegalArgumentException.class, () -> new DataSet(0));
    }
}
