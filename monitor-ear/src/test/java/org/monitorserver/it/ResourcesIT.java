package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;

/**
 * {@code GET /api/v1/resources/<resource>/{head,tail}[/<n>]/metrics}, overall and per component, pipeline and
 * build. Rankings over all metrics see every test's data, so those tests use values no other test posts and
 * look at the top rows only; the scoped tests use components and pipelines of their own. The IT page size is 3.
 */
class ResourcesIT extends ApiTestSupport {

    private static final String ALLOWED = "memory, cpu, kernel_time, user_time, total_time";

    /** The metric field each resource of the API ranks by. */
    private static final Map<String, String> FIELDS = Map.of("memory", "mem_usage", "cpu", "cpu_usage",
            "kernel_time", "kernel_time", "user_time", "user_time", "total_time", "total_time");

    @Test
    void eachResourceRanksByItsOwnField() {
        for (var resource : FIELDS.entrySet()) {
            String component = unique("field");
            // Every other field ranks a, c, b; only the resource's own field ranks b, c, a.
            for (var row : List.of(List.of("a", 1.0, 3.0), List.of("b", 3.0, 1.0), List.of("c", 2.0, 2.0))) {
                Body metric = metricIn(component, (String) row.get(0));
                FIELDS.values().forEach(field -> metric.with(field, row.get(2)));
                store(metric.with(resource.getValue(), row.get(1)));
            }
            String scope = "/api/v1/resources/" + resource.getKey() + "/components/" + component;

            JsonObject head = json(get(scope + "/head/metrics"), 200);
            assertEquals(List.of("b", "c", "a"), items(head), resource::getKey);
            assertEquals(3.0, head.getJsonArray("metrics").getJsonObject(0)
                    .getJsonNumber(resource.getValue()).doubleValue(), resource::getKey);
            assertEquals(List.of("a", "c", "b"), items(json(get(scope + "/tail/metrics"), 200)), resource::getKey);
        }
    }

    @Test
    void headIsHighestFirstAndTailLowestFirstOverAllMetrics() {
        // Above (below) anything other tests post, and above (below) this test's earlier runs on a shared database.
        double base = 1e13 + System.currentTimeMillis() * 100.0;
        String component = unique("global");
        for (int offset : List.of(1, 3, 2)) {
            store(metricIn(component, "high" + offset).with("mem_usage", base + offset));
            store(metricIn(component, "low" + offset).with("mem_usage", -(base + offset)));
        }

        JsonObject head = json(get("/api/v1/resources/memory/head/3/metrics"), 200);
        assertEquals(List.of("high3", "high2", "high1"), items(head));
        assertEquals(1, head.getInt("total_page"));
        assertEquals(base + 3, head.getJsonArray("metrics").getJsonObject(0).getJsonNumber("mem_usage").doubleValue());
        assertEquals(List.of("low3", "low2", "low1"), items(json(get("/api/v1/resources/memory/tail/3/metrics"), 200)));
        List<String> ten = items(json(get("/api/v1/resources/memory/head/metrics"), 200));
        assertEquals(10, ten.size(), ten::toString);
        assertEquals(List.of("high3", "high2", "high1"), ten.subList(0, 3));
        assertEquals(List.of("low3", "low2"), items(json(get("/api/v1/resources/memory/tail/2/metrics/"), 200)));
    }

    @Test
    void tiesKeepArrivalOrderInBothDirections() {
        String component = unique("ties");
        store(metricIn(component, "first").with("cpu_usage", 0.5));
        store(metricIn(component, "second").with("cpu_usage", 0.5));
        store(metricIn(component, "highest").with("cpu_usage", 0.9));
        store(metricIn(component, "third").with("cpu_usage", 0.5));
        String scope = "/api/v1/resources/cpu/components/" + component;

        assertEquals(List.of("highest", "first", "second", "third"), walk(scope + "/head/metrics"));
        assertEquals(List.of("first", "second", "third", "highest"), walk(scope + "/tail/metrics"));
    }

    @Test
    void theDefaultRankingAnswersItsTenMetricsInOneBodyWhateverThePageSize() {
        String component = unique("default");
        for (int i = 1; i <= 12; i++) {
            store(metricIn(component, "m" + i).with("total_time", i * 1.5));
        }
        String head = "/api/v1/resources/total_time/components/" + component + "/head/metrics";

        // The IT page size is 3; the reference server and its client read the whole ranking from one body.
        JsonObject first = json(get(head), 200);
        assertEquals(List.of("m12", "m11", "m10", "m9", "m8", "m7", "m6", "m5", "m4", "m3"), items(first));
        assertEquals(1, first.getInt("total_page"));
        assertTrue(first.isNull("prev_url"), first::toString);
        assertTrue(first.isNull("next_url"), first::toString);
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10"),
                items(json(get("/api/v1/resources/total_time/components/" + component + "/tail/metrics/"), 200)));

        assertEquals(items(first), items(json(get(head + "?page=-1"), 200)));
        assertEquals(items(first), items(json(get(head + "?page=1"), 200)));
        assertTrue(json(get(head + "?page=2"), 404).getString("message").contains("2"));
        json(get(head + "?page=0"), 404);
        json(get(head + "?page=-2"), 404);
        assertTrue(json(get(head + "?page=abc"), 400).getJsonObject("errors").containsKey("page"));
    }

    @Test
    void nLimitsTheRankingAndAnythingAbove500Gives500() {
        String component = unique("limit");
        for (int i = 1; i <= 7; i++) {
            store(metricIn(component, "m" + i).with("kernel_time", i * 0.01));
        }
        String scope = "/api/v1/resources/kernel_time/components/" + component;

        JsonObject five = json(get(scope + "/head/5/metrics"), 200);
        assertEquals(1, five.getInt("total_page"));
        assertEquals(List.of("m7", "m6", "m5", "m4", "m3"), items(five));
        json(get(scope + "/head/5/metrics?page=2"), 404);
        assertEquals(List.of("m1"), items(json(get(scope + "/tail/1/metrics"), 200)));
        for (String n : List.of("7", "600", "99999999999999999999", "007")) {
            JsonObject all = json(get(scope + "/tail/" + n + "/metrics"), 200);
            assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7"), items(all), n);
            assertEquals(1, all.getInt("total_page"), n);
        }

        // The cap itself, over all metrics: make sure there are more than 500.
        for (long missing = 501 - count("metrics"); missing > 0; missing--) {
            store(metricIn(unique("filler"), "filler"));
        }
        JsonObject memory = json(get("/api/v1/resources/memory/head/metrics"), 200);
        assertEquals(10, items(memory).size(), memory::toString);
        assertEquals(1, memory.getInt("total_page"));
        for (String n : List.of("500", "501", "600")) {
            JsonObject first = json(get("/api/v1/resources/user_time/head/" + n + "/metrics"), 200);
            assertEquals(500, items(first).size(), n);
            assertEquals(1, first.getInt("total_page"), n);
            assertTrue(first.isNull("next_url"), n);
            assertEquals(500, items(json(get("/api/v1/resources/user_time/tail/" + n + "/metrics?page=-1"), 200))
                    .size(), n);
        }
    }

    @Test
    void nMustBeAWholeNumberOfAtLeastOne() {
        String component = unique("badn");
        store(metricIn(component, "only"));
        for (String n : List.of("0", "-1", "abc", "1.5", "000", "%20")) {
            for (String path : List.of("/api/v1/resources/memory/head/" + n + "/metrics",
                    "/api/v1/resources/memory/components/" + component + "/tail/" + n + "/metrics",
                    "/api/v1/resources/memory/pipelines/p/head/" + n + "/metrics/",
                    "/api/v1/resources/memory/pipelines/p/builds/1/tail/" + n + "/metrics")) {
                ErrorBody error = error(get(path), 400);
                assertEquals("must be a whole number of at least 1", error.errors().get("n"), path);
            }
        }
    }

    @Test
    void anUnknownResourceIs400NamingTheAllowedOnes() {
        for (String path : List.of("/api/v1/resources/disk/head/metrics", "/api/v1/resources/Memory/tail/3/metrics",
                "/api/v1/resources/mem_usage/components/c/head/metrics",
                "/api/v1/resources/cpu_usage/pipelines/p/builds/b/tail/2/metrics/")) {
            ErrorBody error = error(get(path), 400);
            assertTrue(error.message().contains(ALLOWED), error::toString);
            assertTrue(error.errors().get("resource").contains(ALLOWED), error::toString);
        }
        assertNotNull(error(get("/api/v1/resources/memory/middle/metrics"), 404).message());
        assertNotNull(error(get("/api/v1/resources/memory/head/5/6/metrics"), 404).message());
    }

    @Test
    void pipelineAndBuildScopesFollowTheSessionTags() {
        String pipeline = unique("pipe");
        String seven = Body.hash();
        String eight = Body.hash();
        String late = Body.hash();
        String other = Body.hash();
        json(post("/api/v1/sessions", session(seven, pipeline, "7").json()), 201);
        json(post("/api/v1/sessions", session(eight, pipeline, 8).json()), 201);
        json(post("/api/v1/sessions", session(other, unique("pipe"), "7").json()), 201);
        store(Body.metric(seven, Body.hash()).with("item", "a").with("mem_usage", 10.0));
        store(Body.metric(eight, Body.hash()).with("item", "b").with("mem_usage", 30.0));
        store(Body.metric(late, Body.hash()).with("item", "c").with("mem_usage", 20.0));
        store(Body.metric(other, Body.hash()).with("item", "elsewhere").with("mem_usage", 99.0));
        String scope = "/api/v1/resources/memory/pipelines/" + pipeline;

        assertEquals(List.of("b", "a"), walk(scope + "/head/metrics"));
        assertEquals(List.of("a"), walk(scope + "/builds/7/head/metrics"));

        json(post("/api/v1/sessions", session(late, pipeline, "7").json()), 201);

        assertEquals(List.of("b", "c", "a"), walk(scope + "/head/metrics"));
        assertEquals(List.of("a", "c", "b"), walk(scope + "/tail/metrics"));
        assertEquals(List.of("b", "c"), walk(scope + "/head/2/metrics"));
        assertEquals(List.of("c", "a"), walk(scope + "/builds/7/head/metrics"));
        assertEquals(List.of("a"), walk(scope + "/builds/7/tail/1/metrics"));
        assertEquals(List.of("b"), walk(scope + "/builds/8/tail/metrics"));
        assertEquals(List.of("b"), walk(scope + "/builds/8/head/500/metrics"));
    }

    @Test
    void unknownComponentsPipelinesAndBuildsAreEmpty() {
        String unknown = unique("unknown");
        String pipeline = unique("pipe");
        json(post("/api/v1/sessions", session(Body.hash(), pipeline, "1").json()), 201);
        for (String path : List.of("components/" + unknown + "/head/metrics",
                "components/" + unknown + "/tail/5/metrics", "pipelines/" + unknown + "/tail/metrics",
                "pipelines/" + unknown + "/head/5/metrics", "pipelines/" + pipeline + "/head/metrics",
                "pipelines/" + pipeline + "/builds/1/tail/metrics",
                "pipelines/" + pipeline + "/builds/2/head/3/metrics/",
                "pipelines/" + unknown + "/builds/1/head/metrics")) {
            var response = get("/api/v1/resources/cpu/" + path);
            assertEquals(204, response.getStatus(), path);
            response.close();
            error(get("/api/v1/resources/cpu/" + path + "?page=2"), 404);
        }
    }

    @Test
    void everyRouteAnswersWithAndWithoutTrailingSlash() {
        String component = unique("slash");
        String pipeline = unique("pipe");
        String session = Body.hash();
        json(post("/api/v1/sessions/", session(session, pipeline, "3").json()), 201);
        for (int i = 1; i <= 4; i++) {
            store(Body.metric(session, Body.hash()).with("component", component).with("item", "m" + i)
                    .with("user_time", i * 1.0));
        }
        for (String scope : List.of("", "components/" + component + "/", "pipelines/" + pipeline + "/",
                "pipelines/" + pipeline + "/builds/3/")) {
            for (String direction : List.of("head/", "tail/4/")) {
                String path = "/api/v1/resources/user_time/" + scope + direction + "metrics";
                if (scope.isEmpty()) {
                    // Other tests may write between two calls: only the status is stable over all metrics.
                    json(get(path + "/"), 200);
                    continue;
                }
                JsonObject without = json(get(path), 200);
                assertEquals(without, json(get(path + "/"), 200), path);
                assertEquals(without, json(get("/api/v1" + path + "/"), 200), path);
                assertEquals(direction.equals("head/") ? List.of("m4", "m3", "m2", "m1")
                        : List.of("m1", "m2", "m3", "m4"), walk(path + "/"), path);
            }
        }
    }

    @Test
    void theOpenApiDocumentListsEveryRankingRoute() {
        JsonObject paths = json(get("/openapi?format=JSON"), 200).getJsonObject("paths");

        for (String scope : List.of("", "/components/{component}", "/pipelines/{pipeline}",
                "/pipelines/{pipeline}/builds/{build}")) {
            for (String n : List.of("", "/{n}")) {
                String route = "/api/v1/resources/{resource}" + scope + "/{direction}" + n + "/metrics";
                assertTrue(paths.containsKey(route), () -> route + " missing from " + paths.keySet());
                assertTrue(paths.getJsonObject(route).getJsonObject("get").getJsonObject("responses")
                        .keySet().containsAll(List.of("200", "204", "400", "404")), route);
            }
        }
    }

    /** A name no other test and no earlier run uses. */
    private static String unique(String prefix) {
        return prefix + "-" + Body.hash();
    }

    /** A metric of its own session and context, in {@code component}, named {@code item}. */
    private static Body metricIn(String component, String item) {
        return Body.metric(Body.hash(), Body.hash()).with("component", component).with("item", item);
    }

    /** A session of {@code pipeline} and {@code build} (a string or a number, as CI tools post them). */
    private static Body session(String hash, String pipeline, Object build) {
        var tags = new LinkedHashMap<String, Object>();
        tags.put("pipeline_branch", pipeline);
        tags.put("pipeline_build_no", build);
        return Body.session(hash).with("description", tags);
    }

    private void store(Body metric) {
        json(post("/api/v1/metrics/", metric.json()), 201);
    }

    /** The item names of a page, in its order. */
    private static List<String> items(JsonObject page) {
        return items(page(page, MetricJson.class));
    }

    private static List<String> items(PageJson<MetricJson> page) {
        return page.metrics().stream().map(MetricJson::item).toList();
    }

    /** The item names of every page, from {@code path} on, following {@code next_url} as clients do. */
    private List<String> walk(String path) {
        PageJson<MetricJson> page = page(get(path), 200, MetricJson.class);
        assertNull(page.prevUrl(), page::toString);
        var all = new ArrayList<>(items(page));
        int pages = 1;
        while (page.nextUrl() != null) {
            page = page(get(page.nextUrl()), 200, MetricJson.class);
            all.addAll(items(page));
            pages++;
        }
        assertEquals(page.totalPage(), pages, path);
        return all;
    }
}
