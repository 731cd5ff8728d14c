package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.monitorserver.it.ComponentsIT.strings;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/pipelines/...}: pipelines, builds and build sessions, from the session tags
 * {@code pipeline_branch} and {@code pipeline_build_no} compared as text. The pipeline list is global, so tests
 * find their own pipeline in it by walking the pages.
 */
class PipelinesIT extends ApiTestSupport {

    /** Enough pages for any shared test database; a walk that needs more is a bug. */
    private static final int MAX_PAGES = 100_000;

    @Test
    void listsEveryPipelineOnceSortedAcrossPagesWalkedByNextUrl() {
        String pipeline = "pl-" + Body.hash();
        session(pipeline, 1);
        session(pipeline, 2);
        session("", 3);

        JsonObject first = json(get("/api/v1/pipelines/"), 200);
        assertEquals(List.of("pipelines", "total_page", "prev_url", "next_url"), List.copyOf(first.keySet()));
        assertTrue(first.isNull("prev_url"));
        assertEquals(first, json(get("/api/v1/pipelines"), 200));

        boolean found = false;
        String next = "/api/v1/pipelines";
        for (int pages = 0; next != null && !found; pages++) {
            assertTrue(pages < MAX_PAGES, "walked " + pages + " pages");
            // Alternate the two spellings: the reference client prefixes next_url with /api/v1.
            JsonObject page = json(get(pages % 2 == 0 ? next : "/api/v1" + next), 200);
            List<String> names = strings(page, "pipelines");
            assertFalse(names.isEmpty());
            assertFalse(names.contains(""), () -> "the empty pipeline is listed: " + names);
            found = names.contains(pipeline);
            assertTrue(names.indexOf(pipeline) == names.lastIndexOf(pipeline), "listed once");
            next = page.isNull("next_url") ? null : page.getString("next_url");
        }
        assertTrue(found, pipeline + " not listed");

        JsonObject last = json(get("/api/v1/pipelines?page=-1"), 200);
        assertTrue(last.isNull("next_url"));
        assertEquals(404, get("/api/v1/pipelines?page=0").getStatus());
        assertEquals(404, get("/api/v1/pipelines?page=" + (last.getInt("total_page") + 1)).getStatus());
        assertTrue(error(get("/api/v1/pipelines/?page=abc"), 400).errors().containsKey("page"));
    }

    @Test
    void buildNumbersAreTextWhateverTheirJsonTypeAndSortedAsText() {
        String pipeline = "pb-" + Body.hash();
        session(pipeline, 30);
        session(pipeline, "30");
        session(pipeline, 4);
        session(pipeline, "100");
        session(pipeline, 7);
        session(pipeline, "");
        session(pipeline, null);

        String path = "/api/v1/pipelines/" + pipeline + "/builds";
        JsonObject first = json(get(path), 200);
        assertEquals(List.of("pipeline", "builds", "total_page", "prev_url", "next_url"), List.copyOf(first.keySet()));
        assertEquals(pipeline, first.getString("pipeline"));
        assertEquals(List.of("100", "30", "4"), strings(first, "builds"));
        assertEquals(2, first.getInt("total_page"));
        assertEquals(path + "?page=2", first.getString("next_url"));

        JsonObject second = json(get(first.getString("next_url")), 200);
        assertEquals(List.of("7"), strings(second, "builds"));
        assertEquals(path + "?page=1", second.getString("prev_url"));
        assertEquals(second, json(get("/api/v1" + first.getString("next_url")), 200));
        assertEquals(second, json(get(path + "/?page=-1"), 200));
        assertEquals(first, json(get(path + "/"), 200));
    }

    @Test
    void pipelineNamesAreTextToo() {
        String pipeline = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, Long.MAX_VALUE));
        session(Long.parseLong(pipeline), 12);

        assertEquals(List.of("12"), strings(json(get("/api/v1/pipelines/" + pipeline + "/builds"), 200), "builds"));
    }

    @Test
    void listsABuildsSessionsInArrivalOrder() {
        String pipeline = "ps-" + Body.hash();
        String s1 = session(pipeline, 30);
        String s2 = session(pipeline, "30");
        session(pipeline, 31);
        String s3 = session(pipeline, 30);
        String s4 = session(pipeline, 30);

        String path = "/api/v1/pipelines/" + pipeline + "/builds/30/sessions";
        JsonObject first = json(get(path), 200);
        assertEquals(List.of("pipeline", "build", "sessions", "total_page", "prev_url", "next_url"),
                List.copyOf(first.keySet()));
        assertEquals(pipeline, first.getString("pipeline"));
        assertEquals("30", first.getString("build"));
        assertEquals(List.of(s1, s2, s3), strings(first, "sessions"));
        JsonObject second = json(get(first.getString("next_url")), 200);
        assertEquals(List.of(s4), strings(second, "sessions"));
        assertEquals(second, json(get("/api/v1" + first.getString("next_url")), 200));
        assertEquals(second, json(get(path + "/?page=-1"), 200));
        assertEquals(first, json(get(path + "?page=-2"), 200));

        for (String page : List.of("0", "3", "-3")) {
            assertNotNull(error(get(path + "?page=" + page), 404).message());
        }
        assertTrue(error(get(path + "?page=abc"), 400).errors().containsKey("page"));
        assertTrue(error(get("/api/v1/pipelines/" + pipeline + "/builds?page=1.5"), 400).errors().containsKey("page"));
    }

    @Test
    void emptyValuesAreNeitherPipelinesNorBuilds() {
        String pipeline = "pe-" + Body.hash();
        session(pipeline, "");
        session(pipeline, null);

        assertEquals(204, get("/api/v1/pipelines/" + pipeline + "/builds").getStatus());
        assertEquals(404, get("/api/v1/pipelines/" + pipeline + "/builds?page=2").getStatus());
    }

    @Test
    void unknownPipelinesAndBuildsAreEmpty() {
        String pipeline = "pu-" + Body.hash();
        session(pipeline, 1);

        assertEquals(204, get("/api/v1/pipelines/" + Body.hash() + "/builds").getStatus());
        assertEquals(204, get("/api/v1/pipelines/" + Body.hash() + "/builds/1/sessions/").getStatus());
        assertEquals(204, get("/api/v1/pipelines/" + pipeline + "/builds/2/sessions").getStatus());
        assertEquals(1, strings(json(get("/api/v1/pipelines/" + pipeline + "/builds/1/sessions"), 200), "sessions")
                .size());
    }

    @Test
    void openApiListsEveryPipelineRoute() {
        JsonObject paths = json(get("/openapi?format=JSON"), 200).getJsonObject("paths");

        for (String route : List.of("/api/v1/pipelines", "/api/v1/pipelines/{pipeline}/builds",
                "/api/v1/pipelines/{pipeline}/builds/{build}/sessions")) {
            assertTrue(paths.containsKey(route), () -> route + " missing from " + paths.keySet());
        }
    }

    /** Posts a session whose CI tags are {@code pipeline} and {@code build}, as given (any JSON type, or null). */
    private String session(Object pipeline, Object build) {
        String h = Body.hash();
        var tags = new LinkedHashMap<String, Object>();
        tags.put("pipeline_branch", pipeline);
        tags.put("pipeline_build_no", build);
        json(post("/api/v1/sessions/", Body.session(h).with("description", tags).json()), 201);
        return h;
    }
}
