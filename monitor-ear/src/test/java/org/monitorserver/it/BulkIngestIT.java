package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.BulkReportJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;

/**
 * {@code POST /api/v1/metrics/bulk}: a JSON array or NDJSON of metrics, validated row by row. The IT server's
 * bulk limit is 2 MiB (MONITOR_SERVER_MAX_BULK_BYTES in the pom).
 */
class BulkIngestIT extends ApiTestSupport {

    private static final String NDJSON = "application/x-ndjson";

    @Test
    void storesValidRowsOfAnArrayAndReportsTheOthers() {
        String session = Body.hash();
        String component = "bulk_" + Body.hash();
        Counts before = counts();
        String body = "[" + String.join(",",
                row(session, component, "test_0"),
                Body.metric(session, Body.hash()).without("kind").json(),
                row(session, component, "test_2"),
                "42",
                row(session, component, "test_4")) + "]";

        BulkReportJson report = read(post("/api/v1/metrics/bulk", body), 200, BulkReportJson.class);

        assertEquals(3, report.accepted());
        assertEquals(2, report.rejected());
        List<BulkReportJson.Rejection> rejections = report.rejections();
        assertEquals(List.of(1, 3), rejections.stream().map(BulkReportJson.Rejection::row).toList());
        assertTrue(rejections.get(0).errors().containsKey("kind"), report::toString);
        assertEquals(before.plus(0, 0, 3), counts());
        assertEquals(List.of("test_0", "test_2", "test_4"),
                page(get("/api/v1/sessions/" + session + "/metrics?page=1"), 200, MetricJson.class).metrics()
                        .stream().map(MetricJson::item).toList());
        assertEquals(List.of(component), page(get("/api/v1/components/" + component), 200, String.class)
                .components());
    }

    @Test
    void readsNdjsonLineByLine() {
        String session = Body.hash();
        Counts before = counts();
        String body = row(session, "", "a") + "\n\n" + "{not json\n" + row(session, "", "b") + "\n"
                + Body.metric(session, Body.hash()).with("total_time", "slow").json() + "\n";

        BulkReportJson report = read(post("/api/v1/metrics/bulk/", body, NDJSON), 200, BulkReportJson.class);

        assertEquals(2, report.accepted());
        assertEquals(2, report.rejected());
        assertEquals(1, report.rejections().get(0).row());
        assertEquals("must be a number", report.rejections().get(1).errors().get("total_time"));
        assertEquals(before.plus(0, 0, 2), counts());
    }

    @Test
    void storesMoreRowsThanOneBatch() {
        String session = Body.hash();
        var rows = new ArrayList<String>();
        for (int i = 0; i < 1200; i++) {
            rows.add(row(session, "", "test_" + i));
        }
        Counts before = counts();

        BulkReportJson report = read(post("/api/v1/metrics/bulk", "[" + String.join(",", rows) + "]"), 200,
                BulkReportJson.class);

        assertEquals(new BulkReportJson(1200, 0, List.of()), report);
        assertEquals(before.plus(0, 0, 1200), counts());
        assertEquals(1200, countOf("/api/v1/sessions/" + session + "/metrics/count"));
    }

    @Test
    void aBodyThatBreaksOffStoresNothing() {
        String session = Body.hash();
        Counts before = counts();
        String body = "[" + row(session, "", "a") + "," + row(session, "", "b") + ",{\"session_h\": ";

        assertTrue(error(post("/api/v1/metrics/bulk", body), 400).message().contains("JSON array"));
        assertEquals(before, counts());
        assertEquals(0, countOf("/api/v1/sessions/" + session + "/metrics/count"));
    }

    @Test
    void badBodiesAreRejectedWhole() {
        Counts before = counts();
        assertTrue(error(post("/api/v1/metrics/bulk", "{}"), 400).message().contains("array"));
        assertTrue(error(post("/api/v1/metrics/bulk", "[{x"), 400).message().contains("array"));
        assertTrue(error(post("/api/v1/metrics/bulk", "}"), 400).message().contains("array"));
        error(post("/api/v1/metrics/bulk", ""), 400);
        assertEquals(new BulkReportJson(0, 0, List.of()),
                read(post("/api/v1/metrics/bulk", "[]"), 200, BulkReportJson.class));
        error(post("/api/v1/metrics/bulk", "[]", "text/plain"), 415);
        assertEquals(before, counts());
    }

    @Test
    void bodiesOverTheBulkLimitAre413AndStoreNothing() {
        String session = Body.hash();
        var rows = new ArrayList<String>();
        String row = row(session, "", "x");
        for (int size = 0; size < 3 * 1024 * 1024; size += row.length() + 1) {
            rows.add(row);
        }
        Counts before = counts();

        ErrorBody error = error(post("/api/v1/metrics/bulk", "[" + String.join(",", rows) + "]"), 413);

        assertTrue(error.message().contains("MONITOR_SERVER_MAX_BULK_BYTES"), error::toString);
        assertEquals(before, counts());
    }

    private static String row(String session, String component, String item) {
        return Body.metric(session, Body.hash()).with("component", component).with("item", item).json();
    }

    @Test
    void storesSessionsAndContextsIdempotentlyReportingConflicts() {
        String known = Body.hash();
        json(post("/api/v1/sessions/", Body.session(known).json()), 201);
        String fresh = Body.hash();
        Counts before = counts();
        String sessions = "[" + String.join(",",
                Body.session(fresh).json(),
                Body.session(known).json(),
                Body.session(known).with("run_date", "2026-01-01T00:00:00").json(),
                Body.session(Body.hash()).without("run_date").json()) + "]";

        BulkReportJson report = read(post("/api/v1/sessions/bulk", sessions), 200, BulkReportJson.class);

        assertEquals(2, report.accepted(), report::toString);
        assertEquals(2, report.rejected());
        assertEquals(List.of(2, 3), report.rejections().stream().map(BulkReportJson.Rejection::row).toList());
        assertTrue(report.rejections().get(0).message().contains("different"));
        String contexts = Body.context(Body.hash()).json() + "\n" + Body.context(Body.hash()).json() + "\n";
        assertEquals(new BulkReportJson(2, 0, List.of()),
                read(post("/api/v1/contexts/bulk", contexts, NDJSON), 200, BulkReportJson.class));
        assertEquals(before.plus(2, 1, 0), counts());
    }

    @Test
    void aHashRepeatedInOneBodyIsStoredOnceAndComparedWithItsFirstRow() {
        String twice = Body.hash();
        String pipeline = "bulk_" + Body.hash().substring(0, 8);
        Counts before = counts();
        var rows = new ArrayList<String>();
        for (int i = 0; i < 1_100; i++) { // three chunks of at most 500 rows
            rows.add(Body.session(Body.hash()).with("description", Map.of("pipeline_branch", pipeline,
                    "pipeline_build_no", String.valueOf(i % 7))).json());
        }
        rows.add(Body.session(twice).json());
        rows.add(Body.session(twice).json());
        rows.add(Body.session(twice).with("scm_ref", "other").json());

        BulkReportJson report = read(post("/api/v1/sessions/bulk", String.join("\n", rows), NDJSON), 200,
                BulkReportJson.class);

        assertEquals(1_102, report.accepted(), report::toString);
        assertEquals(1, report.rejected());
        assertEquals(1_102, report.rejections().get(0).row());
        assertEquals(before.plus(0, 1_101, 0), counts());
        // Seven builds, listed once each whatever the number of their sessions: three pages of three.
        assertEquals(3, page(get("/api/v1/pipelines/" + pipeline + "/builds"), 200, String.class).totalPage());
        assertEquals(1, page(get("/api/v1/pipelines/" + pipeline + "/builds?page=-1"), 200, String.class).builds()
                .size());
    }
}
