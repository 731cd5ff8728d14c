package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;

/**
 * {@code /api/v1/variants}: metrics by exact variant (the item with its parameters) and by a part of it, under
 * both spellings of the API document ({@code /variants/like/<part>} and {@code /variants/like/<part>/metrics}).
 * The IT server's page size is 3; rows are told apart by their {@code item_path}.
 */
class VariantsIT extends ApiTestSupport {

    @Test
    void exactVariantWithBracketsSpacesAndCommas() {
        String item = "test_" + Body.hash().substring(0, 16);
        String variant = item + "[1, a]";
        String encoded = item + "%5B1,%20a%5D";
        metric(variant, "m1");
        metric(item + "[1, b]", "other");
        metric(variant, "m2");
        metric(item, "bare");
        metric(variant, "m3");
        metric(item + "[1, A]", "upper");
        metric(variant, "m4");

        String path = "/api/v1/variants/" + encoded + "/metrics";
        JsonObject first = json(get(path), 200);
        assertEquals(List.of("m1", "m2", "m3"), paths(first));
        assertEquals(variant, page(first, MetricJson.class).metrics().get(0).itemVariant());
        assertEquals(2, first.getInt("total_page"));
        assertTrue(first.isNull("prev_url"));
        assertEquals(List.of("m1", "m2", "m3", "m4"), walk(path));
        assertEquals(List.of("m1", "m2", "m3", "m4"), walkFromBase(path));
        assertEquals(first, json(get(path + "/"), 200));
        assertEquals(page(first, MetricJson.class).metrics(),
                page(get("/api/v1/variants/" + item + "%5B1%2C%20a%5D/metrics"), 200, MetricJson.class).metrics());
        assertEquals(4, countOf(path + "/count"));
        assertEquals(4, countOf(path + "/count/"));
        assertEquals(1, countOf("/api/v1/variants/" + item + "%5B1,%20b%5D/metrics/count"));
        assertEquals(1, countOf("/api/v1/variants/" + item + "/metrics/count"));
        assertEquals(1, countOf("/api/v1/variants/" + item + "%5B1,%20A%5D/metrics/count"));
        assertEquals(0, countOf("/api/v1/variants/" + item + "%5B1/metrics/count"));
    }

    @Test
    void unencodedBracketsAsPythonClientsSendThem() throws IOException {
        String item = "test_" + Body.hash().substring(0, 16);
        metric(item + "[x]", "m1");
        for (int i = 2; i <= 4; i++) {
            metric(item + "[x]", "m" + i);
        }

        JsonObject first = rawGet("/api/v1/variants/" + item + "[x]/metrics", 200);
        assertEquals(List.of("m1", "m2", "m3"), paths(first));
        assertEquals(List.of("m4"), paths(rawGet(first.getString("next_url"), 200)));
        assertEquals(4, rawGet("/api/v1/variants/" + item + "[x]/metrics/count", 200).getInt("count"));
        assertEquals(List.of("m1", "m2", "m3"), paths(rawGet("/api/v1/variants/like/" + item + "[/metrics", 200)));
    }

    @Test
    void pageNumbersCountFromEitherEndAndBadPagesAreRejected() {
        String variant = "test_" + Body.hash() + "[0]";
        for (int i = 1; i <= 4; i++) {
            metric(variant, "m" + i);
        }
        String path = "/api/v1/variants/" + variant.replace("[", "%5B").replace("]", "%5D") + "/metrics";

        assertEquals(List.of("m4"), paths(json(get(path + "?page=-1"), 200)));
        assertEquals(List.of("m1", "m2", "m3"), paths(json(get(path + "?page=-2"), 200)));
        error(get(path + "?page=-3"), 404);
        assertNotNull(error(get(path + "?page=0"), 404).message());
        error(get(path + "?page=3"), 404);
        assertTrue(error(get(path + "?page=abc"), 400).errors().containsKey("page"));
    }

    @Test
    void likeMatchesASubstringUnderBothSpellings() {
        String part = Body.hash().substring(0, 16);
        metric("test_a[" + part + "]", "m1");
        metric("test_b[" + part.toUpperCase() + "x]", "upper");
        metric(part, "m2");
        metric("test_c[" + part.substring(1) + "]", "shorter");
        metric("test_d[" + part + ", 2]", "m3");
        metric("test_e[x" + part + "]", "m4");

        String metricsForm = "/api/v1/variants/like/" + part + "/metrics";
        String shortForm = "/api/v1/variants/like/" + part;
        JsonObject first = json(get(metricsForm), 200);
        assertEquals(List.of("m1", "m2", "m3"), paths(first));
        assertEquals(metricsForm + "?page=2", first.getString("next_url"));
        JsonObject shortFirst = json(get(shortForm), 200);
        assertEquals(List.of("m1", "m2", "m3"), paths(shortFirst));
        assertEquals(shortForm + "?page=2", shortFirst.getString("next_url"));
        assertEquals(List.of("m1", "m2", "m3", "m4"), walk(metricsForm));
        assertEquals(List.of("m1", "m2", "m3", "m4"), walk(shortForm + "/"));
        assertEquals(List.of("m1", "m2", "m3", "m4"), walkFromBase(shortForm));
        assertEquals(List.of("m1", "m2", "m3", "m4"), walkFromBase(metricsForm + "/"));
        assertEquals(List.of("m4"), paths(json(get(shortForm + "?page=-1"), 200)));
        error(get(shortForm + "?page=0"), 404);
        error(get(metricsForm + "?page=3"), 404);
        error(get(shortForm + "?page=-3"), 404);
        assertTrue(error(get(shortForm + "?page=abc"), 400).errors().containsKey("page"));
        assertTrue(error(get(metricsForm + "?page=abc"), 400).errors().containsKey("page"));
        // Exact match is not substring match.
        assertEquals(1, countOf("/api/v1/variants/" + part + "/metrics/count"));
    }

    @Test
    void wildcardCharactersAreLiteral() {
        String u = Body.hash().substring(0, 12);
        metric(u + "[t_x%]", "literal");
        metric(u + "[tax]", "tax");
        metric(u + "[t\\y]", "backslash");
        metric(u + "[tx%z]", "percent");

        assertEquals(List.of("literal"), walk("/api/v1/variants/like/" + u + "%5Bt_"));
        assertEquals(List.of("literal"), walk("/api/v1/variants/like/" + u + "%5Bt_x%25/metrics"));
        assertEquals(List.of("percent"), walk("/api/v1/variants/like/" + u + "%5Btx%25"));
        assertEquals(List.of("backslash"), walk("/api/v1/variants/like/" + u + "%5Bt%5C/metrics"));
        // As wildcards, "t%" and "t_" would match all four variants.
        assertEquals(204, get("/api/v1/variants/like/" + u + "%5Bt%25").getStatus());
        assertEquals(204, get("/api/v1/variants/like/" + u + "%5Bt_y/metrics").getStatus());
        assertEquals(List.of("literal"), walk("/api/v1/variants/" + u + "%5Bt_x%25%5D/metrics"));
        assertEquals(1, countOf("/api/v1/variants/" + u + "%5Bt_x%25%5D/metrics/count"));
        assertEquals(0, countOf("/api/v1/variants/" + u + "%5Bt_x_%5D/metrics/count"));
        assertEquals(0, countOf("/api/v1/variants/" + u + "%25/metrics/count"));
    }

    @Test
    void unknownVariantsAreEmpty() {
        String unknown = "none_" + Body.hash() + "[1]";
        String encoded = unknown.replace("[", "%5B").replace("]", "%5D");
        assertEquals(204, get("/api/v1/variants/" + encoded + "/metrics").getStatus());
        assertEquals(204, get("/api/v1/variants/" + encoded + "/metrics/").getStatus());
        assertEquals(204, get("/api/v1/variants/like/" + encoded).getStatus());
        assertEquals(204, get("/api/v1/variants/like/" + encoded + "/metrics").getStatus());
        assertEquals(0, countOf("/api/v1/variants/" + encoded + "/metrics/count"));
        error(get("/api/v1/variants/" + encoded + "/metrics?page=2"), 404);
        assertEquals(204, get("/api/v1/variants/like/" + encoded + "?page=-1").getStatus());
        error(get("/api/v1/variants/like/" + encoded + "?page=-2"), 404);
    }

    @Test
    void aVariantNamedLikeKeepsItsExactRoutes() {
        metric("like", "like");

        page(get("/api/v1/variants/like/metrics?page=-1"), 200, MetricJson.class).metrics()
                .forEach(m -> assertEquals("like", m.itemVariant()));
        assertTrue(countOf("/api/v1/variants/like/metrics/count") >= 1);
    }

    @Test
    void openApiListsTheseRoutes() {
        JsonObject paths = json(get("/openapi?format=JSON"), 200).getJsonObject("paths");

        for (String route : List.of("/api/v1/variants/{variant}/metrics", "/api/v1/variants/{variant}/metrics/count",
                "/api/v1/variants/like/{pattern}/metrics", "/api/v1/variants/like/{pattern}")) {
            assertTrue(paths.containsKey(route), () -> route + " missing from " + paths.keySet());
        }
    }

    private void metric(String variant, String itemPath) {
        json(post("/api/v1/metrics/", Body.metric(Body.hash(), Body.hash()).with("item_variant", variant)
                .with("item_path", itemPath).json()), 201);
    }

    /**
     * A GET sent byte for byte as written, brackets included, as Python's requests sends it ({@link java.net.URI},
     * and so the JAX-RS client, refuses unencoded brackets).
     */
    private JsonObject rawGet(String path, int expectedStatus) throws IOException {
        @SuppressWarnings("deprecation")
        var connection = (HttpURLConnection) new URL(root() + path).openConnection();
        try {
            assertEquals(expectedStatus, connection.getResponseCode(), path);
            try (InputStream in = connection.getInputStream()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return Json.createReader(new StringReader(body)).readObject();
            }
        } finally {
            connection.disconnect();
        }
    }

    /** The item paths of every page, following next_url as a server-root path. */
    private List<String> walk(String path) {
        var found = new ArrayList<String>();
        for (String next = path; next != null; ) {
            PageJson<MetricJson> page = page(get(next), 200, MetricJson.class);
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
