package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

        JsonObject report = json(post("/api/v1/metrics/bulk", body), 200);

        assertEquals(3, report.getInt("accepted"));
        assertEquals(2, report.getInt("rejected"));
        JsonArray rejections = report.getJsonArray("rejections");
        assertEquals(1, rejections.getJsonObject(0).getInt("row"));
        assertTrue(rejections.getJsonObject(0).getJsonObject("errors").containsKey("kind"), report::toString);
        assertEquals(3, rejections.getJsonObject(1).getInt("row"));
        assertEquals(before.plus(0, 0, 3), counts());
        assertEquals(List.of("test_0", "test_2", "test_4"),
                json(get("/api/v1/sessions/" + session + "/metrics?page=1"), 200).getJsonArray("metrics").stream()
                        .map(v -> v.asJsonObject().getString("item")).toList());
        assertEquals(component, json(get("/api/v1/components/" + component), 200).getJsonArray("components")
                .getString(0));
    }

    @Test
    void readsNdjsonLineByLine() {
        String session = Body.hash();
        Counts before = counts();
        String body = row(session, "", "a") + "\n\n" + "{not json\n" + row(session, "", "b") + "\n"
                + Body.metric(session, Body.hash()).with("total_time", "slow").json() + "\n";

        JsonObject report = json(post("/api/v1/metrics/bulk/", body, NDJSON), 200);

        assertEquals(2, report.getInt("accepted"));
        assertEquals(2, report.getInt("rejected"));
        assertEquals(1, report.getJsonArray("rejections").getJsonObject(0).getInt("row"));
        assertEquals("must be a number", report.getJsonArray("rejections").getJsonObject(1)
                .getJsonObject("errors").getString("total_time"));
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

        JsonObject report = json(post("/api/v1/metrics/bulk", "[" + String.join(",", rows) + "]"), 200);

        assertEquals(1200, report.getInt("accepted"));
        assertEquals(0, report.getJsonArray("rejections").size());
        assertEquals(before.plus(0, 0, 1200), counts());
        assertEquals(1200, json(get("/api/v1/sessions/" + session + "/metrics/count"), 200).getInt("count"));
    }

    @Test
    void aBodyThatBreaksOffStoresNothing() {
        String session = Body.hash();
        Counts before = counts();
        String body = "[" + row(session, "", "a") + "," + row(session, "", "b") + ",{\"session_h\": ";

        assertTrue(json(post("/api/v1/metrics/bulk", body), 400).getString("message").contains("JSON array"));
        assertEquals(before, counts());
        assertEquals(0, json(get("/api/v1/sessions/" + session + "/metrics/count"), 200).getInt("count"));
    }

    @Test
    void badBodiesAreRejectedWhole() {
        Counts before = counts();
        assertTrue(json(post("/api/v1/metrics/bulk", "{}"), 400).getString("message").contains("array"));
        assertTrue(json(post("/api/v1/metrics/bulk", "[{x"), 400).getString("message").contains("array"));
        assertTrue(json(post("/api/v1/metrics/bulk", "}"), 400).getString("message").contains("array"));
        json(post("/api/v1/metrics/bulk", ""), 400);
        assertEquals(0, json(post("/api/v1/metrics/bulk", "[]"), 200).getInt("accepted"));
        json(post("/api/v1/metrics/bulk", "[]", "text/plain"), 415);
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

        JsonObject error = json(post("/api/v1/metrics/bulk", "[" + String.join(",", rows) + "]"), 413);

        assertTrue(error.getString("message").contains("MONITOR_SERVER_MAX_BULK_BYTES"), error::toString);
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

        JsonObject report = json(post("/api/v1/sessions/bulk", sessions), 200);

        assertEquals(2, report.getInt("accepted"), report::toString);
        assertEquals(2, report.getInt("rejected"));
        assertEquals(2, report.getJsonArray("rejections").getJsonObject(0).getInt("row"));
        assertTrue(report.getJsonArray("rejections").getJsonObject(0).getString("message").contains("different"));
        assertEquals(3, report.getJsonArray("rejections").getJsonObject(1).getInt("row"));
        String contexts = Body.context(Body.hash()).json() + "\n" + Body.context(Body.hash()).json() + "\n";
        assertEquals(2, json(post("/api/v1/contexts/bulk", contexts, NDJSON), 200).getInt("accepted"));
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

        JsonObject report = json(post("/api/v1/sessions/bulk", String.join("\n", rows), NDJSON), 200);

        assertEquals(1_102, report.getInt("accepted"), report::toString);
        assertEquals(1, report.getInt("rejected"));
        assertEquals(1_102, report.getJsonArray("rejections").getJsonObject(0).getInt("row"));
        assertEquals(before.plus(0, 1_101, 0), counts());
        // Seven builds, listed once each whatever the number of their sessions: three pages of three.
        assertEquals(3, json(get("/api/v1/pipelines/" + pipeline + "/builds"), 200).getInt("total_page"));
        assertEquals(1, json(get("/api/v1/pipelines/" + pipeline + "/builds?page=-1"), 200).getJsonArray("builds")
                .size());
    }
}
