package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.BulkReportJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;

/**
 * {@code /api/v1/items}: metrics by exact item name, whatever the variant, and by a part of the name
 * ({@code /items/like/<part>/metrics}). The IT server's page size is 3; rows are told apart by their
 * {@code item_path}.
 */
class ItemsIT extends ApiTestSupport {

    @Test
    void exactItemListsItsMetricsWhateverTheVariantInArrivalOrder() {
        String item = "test_" + Body.hash();
        metric(item, item + "[1]", "m1");
        metric(item + "x", item + "x", "prefix");
        metric("x" + item, "x" + item, "suffix");
        metric(item, item + "[2]", "m2");
        metric(item, item, "m3");
        metric(item.toUpperCase(), item.toUpperCase(), "upper");
        metric(item, item + "[3]", "m4");

        String path = "/api/v1/items/" + item + "/metrics";
        JsonObject first = json(get(path), 200);
        assertEquals(List.of("m1", "m2", "m3"), paths(first));
        assertEquals(2, first.getInt("total_page"));
        assertTrue(first.isNull("prev_url"));
        assertEquals(path + "?page=2", first.getString("next_url"));
        JsonObject second = json(get("/api/v1" + first.getString("next_url")), 200);
        assertEquals(List.of("m4"), paths(second));
        assertEquals(path + "?page=1", second.getString("prev_url"));
        assertTrue(second.isNull("next_url"));
        assertEquals(List.of("m1", "m2", "m3", "m4"), walk(path));
        assertEquals(first, json(get(path + "/"), 200));
        assertEquals(4, countOf(path + "/count"));
        assertEquals(4, countOf(path + "/count/"));
        assertEquals(1, countOf("/api/v1/items/" + item.toUpperCase() + "/metrics/count"));
    }

    @Test
    void pageNumbersCountFromEitherEndAndBadPagesAreRejected() {
        String item = "test_" + Body.hash();
        for (int i = 1; i <= 4; i++) {
            metric(item, item, "m" + i);
        }
        String path = "/api/v1/items/" + item + "/metrics";

        assertEquals(List.of("m4"), paths(json(get(path + "?page=-1"), 200)));
        assertEquals(List.of("m1", "m2", "m3"), paths(json(get(path + "?page=-2"), 200)));
        error(get(path + "?page=-3"), 404);
        assertNotNull(error(get(path + "?page=0"), 404).message());
        error(get(path + "?page=3"), 404);
        assertTrue(error(get(path + "?page=abc"), 400).errors().containsKey("page"));
        assertTrue(error(get(path + "/?page=1.5"), 400).errors().containsKey("page"));
    }

    @Test
    void likeMatchesASubstringCaseSensitively() {
        String part = Body.hash().substring(0, 16);
        metric("test_" + part, "a", "m1");
        metric(part, "b", "m2");
        metric("test_" + part.toUpperCase() + "x", "c", "upper");
        metric(part + "_tail", "d", "m3");
        metric("test_" + part.substring(1), "e", "shorter");
        metric("x" + part + "y", "f", "m4");

        String path = "/api/v1/items/like/" + part + "/metrics";
        JsonObject first = json(get(path), 200);
        assertEquals(List.of("m1", "m2", "m3"), paths(first));
        assertEquals(path + "?page=2", first.getString("next_url"));
        assertEquals(List.of("m1", "m2", "m3", "m4"), walk(path));
        assertEquals(List.of("m1", "m2", "m3", "m4"), walkFromBase(path + "/"));
        assertEquals(List.of("m4"), paths(json(get(path + "?page=-1"), 200)));
        error(get(path + "?page=0"), 404);
        error(get(path + "?page=3"), 404);
        assertTrue(error(get(path + "?page=abc"), 400).errors().containsKey("page"));
        // Exact match is not substring match.
        assertEquals(1, countOf("/api/v1/items/" + part + "/metrics/count"));
    }

    @Test
    void aSubstringOfOverAThousandNamesGivesTheSameAnswers() {
        // Over 1,000 matching names, the listing walks the metrics instead of an IN list of names.
        String part = Body.hash().substring(0, 12);
        var rows = new ArrayList<String>();
        for (int i = 0; i < 1002; i++) {
            rows.add(Body.metric(Body.hash(), Body.hash()).with("item", "t_" + part + "_" + i)
                    .with("item_variant", "t_" + part + "_" + i + "[1]").with("item_path", "p" + i).json());
        }
        assertEquals(1002, read(post("/api/v1/metrics/bulk", "[" + String.join(",", rows) + "]"), 200,
                BulkReportJson.class).accepted());

        JsonObject first = json(get("/api/v1/items/like/" + part + "/metrics"), 200);
        assertEquals(334, first.getInt("total_page"));
        assertEquals(List.of("p0", "p1", "p2"), paths(first));
        assertEquals(List.of("p999", "p1000", "p1001"),
                paths(json(get("/api/v1/items/like/" + part + "/metrics?page=-1"), 200)));
        // The IN-list form: "_1" is in 113 names (_1, _10 to _19, _100 to _199, _1000, _1001).
        JsonObject in = json(get("/api/v1/items/like/" + part + "_1/metrics"), 200);
        assertEquals(38, in.getInt("total_page"));
        assertEquals(List.of("p1", "p10", "p11"), paths(in));
        assertEquals(List.of("p1000", "p1001"),
                paths(json(get("/api/v1/items/like/" + part + "_1/metrics?page=-1"), 200)));
        // Few names: their own id ranges merged, on the names that contain "_100".
        assertEquals(List.of("p100", "p1000", "p1001"), walk("/api/v1/items/like/" + part + "_100/metrics"));
    }

    @Test
    void wildcardCharactersAreLiteral() {
        String u = Body.hash().substring(0, 12);
        metric(u + "t_x%", u + "v", "literal");
        metric(u + "tax", u + "v", "tax");
        metric(u + "t\\y", u + "v", "backslash");
        metric(u + "tx%z", u + "v", "percent");

        assertEquals(List.of("literal"), walk("/api/v1/items/like/" + u + "t_/metrics"));
        assertEquals(List.of("literal"), walk("/api/v1/items/like/" + u + "t_x%25/metrics"));
        // As wildcards, "t%" and "t_" would match all four items.
        assertEquals(204, get("/api/v1/items/like/" + u + "t%25/metrics").getStatus());
        assertEquals(List.of("percent"), walk("/api/v1/items/like/" + u + "tx%25/metrics"));
        assertEquals(List.of("backslash"), walk("/api/v1/items/like/" + u + "t%5C/metrics"));
        assertEquals(204, get("/api/v1/items/like/" + u + "%25/metrics").getStatus());
        assertEquals(204, get("/api/v1/items/like/" + u + "t_y/metrics").getStatus());
        assertEquals(List.of("literal"), walk("/api/v1/items/" + u + "t_x%25/metrics"));
        assertEquals(1, countOf("/api/v1/items/" + u + "t_x%25/metrics/count"));
        assertEquals(0, countOf("/api/v1/items/" + u + "t_x_/metrics/count"));
        assertEquals(0, countOf("/api/v1/items/" + u + "t%25/metrics/count"));
    }

    @Test
    void unknownItemsAreEmpty() {
        String unknown = "none_" + Body.hash();
        assertEquals(204, get("/api/v1/items/" + unknown + "/metrics").getStatus());
        assertEquals(204, get("/api/v1/items/" + unknown + "/metrics/").getStatus());
        assertEquals(204, get("/api/v1/items/like/" + unknown + "/metrics").getStatus());
        assertEquals(0, countOf("/api/v1/items/" + unknown + "/metrics/count"));
        error(get("/api/v1/items/" + unknown + "/metrics?page=2"), 404);
        assertEquals(204, get("/api/v1/items/like/" + unknown + "/metrics?page=-1").getStatus());
        error(get("/api/v1/items/like/" + unknown + "/metrics?page=-2"), 404);
    }

    @Test
    void anItemNamedLikeKeepsItsExactRoutes() {
        metric("like", "like", "like");

        page(get("/api/v1/items/like/metrics?page=-1"), 200, MetricJson.class).metrics()
                .forEach(m -> assertEquals("like", m.item()));
        assertTrue(countOf("/api/v1/items/like/metrics/count") >= 1);
    }

    @Test
    void openApiListsTheseRoutes() {
        JsonObject paths = json(get("/openapi?format=JSON"), 200).getJsonObject("paths");

        for (String route : List.of("/api/v1/items/{item}/metrics", "/api/v1/items/{item}/metrics/count",
                "/api/v1/items/like/{pattern}/metrics")) {
            assertTrue(paths.containsKey(route), () -> route + " missing from " + paths.keySet());
        }
    }

    private void metric(String item, String variant, String itemPath) {
        json(post("/api/v1/metrics/", Body.metric(Body.hash(), Body.hash()).with("item", item)
                .with("item_variant", variant).with("item_path", itemPath).json()), 201);
    }

    /** The item paths of every page, following next_url as a server-root path. */
    private List<String> walk(String path) {
        var found = new ArrayList<String>();
        for (String next = path; next != null; ) {
            var response = get(next);
            if (response.getStatus() == 204 && next.equals(path)) {
                return found;
            }
            PageJson<MetricJson> page = page(response, 200, MetricJson.class);
            found.addAll(paths(page));
            next = page.nextUrl();
        }
        return found;
    }

    /** As {@link #walk}, but the way the reference client does: {@code /api/v1} + next_url. */
    private List<String> walkFromBase(String path) {
        var found = new ArrayList<String>();
        for (String next = path; next != null; ) {
            PageJson<MetricJson> page = page(get(next), 200, MetricJson.class);
            found.addAll(paths(page));
            next = page.nextUrl() == null ? null : "/api/v1" + page.nextUrl();
        }
        return found;
    }

    /** The item paths of a page's metrics, in its order. */
    private static List<String> paths(JsonObject page) {
        return paths(page(page, MetricJson.class));
    }

    private static List<String> paths(PageJson<MetricJson> page) {
        return page.metrics().stream().map(MetricJson::itemPath).toList();
    }
}
