package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;

/** {@code POST /api/v1/metrics/}, and what happens to every kind of bad request body. */
class MetricIngestIT extends ApiTestSupport {

    @Test
    void storesAMetricBeforeItsSessionAndContextExist() {
        Counts before = counts();
        String sessionH = Body.hash();
        String contextH = Body.hash();
        MetricJson stored = read(post("/api/v1/metrics/", Body.metric(sessionH, contextH).json()), 201,
                MetricJson.class);

        // Every field as posted, the doubles to the last bit; read() also holds the body to the record's 14 keys.
        assertEquals(Body.metricJson(sessionH, contextH), stored);
        assertEquals(before.plus(0, 0, 1), counts());
    }

    @Test
    void racingMetricsOfANewComponentAllSucceedAndListItOnce() throws Exception {
        String component = "race_" + Body.hash();
        long components = count("components");
        Counts before = counts();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    try (var response = post("/api/v1/metrics/",
                            Body.metric(Body.hash(), Body.hash()).with("component", component).json())) {
                        return response.getStatus();
                    }
                });
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(201, status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(before.plus(0, 0, 8), counts());
        assertEquals(components + 1, count("components"));
        assertEquals(List.of(component), page(get("/api/v1/components/" + component), 200, String.class).rows());
    }

    @Test
    void keepsTheNodeSpanFromTheEarliestStartToTheLatestEnd() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "reads node_span over JDBC");
        String sessionH = Body.hash();
        String contextH = Body.hash();
        // Single POSTs (group commit) in an order that widens the span both ways, then a bulk (one transaction).
        for (var startAndTotal : List.of(List.<Object>of("2026-11-21T10:00:00", 5), List.<Object>of(
                "2026-11-21T10:00:02", 10), List.<Object>of("2026-11-21T09:59:58", 1))) {
            json(post("/api/v1/metrics/", Body.metric(sessionH, contextH).with("item_start_time",
                    startAndTotal.get(0)).with("total_time", startAndTotal.get(1)).json()), 201);
        }
        json(post("/api/v1/metrics/bulk", "[" + Body.metric(sessionH, contextH).with("item_start_time",
                "2026-11-21T10:01:00").with("total_time", 0.25).json() + "," + Body.metric(sessionH, contextH)
                .with("item_start_time", "2026-11-21T10:00:30").with("total_time", 0.5).json() + "]"), 200);

        try (Connection db = database();
                PreparedStatement span = db.prepareStatement("SELECT start_at, end_at FROM node_span"
                        + " WHERE tenant_id = 1 AND session_h = ? AND context_h = ?")) {
            span.setString(1, sessionH);
            span.setString(2, contextH);
            try (ResultSet row = span.executeQuery()) {
                assertTrue(row.next(), "a span for the session's context");
                assertEquals(LocalDateTime.parse("2026-11-21T09:59:58"), row.getObject(1, LocalDateTime.class));
                assertEquals(LocalDateTime.parse("2026-11-21T10:01:00.25"), row.getObject(2, LocalDateTime.class));
            }
        }
    }

    @Test
    void acceptsTheApiDocumentsSpellings() {
        var body = Body.metric(Body.hash(), Body.hash()).renamed("context_h", "ctx_h")
                .renamed("total_time", "wall_time").renamed("kernel_time", "krnl_time").with("component", null);
        MetricJson stored = read(post("/api/v1/metrics", body.json()), 201, MetricJson.class);

        assertEquals(body.get("ctx_h"), stored.contextH());
        assertEquals(0.8004801273345947, stored.totalTime());
        assertEquals(0.069095616, stored.kernelTime());
        assertEquals("", stored.component());
    }

    @Test
    void missingAndMistypedFieldsAreNamedAndNothingIsStored() {
        Counts before = counts();
        var body = Body.metric(Body.hash(), "has space").without("mem_usage").with("user_time", "0.5")
                .with("item_start_time", "2026-11-21T25:00:00").with("item", 42);

        ErrorBody error = error(post("/api/v1/metrics/", body.json()), 400);

        Map<String, String> errors = error.errors();
        assertEquals(5, errors.size(), error::toString);
        assertTrue(errors.get("context_h").contains("without spaces"));
        assertTrue(errors.get("mem_usage").startsWith("is required"));
        assertEquals("must be a number", errors.get("user_time"));
        assertTrue(errors.get("item_start_time").contains("ISO 8601"));
        assertEquals("must be a string", errors.get("item"));
        assertTrue(error.message().startsWith("invalid metric"));
        assertEquals(before, counts());
    }

    @Test
    void nulCharactersAndOverlongUtf8AreRejected() {
        Counts before = counts();
        // 1,000 three-byte characters: 3,000 bytes, over the 2,048 an indexed item name may take.
        var body = Body.metric(Body.hash(), Body.hash()).with("item", "a\u0000b").with("item_variant", "€".repeat(1000));

        Map<String, String> errors = error(post("/api/v1/metrics/", body.json()), 400).errors();

        assertEquals("must not contain NUL characters", errors.get("item"));
        assertTrue(errors.get("item_variant").contains("bytes"), errors::toString);
        assertEquals(before, counts());
    }

    @Test
    void conflictingAliasesAreRejected() {
        var body = Body.metric(Body.hash(), Body.hash()).with("wall_time", 99.0);

        ErrorBody error = error(post("/api/v1/metrics/", body.json()), 400);

        assertTrue(error.errors().get("wall_time").contains("total_time"), error::toString);
    }

    @Test
    void malformedBodiesAreRejectedWithJson() {
        Counts before = counts();

        assertTrue(error(post("/api/v1/metrics/", "{\"session_h\": "), 400).message().contains("not valid JSON"));
        assertTrue(error(post("/api/v1/metrics/", "[{}]"), 400).message().contains("JSON object"));
        assertTrue(error(post("/api/v1/metrics/", ""), 400).message().contains("empty"));
        assertTrue(error(post("/api/v1/metrics/", "session_h=x", "application/x-www-form-urlencoded"), 415)
                .message().contains("application/json"));
        assertEquals(before, counts());
    }

    @Test
    void oversizedBodiesAre413() {
        Counts before = counts();
        String padding = " ".repeat(1024 * 1024);
        String body = Body.metric(Body.hash(), Body.hash()).json() + padding;

        assertTrue(error(post("/api/v1/metrics/", body), 413).message().contains("1048576"));
        assertEquals(before, counts());
    }
}
