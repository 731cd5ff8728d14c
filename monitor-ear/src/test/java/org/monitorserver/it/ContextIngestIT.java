package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.PageJson;

/** {@code POST /api/v1/contexts/} and {@code GET /api/v1/contexts/<prefix>}. */
class ContextIngestIT extends ApiTestSupport {

    @Test
    void storesAndAnswersTheCanonicalContext() {
        String h = Body.hash();
        var response = post("/api/v1/contexts/", Body.context(h).with("cpu_frequency", 2893.4).json());
        assertEquals(root() + "/api/v1/contexts/" + h, response.getHeaderString("Location"));
        ContextJson stored = read(response, 201, ContextJson.class);

        ContextJson posted = Body.contextJson(h);
        assertEquals(new ContextJson(h, h, posted.cpuCount(), 2893.4, posted.cpuType(), posted.cpuVendor(),
                posted.ramTotal(), posted.machineNode(), posted.machineType(), posted.machineArch(),
                posted.systemInfo(), posted.pythonInfo()), stored);
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

        ErrorBody error = error(post("/api/v1/contexts/", Body.context(h).with("cpu_count", 16).json()), 409);

        assertTrue(error.message().contains(h), error::toString);
        assertEquals(before, counts());
        assertEquals(List.of(Body.contextJson(h)), page(get("/api/v1/contexts/" + h), 200, ContextJson.class).rows());
    }

    @Test
    void missingAndMistypedFieldsAreNamed() {
        Counts before = counts();
        var body = Body.context(Body.hash()).without("cpu_type").with("cpu_count", "eight").with("ram_total", 1.5);

        ErrorBody error = error(post("/api/v1/contexts/", body.json()), 400);

        Map<String, String> errors = error.errors();
        assertEquals(3, errors.size(), error::toString);
        assertTrue(errors.get("cpu_type").startsWith("is required"));
        assertEquals("must be a number", errors.get("cpu_count"));
        assertTrue(errors.get("ram_total").startsWith("must be a whole number"));
        assertEquals(before, counts());
    }

    @Test
    void findsContextsByPrefixOnePageAtATime() {
        // The IT server's page size is 3 (MONITOR_SERVER_PAGINATION_COUNT in the pom).
        String prefix = Body.hash().substring(0, 20);
        for (int i = 0; i < 4; i++) {
            json(post("/api/v1/contexts/", Body.context(prefix + "abc" + i).json()), 201);
        }

        // page() also holds each page to the envelope: the contexts key, total_page, and both links, even null.
        PageJson<ContextJson> first = page(get("/api/v1/contexts/" + prefix), 200, ContextJson.class);
        assertEquals(List.of(prefix + "abc0", prefix + "abc1", prefix + "abc2"), hashes(first));
        assertEquals(3, first.contexts().size());
        assertEquals(2, first.totalPage());
        assertNull(first.prevUrl());
        assertEquals("/api/v1/contexts/" + prefix + "?page=2", first.nextUrl());

        // The reference query client appends next_url to a base that already ends in /api/v1.
        PageJson<ContextJson> second = page(get("/api/v1" + first.nextUrl()), 200, ContextJson.class);
        assertEquals(List.of(Body.contextJson(prefix + "abc3")), second.contexts());
        assertEquals("/api/v1/contexts/" + prefix + "?page=1", second.prevUrl());
        assertNull(second.nextUrl());

        assertEquals(second, page(get("/api/v1/contexts/" + prefix + "?page=-1"), 200, ContextJson.class));
        assertEquals(404, get("/api/v1/contexts/" + prefix + "?page=0").getStatus());
        assertEquals(404, get("/api/v1/contexts/" + prefix + "?page=3").getStatus());
        assertEquals(404, get("/api/v1/contexts/" + prefix + "?page=-3").getStatus());
        assertEquals(Set.of("page"), error(get("/api/v1/contexts/" + prefix + "?page=abc"), 400).errors().keySet());
    }

    /** The hashes of a page's contexts, each checked to equal its {@code context_h}. */
    private static List<String> hashes(PageJson<ContextJson> page) {
        page.rows().forEach(c -> assertEquals(c.h(), c.contextH(), c::toString));
        return page.rows().stream().map(ContextJson::h).toList();
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
        assertEquals(List.of(stem + "_x%y"), hashes(page(get("/api/v1/contexts/" + stem + "_x%25"), 200,
                ContextJson.class)));
        // The prefix is case-sensitive.
        assertEquals(204, get("/api/v1/contexts/" + stem.toUpperCase() + "_").getStatus());
    }
}
