package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;

/**
 * {@code GET /api/v1/components/...}: the component list, by prefix and count; metrics per component, item and
 * variant, with the forms without a component; pipelines, builds and build sessions per component. The
 * component list is global, so each test lists its own components through a unique prefix.
 */
class ComponentsIT extends ApiTestSupport {

    @Test
    void listsComponentsByPrefixSortedAndPagedByNextUrl() {
        String base = "cmp-" + Body.hash();
        for (String suffix : List.of("-b", "-d", "-a", "-c", "-a")) {
            postMetric(Body.hash(), base + suffix, "test_x", "test_x");
        }

        JsonObject first = json(get("/api/v1/components/" + base), 200);
        assertEquals(List.of(base + "-a", base + "-b", base + "-c"), strings(first, "components"));
        assertEquals(2, first.getInt("total_page"));
        assertTrue(first.isNull("prev_url"));
        assertEquals("/api/v1/components/" + base + "?page=2", first.getString("next_url"));

        JsonObject second = json(get(first.getString("next_url")), 200);
        assertEquals(List.of(base + "-d"), strings(second, "components"));
        assertTrue(second.isNull("next_url"));
        assertEquals("/api/v1/components/" + base + "?page=1", second.getString("prev_url"));
        assertEquals(second, json(get("/api/v1" + first.getString("next_url")), 200));
        assertEquals(second, json(get("/api/v1/components/" + base + "/?page=-1"), 200));
        assertEquals(first, json(get("/api/v1/components/" + base + "/"), 200));
        assertEquals(first, json(get("/api/v1/components/" + base + "?page=-2"), 200));
    }

    @Test
    void everyPageOfAComponentsMetricsInArrivalOrderFromEitherEnd() {
        // 8 metrics in pages of 3: page 1 is read oldest-first, pages 2 and 3 newest-first (the second half).
        String component = "cmp-" + Body.hash();
        String session = Body.hash();
        var items = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            items.add("test_" + i);
            postMetric(session, component, "test_" + i, "test_" + i);
        }
        var pages = new ArrayList<String>();
        for (String page : List.of("1", "2", "3")) {
            PageJson<MetricJson> listing = page(get("/api/v1/components/" + component + "/metrics?page=" + page),
                    200, MetricJson.class);
            assertEquals(3, listing.totalPage());
            listing.metrics().forEach(m -> pages.add(m.item()));
        }
        assertEquals(items, pages);
        assertEquals(List.of("test_6", "test_7"), page(get("/api/v1/components/" + component + "/metrics?page=-1"),
                200, MetricJson.class).metrics().stream().map(MetricJson::item).toList());
    }

    @Test
    void pagesOutsideTheListingAre404AndABadPageIs400() {
        String component = "cmp-" + Body.hash();
        postMetric(Body.hash(), component, "test_x", "test_x");

        for (String page : List.of("0", "2", "-2")) {
            assertNotNull(error(get("/api/v1/components/" + component + "?page=" + page), 404).message());
            assertNotNull(error(get("/api/v1/components/" + component + "/metrics?page=" + page), 404).message());
        }
        assertNotNull(error(get("/api/v1/components?page=0"), 404).message());
        assertTrue(error(get("/api/v1/components/?page=abc"), 400).errors().containsKey("page"));
        assertTrue(error(get("/api/v1/components/" + component + "?page=abc"), 400).errors().containsKey("page"));
        assertTrue(error(get("/api/v1/components/metrics?page=abc"), 400).errors().containsKey("page"));
    }

    @Test
    void countGrowsByTheNewComponentsOnlyAndTheEmptyComponentIsNeverListed() {
        // Other test runs may share the database: measure again with new components when the count moved more.
        long delta = -1;
        for (int attempt = 0; attempt < 5 && delta != 3; attempt++) {
            long before = count("components");
            String base = "cnt-" + Body.hash();
            postMetric(Body.hash(), base + "-a", "test_x", "test_x");
            postMetric(Body.hash(), base + "-a", "test_y", "test_y");
            postMetric(Body.hash(), base + "-b", "test_x", "test_x");
            postMetric(Body.hash(), base + "-c", "test_x", "test_x");
            postMetric(Body.hash(), "", "test_x", "test_x");
            delta = count("components") - before;
            assertTrue(delta >= 3, "the count grew by " + delta);
        }
        assertEquals(3, delta);
        assertTrue(countOf("/api/v1/components/count/") >= 3);

        for (String path : List.of("/api/v1/components", "/api/v1/components/", "/api/v1/components?page=-1")) {
            List<String> names = strings(json(get(path), 200), "components");
            assertFalse(names.isEmpty());
            assertFalse(names.contains(""), () -> path + " lists the empty component: " + names);
        }
    }

    @Test
    void wildcardCharactersInThePrefixAreLiteral() {
        String base = "wld-" + Body.hash();
        for (String suffix : List.of("%x", "_y", "ab", "\\z", "Ab")) {
            postMetric(Body.hash(), base + suffix, "test_x", "test_x");
        }

        assertEquals(List.of(base + "%x"), strings(json(get("/api/v1/components/" + enc(base + "%")), 200),
                "components"));
        assertEquals(List.of(base + "_y"), strings(json(get("/api/v1/components/" + enc(base) + "%5F"), 200),
                "components"));
        assertEquals(List.of(base + "\\z"), strings(json(get("/api/v1/components/" + enc(base + "\\")), 200),
                "components"));
        assertEquals(List.of(base + "ab"), strings(json(get("/api/v1/components/" + base + "a"), 200),
                "components"), "matching is case-sensitive");
        assertEquals(204, get("/api/v1/components/" + enc(base + "%b")).getStatus(), "% is no wildcard");
        assertEquals(204, get("/api/v1/components/" + enc(base + "_b")).getStatus(), "_ is no wildcard");
    }

    @Test
    void listsAComponentsMetricsInArrivalOrder() {
        String component = "cm %_" + Body.hash();
        String session = Body.hash();
        for (String item : List.of("test_1", "test_2", "test_3", "test_4")) {
            postMetric(session, component, item, item + "[1]");
        }
        postMetric(session, component + "x", "test_5", "test_5");
        postMetric(session, "", "test_6", "test_6");

        String path = "/api/v1/components/" + enc(component) + "/metrics";
        // page() holds every row to the 14 keys of MetricJson.
        List<MetricJson> metrics = walk(path);
        assertEquals(List.of("test_1", "test_2", "test_3", "test_4"), metrics.stream().map(MetricJson::item)
                .toList());
        metrics.forEach(m -> assertEquals(component, m.component()));
        assertEquals(List.of("test_1[1]", "test_2[1]", "test_3[1]", "test_4[1]"),
                metrics.stream().map(MetricJson::itemVariant).toList());
        assertEquals(json(get(path), 200), json(get(path + "/"), 200));
        assertEquals(List.of("test_4"), page(get(path + "?page=-1"), 200, MetricJson.class).metrics().stream()
                .map(MetricJson::item).toList());
        assertEquals(204, get("/api/v1/components/" + Body.hash() + "/metrics").getStatus());
    }

    @Test
    void metricsWithoutComponentAreTheEmptyComponentsOnes() {
        String item = "test_nocomp_" + Body.hash();
        String component = "cmp-" + Body.hash();
        postMetric(Body.hash(), "", item, item + "[a]");
        postMetric(Body.hash(), component, item, item + "[a]");

        for (String path : List.of("/api/v1/components/metrics", "/api/v1/components/metrics/",
                "/api/v1/components/metrics?page=-1")) {
            JsonObject page = json(get(path), 200);
            assertTrue(page.containsKey("metrics"), () -> path + " answered " + page);
            page(page, MetricJson.class).metrics().forEach(m -> assertEquals("", m.component()));
        }
        assertEquals(List.of(component), metricComponents("/api/v1/components/" + component + "/metrics"));
    }

    @Test
    void itemAndVariantMetricsWithAndWithoutComponent() {
        String item = "test_item_" + Body.hash();
        String variant = item + "[1]";
        String component = "civ-" + Body.hash();
        postMetric(Body.hash(), "", item, variant);
        postMetric(Body.hash(), component, item, variant);
        postMetric(Body.hash(), component, item, item + "[2]");
        postMetric(Body.hash(), component + "x", item, variant);

        assertEquals(List.of(""), metricComponents("/api/v1/components/items/" + item + "/metrics"));
        assertEquals(List.of(""), metricComponents("/api/v1/components/items/" + item + "/metrics/"));
        assertEquals(List.of(""), metricComponents("/api/v1/components/variants/" + enc(variant) + "/metrics"));
        assertEquals(List.of(component, component),
                metricComponents("/api/v1/components/" + component + "/items/" + item + "/metrics/"));
        assertEquals(List.of(component),
                metricComponents("/api/v1/components/" + component + "/variants/" + enc(variant) + "/metrics"));
        MetricJson one = page(get("/api/v1/components/" + component + "/variants/" + enc(variant) + "/metrics"), 200,
                MetricJson.class).metrics().get(0);
        assertEquals(variant, one.itemVariant());
        assertEquals(item, one.item());

        assertEquals(204, get("/api/v1/components/items/" + Body.hash() + "/metrics").getStatus());
        assertEquals(204, get("/api/v1/components/variants/" + Body.hash() + "/metrics").getStatus());
        assertEquals(204, get("/api/v1/components/" + Body.hash() + "/items/" + item + "/metrics").getStatus());
        assertEquals(204, get("/api/v1/components/" + component + "/variants/" + item + "/metrics").getStatus());
        assertEquals(404, get("/api/v1/components/" + component + "/items/" + item + "/metrics?page=2").getStatus());
        assertEquals(400, get("/api/v1/components/variants/" + item + "/metrics?page=x").getStatus());
    }

    @Test
    void literalSegmentsReachTheirOwnRoutes() {
        String component = "lit-" + Body.hash();
        postMetric(Body.hash(), component, "items", "variants");
        postMetric(Body.hash(), "", "items", "variants");

        assertTrue(countOf("/api/v1/components/count") >= 1);
        assertNotNull(page(get("/api/v1/components/metrics"), 200, MetricJson.class).metrics());

        assertEquals(List.of(component), metricComponents("/api/v1/components/" + component + "/metrics"));
        assertEquals(List.of(component), metricComponents("/api/v1/components/" + component + "/items/items/metrics"));
        assertEquals(List.of(component),
                metricComponents("/api/v1/components/" + component + "/variants/variants/metrics"));
        assertEquals(List.of(component), strings(json(get("/api/v1/components/" + component), 200), "components"));
    }

    @Test
    void pipelinesBuildsAndSessionsOfAComponentCountOnlySessionsWithItsMetrics() {
        String component = "cpl-" + Body.hash();
        String other = "cpo-" + Body.hash();
        String main = "p1-" + Body.hash();
        String side = "p2-" + main.substring(3);
        String s1 = session(main, 30, component);
        session(main, "4", component);
        session(main, "100", component);
        session(main, 2, component, other);
        session(main, 5, other);
        session(main, "", component);
        session(side, 7, other);
        session("", 9, component);
        String s9 = session(main, "30", component);
        session(main, 30, other);

        JsonObject pipelines = json(get("/api/v1/components/" + component + "/pipelines"), 200);
        assertEquals(List.of("component", "pipelines", "total_page", "prev_url", "next_url"),
                List.copyOf(pipelines.keySet()));
        assertEquals(component, pipelines.getString("component"));
        assertEquals(List.of(main), strings(pipelines, "pipelines"));
        assertEquals(List.of(main, side),
                strings(json(get("/api/v1/components/" + other + "/pipelines/"), 200), "pipelines"));

        String builds = "/api/v1/components/" + component + "/pipelines/" + main + "/builds";
        JsonObject first = json(get(builds), 200);
        assertEquals(List.of("component", "pipeline", "builds", "total_page", "prev_url", "next_url"),
                List.copyOf(first.keySet()));
        assertEquals(main, first.getString("pipeline"));
        assertEquals(List.of("100", "2", "30"), strings(first, "builds"));
        assertEquals(List.of("4"), strings(json(get("/api/v1" + first.getString("next_url")), 200), "builds"));
        assertEquals(List.of("2", "30", "5"), strings(json(get("/api/v1/components/" + other + "/pipelines/" + main
                + "/builds/"), 200), "builds"));

        JsonObject sessions = json(get(builds + "/30/sessions"), 200);
        assertEquals(List.of("component", "pipeline", "build", "sessions", "total_page", "prev_url", "next_url"),
                List.copyOf(sessions.keySet()));
        assertEquals("30", sessions.getString("build"));
        assertEquals(List.of(s1, s9), strings(sessions, "sessions"));
        assertEquals(sessions, json(get(builds + "/30/sessions/"), 200));
        assertEquals(1, strings(json(get("/api/v1/components/" + other + "/pipelines/" + main
                + "/builds/30/sessions"), 200), "sessions").size());
        assertEquals(404, get(builds + "/30/sessions?page=0").getStatus());
        assertEquals(404, get(builds + "?page=3").getStatus());
        assertEquals(400, get("/api/v1/components/" + component + "/pipelines?page=abc").getStatus());
    }

    @Test
    void unknownComponentsPipelinesAndBuildsAreEmpty() {
        String component = "cpu-" + Body.hash();
        String pipeline = "pu-" + Body.hash();
        session(pipeline, 1, component);

        assertEquals(204, get("/api/v1/components/" + Body.hash() + "/pipelines").getStatus());
        assertEquals(204, get("/api/v1/components/" + Body.hash() + "/pipelines/" + pipeline + "/builds").getStatus());
        assertEquals(204, get("/api/v1/components/" + component + "/pipelines/" + Body.hash() + "/builds").getStatus());
        assertEquals(204, get("/api/v1/components/" + component + "/pipelines/" + pipeline + "/builds/2/sessions")
                .getStatus());
        assertEquals(List.of("1"), strings(json(get("/api/v1/components/" + component + "/pipelines/" + pipeline
                + "/builds"), 200), "builds"));
        assertEquals(404, get("/api/v1/components/" + Body.hash() + "/pipelines?page=2").getStatus());
    }

    @Test
    void openApiListsEveryComponentRoute() {
        JsonObject paths = json(get("/openapi?format=JSON"), 200).getJsonObject("paths");

        for (String route : List.of("/api/v1/components", "/api/v1/components/count", "/api/v1/components/{prefix}",
                "/api/v1/components/metrics", "/api/v1/components/{component}/metrics",
                "/api/v1/components/items/{item}/metrics", "/api/v1/components/{component}/items/{item}/metrics",
                "/api/v1/components/variants/{variant}/metrics",
                "/api/v1/components/{component}/variants/{variant}/metrics",
                "/api/v1/components/{component}/pipelines",
                "/api/v1/components/{component}/pipelines/{pipeline}/builds",
                "/api/v1/components/{component}/pipelines/{pipeline}/builds/{build}/sessions")) {
            assertTrue(paths.containsKey(route), () -> route + " missing from " + paths.keySet());
        }
    }

    /** Posts a session with the given CI tags (any JSON type; null or "" allowed) and a metric per component. */
    private String session(String pipeline, Object build, String... components) {
        String h = Body.hash();
        var tags = new LinkedHashMap<String, Object>();
        tags.put("pipeline_branch", pipeline);
        tags.put("pipeline_build_no", build);
        json(post("/api/v1/sessions/", Body.session(h).with("description", tags).json()), 201);
        for (String component : components) {
            postMetric(h, component, "test_x", "test_x");
        }
        return h;
    }

    private void postMetric(String session, String component, String item, String variant) {
        json(post("/api/v1/metrics/", Body.metric(session, Body.hash()).with("component", component)
                .with("item", item).with("item_variant", variant).json()), 201);
    }

    /** The components of every metric of a listing, walked from its first page. */
    private List<String> metricComponents(String path) {
        return walk(path).stream().map(MetricJson::component).toList();
    }

    /** Every metric of a listing, following {@code next_url} from {@code path}. */
    private List<MetricJson> walk(String path) {
        var metrics = new ArrayList<MetricJson>();
        for (String next = path; next != null; ) {
            PageJson<MetricJson> page = page(get(next), 200, MetricJson.class);
            metrics.addAll(page.metrics());
            next = page.nextUrl();
        }
        return metrics;
    }

    /** The strings under {@code key}, none of them null. */
    static List<String> strings(JsonObject page, String key) {
        assertNotNull(page.getJsonArray(key), () -> key + " missing from " + page);
        return page.getJsonArray(key).stream().map(v -> {
            assertEquals(JsonValue.ValueType.STRING, v.getValueType(), () -> key + " holds " + v);
            return ((JsonString) v).getString();
        }).toList();
    }

    /** {@code text} as one path segment: every reserved character percent-encoded, space as %20. */
    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
