package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
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
        assertTrue(json(get("/api/v1/nothing/here"), 404).getString("message").contains("/api/v1/nothing/here"));
        assertTrue(json(post("/api/v1/metrics/count", "{}"), 405).getString("message").contains("GET"));
    }

    @Test
    void nulCharactersInPathsAndParametersAre400() {
        assertTrue(json(get("/api/v1/sessions/a%00b"), 400).getString("message").contains("NUL"));
        assertTrue(json(get("/api/v1/sessions?with_flags=a%00"), 400).getString("message").contains("NUL"));
    }

    @Test
    void healthIsUpWithTheSchemaVersion() {
        JsonObject health = json(get("/api/v1/health"), 200);

        assertEquals("UP", health.getString("status"));
        assertEquals("UP", health.getString("database"));
        assertEquals("7", health.getString("schema_version"));
    }

    @Test
    void openApiListsEveryRoute() {
        JsonObject paths = json(get("/openapi?format=JSON"), 200).getJsonObject("paths");

        for (String route : List.of("/api/v1/contexts", "/api/v1/contexts/count", "/api/v1/contexts/{prefix}",
                "/api/v1/sessions", "/api/v1/sessions/count", "/api/v1/sessions/{prefix}", "/api/v1/metrics",
                "/api/v1/metrics/count", "/api/v1/health")) {
            assertTrue(paths.containsKey(route), () -> route + " missing from " + paths.keySet());
        }
    }
}
