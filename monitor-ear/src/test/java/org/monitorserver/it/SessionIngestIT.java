package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

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
        SessionJson stored = read(post("/api/v1/sessions/", Body.session(h).with("description", description).json()),
                201, SessionJson.class);

        // read() holds each tag to key, name and value, the null value written as null.
        assertEquals(new SessionJson(h, "2026-11-21T10:15:02.123456", "4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
                List.of(TagJson.of("pipeline_branch", "main"), TagJson.of("pipeline_build_no", "30"),
                        TagJson.of("flaky", "true"), TagJson.of("ratio", "0.5"), TagJson.of("nothing", null))),
                stored);
        assertEquals(List.of(stored), page(get("/api/v1/sessions/" + h), 200, SessionJson.class).sessions());
    }

    @Test
    void acceptsTheApiDocumentsFormWithAStringDescription() {
        String h = Body.hash();
        var body = Body.session(h).renamed("session_h", "h").without("scm_ref")
                .with("description", "{\"numpy\": \"1.17.1\"}");
        SessionJson stored = read(post("/api/v1/sessions/", body.json()), 201, SessionJson.class);

        assertEquals(h, stored.sessionH());
        assertNull(stored.scmRef());
        assertEquals(List.of(TagJson.of("numpy", "1.17.1")), stored.tags());
    }

    @Test
    void absentDescriptionMeansNoTagsAndEmptyScmRefIsKept() {
        SessionJson stored = read(post("/api/v1/sessions/",
                Body.session(Body.hash()).without("description").with("scm_ref", "").json()), 201, SessionJson.class);

        assertEquals(List.of(), stored.tags());
        assertEquals("", stored.scmRef());
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

        error(post("/api/v1/sessions/", Body.session(h).with("run_date", "2026-11-22T08:00:00").json()), 409);
        error(post("/api/v1/sessions/", Body.session(h).with("description", Map.of("a", "b")).json()), 409);

        assertEquals(before, counts());
    }

    @Test
    void badFieldsAreNamedAndNothingIsStored() {
        Counts before = counts();
        var nested = Map.of("deps", Map.of("numpy", "1.17"));
        ErrorBody error = error(post("/api/v1/sessions/", Body.session(Body.hash()).with("run_date", "21/11/2026")
                .with("description", nested).json()), 400);

        assertEquals(2, error.errors().size(), error::toString);
        assertTrue(error.errors().get("run_date").contains("ISO 8601"));
        assertTrue(error.errors().containsKey("description.deps"));

        error(post("/api/v1/sessions/", Body.session(Body.hash()).with("description", "not json").json()), 400);
        error(post("/api/v1/sessions/", Body.session(Body.hash()).without("session_h").json()), 400);
        assertEquals(before, counts());
    }

    @Test
    void findsSessionsByPrefix() {
        String prefix = Body.hash().substring(0, 24);
        for (int i = 0; i < 3; i++) {
            json(post("/api/v1/sessions/", Body.session(prefix + i).json()), 201);
        }

        PageJson<SessionJson> page = page(get("/api/v1/sessions/" + prefix + "/"), 200, SessionJson.class);

        assertEquals(List.of(prefix + "0", prefix + "1", prefix + "2"),
                page.sessions().stream().map(SessionJson::sessionH).toList());
        assertEquals(1, page.totalPage());
        assertNull(page.nextUrl());
        assertEquals(204, get("/api/v1/sessions/" + prefix + "x").getStatus());
    }
}
