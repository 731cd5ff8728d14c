package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/metrics/}, and what happens to every kind of bad request body. */
class MetricIngestIT extends ApiTestSupport {

    @Test
    void storesAMetricBeforeItsSessionAndContextExist() {
        Counts before = counts();
        String sessionH = Body.hash();
        String contextH = Body.hash();
        JsonObject stored = json(post("/api/v1/metrics/", Body.metric(sessionH, contextH).json()), 201);

        assertEquals(sessionH, stored.getString("session_h"));
        assertEquals(contextH, stored.getString("context_h"));
        assertEquals("2026-11-21T10:15:03.000042", stored.getString("item_start_time"));
        assertEquals("test_prime[982451653]", stored.getString("item_variant"));
        assertEquals("", stored.getString("component"));
        assertEquals(0.8004801273345947, stored.getJsonNumber("total_time").doubleValue());
        assertEquals(0.069095616, stored.getJsonNumber("kernel_time").doubleValue());
        assertEquals(14, stored.size(), stored::toString);
        assertEquals(before.plus(0, 0, 1), counts());
    }

    @Test
    void racingMetricsOfANewComponentAllSucceedAndListItOnce() throws Exception {
        String component = "race_" + Body.hash();
        long components = json(get("/api/v1/components/count"), 200).getJsonNumber("count").longValue();
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
        assertEquals(components + 1, json(get("/api/v1/components/count"), 200).getJsonNumber("count").longValue());
        assertEquals(component, json(get("/api/v1/components/" + component), 200).getJsonArray("components")
                .getString(0));
    }

    @Test
    void acceptsTheApiDocumentsSpellings() {
        var body = Body.metric(Body.hash(), Body.hash()).renamed("context_h", "ctx_h")
                .renamed("total_time", "wall_time").renamed("kernel_time", "krnl_time").with("component", null);
        JsonObject stored = json(post("/api/v1/metrics", body.json()), 201);

        assertEquals(body.get("ctx_h"), stored.getString("context_h"));
        assertEquals(0.8004801273345947, stored.getJsonNumber("total_time").doubleValue());
        assertEquals("", stored.getString("component"));
    }

    @Test
    void missingAndMistypedFieldsAreNamedAndNothingIsStored() {
        Counts before = counts();
        var body = Body.metric(Body.hash(), "has space").without("mem_usage").with("user_time", "0.5")
                .with("item_start_time", "2026-11-21T25:00:00").with("item", 42);

        JsonObject error = json(post("/api/v1/metrics/", body.json()), 400);

        JsonObject errors = error.getJsonObject("errors");
        assertEquals(5, errors.size(), error::toString);
        assertTrue(errors.getString("context_h").contains("without spaces"));
        assertTrue(errors.getString("mem_usage").startsWith("is required"));
        assertEquals("must be a number", errors.getString("user_time"));
        assertTrue(errors.getString("item_start_time").contains("ISO 8601"));
        assertEquals("must be a string", errors.getString("item"));
        assertTrue(error.getString("message").startsWith("invalid metric"));
        assertEquals(before, counts());
    }

    @Test
    void nulCharactersAndOverlongUtf8AreRejected() {
        Counts before = counts();
        // 1,000 three-byte characters: 3,000 bytes, over the 2,048 an indexed item name may take.
        var body = Body.metric(Body.hash(), Body.hash()).with("item", "a\u0000b").with("item_variant", "€".repeat(1000));

        JsonObject errors = json(post("/api/v1/metrics/", body.json()), 400).getJsonObject("errors");

        assertEquals("must not contain NUL characters", errors.getString("item"));
        assertTrue(errors.getString("item_variant").contains("bytes"), errors::toString);
        assertEquals(before, counts());
    }

    @Test
    void conflictingAliasesAreRejected() {
        var body = Body.metric(Body.hash(), Body.hash()).with("wall_time", 99.0);

        JsonObject error = json(post("/api/v1/metrics/", body.json()), 400);

        assertTrue(error.getJsonObject("errors").getString("wall_time").contains("total_time"));
    }

    @Test
    void malformedBodiesAreRejectedWithJson() {
        Counts before = counts();

        assertTrue(json(post("/api/v1/metrics/", "{\"session_h\": "), 400).getString("message")
                .contains("not valid JSON"));
        assertTrue(json(post("/api/v1/metrics/", "[{}]"), 400).getString("message").contains("JSON object"));
        assertTrue(json(post("/api/v1/metrics/", ""), 400).getString("message").contains("empty"));
        assertTrue(json(post("/api/v1/metrics/", "session_h=x", "application/x-www-form-urlencoded"), 415)
                .getString("message").contains("application/json"));
        assertEquals(before, counts());
    }

    @Test
    void oversizedBodiesAre413() {
        Counts before = counts();
        String padding = " ".repeat(1024 * 1024);
        String body = Body.metric(Body.hash(), Body.hash()).json() + padding;

        assertTrue(json(post("/api/v1/metrics/", body), 413).getString("message").contains("1048576"));
        assertEquals(before, counts());
    }
}
