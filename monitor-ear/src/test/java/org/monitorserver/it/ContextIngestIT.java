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

/** {@code POST /api/v1/contexts/} and {@code GET /api/v1/contexts/<prefix>}. */
class ContextIngestIT extends ApiTestSupport {

    @Test
    void storesAndAnswersTheCanonicalContext() {
        String h = Body.hash();
        var response = post("/api/v1/contexts/", Body.context(h).with("cpu_frequency", 2893.4).json());
        assertEquals(root() + "/api/v1/contexts/" + h, response.getHeaderString("Location"));
        JsonObject stored = json(response, 201);

        assertEquals(h, stored.getString("h"));
        assertEquals(h, stored.getString("context_h"));
        assertEquals(2893.4, stored.getJsonNumber("cpu_frequency").doubleValue());
        assertEquals(8, stored.getInt("cpu_count"));
        assertEquals(16384, stored.getJsonNumber("ram_total").longValue());
        assertEquals("64bit", stored.getString("machine_arch"));
        assertEquals("3.11.7 (main, Jan  1 2024)", stored.getString("python_info"));
    }

    @Test
    void acceptsTheApiDocumentsSpellings() {
        String h = Body.hash();
        var body = Body.context(h).renamed("cpu_frequency", "cpu_freq").renamed("machine_node", "mac_node")
                .renamed("machine_type", "mac_type").renamed("machine_arch", "mac_arch")
                .renamed("system_info", "sys_info").renamed("python_info", "py_info").without("cpu_vendor");
        JsonObject stored = json(post("/api/v1/contexts", body.json()), 201);

        assertEquals("ci-runner-1", stored.getString("machine_node"));
        assertEquals("Linux - 6.1.0-18-amd64", stored.getString("system_info"));
        assertTrue(stored.isNull("cpu_vendor"));
    }

    @Test
    void identicalRepostsStoreOneCopy() {
        String h = Body.hash();
        Counts before = counts();
        JsonObject first = json(post("/api/v1/contexts/", Body.context(h).json()), 201);
        JsonObject second = json(post("/api/v1/contexts/", Body.context(h).json()), 201);

        assertEquals(first, second);
        assertEquals(before.plus(1, 0, 0), counts());
    }

    @Test
    void racingIdenticalPostsStoreOneCopy() throws Exception {
        String h = Body.hash();
        Counts before = counts();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    try (var response = post("/api/v1/contexts/", Body.context(h).json())) {
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
        assertEquals(before.plus(1, 0, 0), counts());
    }

    @Test
    void sameHashWithOtherContentIsAConflict() {
        String h = Body.hash();
        json(post("/api/v1/contexts/", Body.context(h).json()), 201);
        Counts before = counts();

        JsonObject error = json(post("/api/v1/contexts/", Body.context(h).with("cpu_count", 16).json()), 409);

        assertTrue(error.getString("message").contains(h), error::toString);
        assertEquals(before, counts());
        assertEquals(8, json(get("/api/v1/contexts/" + h), 200).getJsonArray("contexts").getJsonObject(0)
                .getInt("cpu_count"));
    }

    @Test
    void missingAndMistypedFieldsAreNamed() {
        Counts before = counts();
        var body = Body.context(Body.hash()).without("cpu_type").with("cpu_count", "eight").with("ram_total", 1.5);

        JsonObject error = json(post("/api/v1/contexts/", body.json()), 400);

        JsonObject errors = error.getJsonObject("errors");
        assertEquals(3, errors.size(), error::toString);
        assertTrue(errors.getString("cpu_type").startsWith("is required"));
        assertEquals("must be a number", errors.getString("cpu_count"));
        assertTrue(errors.getString("ram_total").startsWith("must be a whole number"));
        assertEquals(before, counts());
    }

    @Test
    void findsContextsByPrefixOnePageAtATime() {
        // The IT server's page size is 3 (MONITOR_SERVER_PAGINATION_COUNT in the pom).
        String prefix = Body.hash().substring(0, 20);
        for (int i = 0; i < 4; i++) {
            json(post("/api/v1/contexts/", Body.context(prefix + "abc" + i).json()), 201);
        }

        JsonObject first = json(get("/api/v1/contexts/" + prefix), 200);
        assertEquals(3, first.getJsonArray("contexts").size());
        assertEquals(2, first.getInt("total_page"));
        assertTrue(first.isNull("prev_url"));
        assertEquals("/api/v1/contexts/" + prefix + "?page=2", first.getString("next_url"));

        // The reference query client appends next_url to a base that already ends in /api/v1.
        JsonObject second = json(get("/api/v1" + first.getString("next_url")), 200);
        assertEquals(1, second.getJsonArray("contexts").size());
        assertEquals(prefix + "abc3", second.getJsonArray("contexts").getJsonObject(0).getString("h"));
        assertEquals("/api/v1/contexts/" + prefix + "?page=1", second.getString("prev_url"));
        assertTrue(second.isNull("next_url"));

        assertEquals(second, json(get("/api/v1/contexts/" + prefix + "?page=-1"), 200));
        assertEquals(404, get("/api/v1/contexts/" + prefix + "?page=0").getStatus());
        assertEquals(404, get("/api/v1/contexts/" + prefix + "?page=3").getStatus());
        assertEquals(404, get("/api/v1/contexts/" + prefix + "?page=-3").getStatus());
        assertEquals("page", json(get("/api/v1/contexts/" + prefix + "?page=abc"), 400).getJsonObject("errors")
                .keySet().iterator().next());
    }

    @Test
    void unknownPrefixIsNoContent() {
        assertEquals(204, get("/api/v1/contexts/" + Body.hash()).getStatus());
    }

    @Test
    void prefixWildcardsAreLiteral() {
        String stem = "ab" + Body.hash().substring(0, 14);
        json(post("/api/v1/contexts/", Body.context(stem + "_x%y").json()), 201);

        assertEquals(204, get("/api/v1/contexts/" + stem.substring(0, 15) + "_").getStatus());
        assertEquals(204, get("/api/v1/contexts/" + stem + "%25").getStatus());
        assertEquals(1, json(get("/api/v1/contexts/" + stem + "_x%25"), 200).getJsonArray("contexts").size());
        // The prefix is case-sensitive.
        assertEquals(204, get("/api/v1/contexts/" + stem.toUpperCase() + "_").getStatus());
    }
}
