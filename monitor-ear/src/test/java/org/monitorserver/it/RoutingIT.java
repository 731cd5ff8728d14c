package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Path spellings, routes that do not exist, health and the OpenAPI document. */
class RoutingIT extends ApiTestSupport {

    @Test
    void everyCountAnswersWithAndWithoutTrailingSlash() {
        for (String family : List.of("metrics", "sessions", "contexts")) {
            long count = json(get("/api/v1/" + family + "/count"), 200).getJsonNumber("count").longValue();
            assertTrue(count >= 0);
            assertTrue(json(get("/api/v1/" + family + "/count/"), 200).containsKey("count"));
            assertTrue(json(get("/api/v1//" + family + "/count"), 200).containsKey("count"));
            assertTrue(json(get("/api/v1/api/v1/" + family + "/count/"), 200).containsKey("count"));
        }
    }

    @Test
    void postsAnswerWithAndWithoutTrailingSlash() {
        String h = Body.hash();
        json(post("/api/v1/contexts", Body.context(h).json()), 201);
        json(post("/api/v1/contexts/", Body.context(h).json()), 201);
        json(post("/api/v1/sessions", Body.session(h).json()), 201);
        json(post("/api/v1/sessions/", Body.session(h).json()), 201);
        json(post("/api/v1/metrics", Body.metric(h, h).json()), 201);
        json(post("/api/v1/metrics/", Body.metric(h, h).json()), 201);
    }

    @Test
    void unknownRoutesAndMethodsAnswerJson() {
        assertTrue(error(get("/api/v1/nothing/here"), 404).message().contains("/api/v1/nothing/here"));
        assertTrue(error(post("/api/v1/metrics/count", "{}"), 405).message().contains("GET"));
    }

    @Test
    void nulCharactersInPathsAndParametersAre400() {
        assertTrue(error(get("/api/v1/sessions/a%00b"), 400).message().contains("NUL"));
        assertTrue(error(get("/api/v1/sessions?with_flags=a%00"), 400).message().contains("NUL"));
    }

    @Test
    void theLandingPageSaysWhatTheServerIsWithItsVersionsCountsAndLinks() {
        jakarta.ws.rs.core.Response page = get("/");
        assertEquals(200, page.getStatus());
        assertEquals("text/html;charset=UTF-8", page.getHeaderString("Content-Type").replace(" ", ""));
        String html = page.readEntity(String.class);
        long metrics = json(get("/api/v1/metrics/count"), 200).getJsonNumber("count").longValue();
        assertTrue(html.contains("<h1>Monitor Server</h1>"), html);
        assertTrue(html.contains("<td>schema version</td><td>20</td>"), html);
        assertTrue(html.matches("(?s).*<td>version</td><td>\\d+\\.\\d+\\.\\d+[^<]*</td>.*"), html);
        assertTrue(html.contains("<td>metrics</td><td class=\"n\">" + String.format(java.util.Locale.ROOT, "%,d", metrics)),
                "the maintained count of tenant default, with authentication off: " + html);
        assertTrue(html.contains("--remote-server " + root() + "/api/v1"), html);
        for (String link : List.of("openapi", "api/v1/health", "docs/api.md", "docs/administration.md")) {
            assertTrue(html.contains("href=\"" + link + "\""), link);
            int status = get("/" + link).getStatus();
            assertEquals(200, status, "/" + link);
        }
        jakarta.ws.rs.core.Response doc = get("/docs/configuration.md");
        assertEquals("text/plain;charset=UTF-8", doc.getHeaderString("Content-Type").replace(" ", ""));
        assertTrue(doc.readEntity(String.class).contains("MONITOR_SERVER_PAGINATION_COUNT"));
        assertEquals(404, get("/docs/no-such.md").getStatus());
    }

    @Test
    void healthIsUpWithTheSchemaVersion() {
        JsonObject health = json(get("/api/v1/health"), 200);

        assertEquals("UP", health.getString("status"));
        assertEquals("UP", health.getString("database"));
        assertEquals("20", health.getString("schema_version"));
    }

    @Test
    void openApiListsEveryRouteAndNothingElse() {
        JsonObject paths = json(get("/openapi?format=JSON"), 200).getJsonObject("paths");

        assertEquals(ROUTES, new TreeSet<>(paths.keySet()));
        for (String write : List.of("/api/v1/contexts", "/api/v1/sessions", "/api/v1/metrics",
                "/api/v1/contexts/bulk", "/api/v1/sessions/bulk", "/api/v1/metrics/bulk")) {
            assertTrue(paths.getJsonObject(write).containsKey("post"), write);
        }
    }

    /** Every path of the API: a new route must be added here on purpose. */
    private static final Set<String> ROUTES = new TreeSet<>(List.of(
            "/api/v1/admin/tenants",
            "/api/v1/admin/tenants/{tenant}",
            "/api/v1/admin/tenants/{tenant}/users",
            "/api/v1/admin/tenants/{tenant}/users/{user}",
            "/api/v1/admin/tenants/{tenant}/users/{user}/keys",
            "/api/v1/admin/tenants/{tenant}/users/{user}/keys/{id}",
            "/api/v1/admin/tenants/{tenant}/users/{user}/keys/{id}/rotate",
            "/api/v1/admin/thresholds",
            "/api/v1/admin/thresholds/{component}",
            "/api/v1/compare",
            "/api/v1/metrics/nodes/usage",
            "/api/v1/metrics/queues",
            "/api/v1/components",
            "/api/v1/components/count",
            "/api/v1/components/items/{item}/metrics",
            "/api/v1/components/metrics",
            "/api/v1/components/variants/{variant}/metrics",
            "/api/v1/components/{component}/items/{item}/metrics",
            "/api/v1/components/{component}/metrics",
            "/api/v1/components/{component}/pipelines",
            "/api/v1/components/{component}/pipelines/{pipeline}/builds",
            "/api/v1/components/{component}/pipelines/{pipeline}/builds/{build}/sessions",
            "/api/v1/components/{component}/variants/{variant}/metrics",
            "/api/v1/components/{prefix}",
            "/api/v1/contexts",
            "/api/v1/contexts/bulk",
            "/api/v1/contexts/count",
            "/api/v1/contexts/{context}/metrics",
            "/api/v1/contexts/{context}/metrics/count",
            "/api/v1/contexts/{prefix}",
            "/api/v1/filters/scm/{scm}/metrics",
            "/api/v1/filters/scm/{scm}/metrics/count",
            "/api/v1/filters/scm/{scm}/sessions",
            "/api/v1/filters/scope/{scope}/metrics",
            "/api/v1/filters/scope/{scope}/metrics/count",
            "/api/v1/health",
            "/api/v1/imports",
            "/api/v1/imports/{id}",
            "/api/v1/items/like/{pattern}/metrics",
            "/api/v1/items/{item}/history",
            "/api/v1/items/{item}/metrics",
            "/api/v1/items/{item}/metrics/count",
            "/api/v1/metrics",
            "/api/v1/metrics/bulk",
            "/api/v1/metrics/count",
            "/api/v1/pipelines",
            "/api/v1/pipelines/{pipeline}/builds",
            "/api/v1/pipelines/{pipeline}/builds/recent",
            "/api/v1/pipelines/{pipeline}/builds/{build}/sessions",
            "/api/v1/resources/{resource}/components/{component}/{direction}/metrics",
            "/api/v1/resources/{resource}/components/{component}/{direction}/{n}/metrics",
            "/api/v1/resources/{resource}/pipelines/{pipeline}/builds/{build}/{direction}/metrics",
            "/api/v1/resources/{resource}/pipelines/{pipeline}/builds/{build}/{direction}/{n}/metrics",
            "/api/v1/resources/{resource}/pipelines/{pipeline}/{direction}/metrics",
            "/api/v1/resources/{resource}/pipelines/{pipeline}/{direction}/{n}/metrics",
            "/api/v1/resources/{resource}/{direction}/metrics",
            "/api/v1/resources/{resource}/{direction}/{n}/metrics",
            "/api/v1/runs",
            "/api/v1/runs/{id}",
            "/api/v1/runs/{id}/finish",
            "/api/v1/runs/{id}/refresh-credentials",
            "/api/v1/runs/{id}/samples",
            "/api/v1/session/{session}/metrics",
            "/api/v1/sessions",
            "/api/v1/sessions/bulk",
            "/api/v1/sessions/count",
            "/api/v1/sessions/{prefix}",
            "/api/v1/sessions/{session}/metrics",
            "/api/v1/sessions/{session}/metrics/count",
            "/api/v1/variants/like/{pattern}",
            "/api/v1/variants/like/{pattern}/metrics",
            "/api/v1/variants/{variant}/metrics",
            "/api/v1/variants/{variant}/metrics/count"));
}
