package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/sessions/} and {@code GET /api/v1/sessions/<prefix>}. */
class SessionIngestIT extends ApiTestSupport {

    @Test
    void storesTagsAndAnswersThemAsKeyNameValue() {
        String h = Body.hash();
        var description = new LinkedHashMap<String, Object>();
        description.put("pipeline_branch", "main");
        description.put("pipeline_build_no", 30);
        description.put("flaky", true);
        description.put("ratio", 0.5);
        description.put("nothing", null);
        JsonObject stored = json(post("/api/v1/sessions/", Body.session(h).with("description", description).json()),
                201);

        assertEquals(h, stored.getString("session_h"));
        assertEquals("2026-11-21T10:15:02.123456", stored.getString("run_date"));
        JsonArray tags = stored.getJsonArray("tags");
        assertEquals(5, tags.size());
        assertEquals(Map.of("key", "pipeline_build_no", "name", "pipeline_build_no", "value", "30"),
                Map.of("key", tags.getJsonObject(1).getString("key"), "name", tags.getJsonObject(1).getString("name"),
                        "value", tags.getJsonObject(1).getString("value")));
        assertEquals("true", tags.getJsonObject(2).getString("value"));
        assertEquals("0.5", tags.getJsonObject(3).getString("value"));
        assertTrue(tags.getJsonObject(4).isNull("value"));
        assertEquals(stored, json(get("/api/v1/sessions/" + h), 200).getJsonArray("sessions").getJsonObject(0));
    }

    @Test
    void acceptsTheApiDocumentsFormWithAStringDescription() {
        String h = Body.hash();
        var body = Body.session(h).renamed("session_h", "h").without("scm_ref")
                .with("description", "{\"numpy\": \"1.17.1\"}");
        JsonObject stored = json(post("/api/v1/sessions/", body.json()), 201);

        assertEquals(h, stored.getString("session_h"));
        assertTrue(stored.isNull("scm_ref"));
        assertEquals("numpy", stored.getJsonArray("tags").getJsonObject(0).getString("name"));
    }

    @Test
    void absentDescriptionMeansNoTagsAndEmptyScmRefIsKept() {
        JsonObject stored = json(post("/api/v1/sessions/",
                Body.session(Body.hash()).without("description").with("scm_ref", "").json()), 201);

        assertEquals(0, stored.getJsonArray("tags").size());
        assertEquals("", stored.getString("scm_ref"));
    }

    @Test
    void identicalRepostsStoreOneCopyWhateverTheTagOrder() {
        String h = Body.hash();
        Counts before = counts();
        json(post("/api/v1/sessions/", Body.session(h).json()), 201);
        var reordered = new LinkedHashMap<String, Object>();
        reordered.put("__ci__", "jenkinsci");
        reordered.put("pipeline_build_no", "30");
        reordered.put("pipeline_branch", "main");
        json(post("/api/v1/sessions/", Body.session(h).with("description", reordered).json()), 201);

        assertEquals(before.plus(0, 1, 0), counts());
    }

    @Test
    void sameHashWithOtherContentIsAConflict() {
        String h = Body.hash();
        json(post("/api/v1/sessions/", Body.session(h).json()), 201);
        Counts before = counts();

        json(post("/api/v1/sessions/", Body.session(h).with("run_date", "2026-11-22T08:00:00").json()), 409);
        json(post("/api/v1/sessions/", Body.session(h).with("description", Map.of("a", "b")).json()), 409);

        assertEquals(before, counts());
    }

    @Test
    void badFieldsAreNamedAndNothingIsStored() {
        Counts before = counts();
        var nested = Map.of("deps", Map.of("numpy", "1.17"));
        JsonObject error = json(post("/api/v1/sessions/", Body.session(Body.hash()).with("run_date", "21/11/2026")
                .with("description", nested).json()), 400);

        assertEquals(2, error.getJsonObject("errors").size(), error::toString);
        assertTrue(error.getJsonObject("errors").getString("run_date").contains("ISO 8601"));
        assertTrue(error.getJsonObject("errors").containsKey("description.deps"));

        json(post("/api/v1/sessions/", Body.session(Body.hash()).with("description", "not json").json()), 400);
        json(post("/api/v1/sessions/", Body.session(Body.hash()).without("session_h").json()), 400);
        assertEquals(before, counts());
    }

    @Test
    void findsSessionsByPrefix() {
        String prefix = Body.hash().substring(0, 24);
        for (int i = 0; i < 3; i++) {
            json(post("/api/v1/sessions/", Body.session(prefix + i).json()), 201);
        }

        JsonObject page = json(get("/api/v1/sessions/" + prefix + "/"), 200);

        assertEquals(3, page.getJsonArray("sessions").size());
        assertEquals(1, page.getInt("total_page"));
        assertTrue(page.isNull("next_url"));
        assertEquals(prefix + "0", page.getJsonArray("sessions").getJsonObject(0).getString("session_h"));
        assertEquals(204, get("/api/v1/sessions/" + prefix + "x").getStatus());
    }
}
