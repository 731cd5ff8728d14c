package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.BulkReportJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

/**
 * {@code /api/v1/filters}: metrics and sessions by SCM reference (prefix of the session's {@code scm_ref}) and
 * metrics by scope (the item's kind, exact). The IT server's page size is 3; rows are told apart by their
 * {@code item_path}.
 */
class FiltersIT extends ApiTestSupport {

    @Test
    void scmPrefixSelectsTheMetricsOfEverySessionWhoseReferenceStartsWithIt() {
        String base = "scm" + Body.hash();
        String a = session(base + "1111");
        String b = session(base + "2222");
        String other = session("scm" + Body.hash());
        metric(a, "a1");
        metric(other, "x1");
        metric(b, "b1");
        metric(a, "a2");
        metric(b, "b2");

        assertEquals(List.of("a1", "b1", "a2", "b2"), walk("/api/v1/filters/scm/" + base + "/metrics"));
        assertEquals(List.of("a1", "a2"), walk("/api/v1/filters/scm/" + base + "1/metrics"));
        assertEquals(List.of("b1", "b2"), walk("/api/v1/filters/scm/" + base + "2222/metrics"));
        assertEquals(4, countOf("/api/v1/filters/scm/" + base + "/metrics/count"));
        assertEquals(2, countOf("/api/v1/filters/scm/" + base + "1111/metrics/count/"));
        // Prefix, not suffix or substring; and case-sensitive.
        assertEquals(0, countOf("/api/v1/filters/scm/" + base + "11111/metrics/count"));
        assertEquals(0, countOf("/api/v1/filters/scm/" + base.substring(1) + "/metrics/count"));
        assertEquals(0, countOf("/api/v1/filters/scm/" + base.toUpperCase() + "/metrics/count"));
        assertEquals(204, get("/api/v1/filters/scm/" + base.toUpperCase() + "/metrics").getStatus());
    }

    @Test
    void aPrefixOfManySessionsGivesTheSameAnswersThroughTheMetricsInArrivalOrder() {
        // Over 100 matching sessions, the listing walks the metrics instead of an IN list of session hashes.
        String base = "scm" + Body.hash();
        var sessions = new ArrayList<String>();
        var metrics = new ArrayList<String>();
        for (int i = 0; i < 105; i++) {
            String h = Body.hash();
            sessions.add(Body.session(h).with("scm_ref", base + i).json());
            metrics.add(Body.metric(h, Body.hash()).with("item_path", "p" + i).json());
        }
        assertEquals(105, read(post("/api/v1/sessions/bulk", "[" + String.join(",", sessions) + "]"), 200,
                BulkReportJson.class).accepted());
        assertEquals(105, read(post("/api/v1/metrics/bulk", "[" + String.join(",", metrics) + "]"), 200,
                BulkReportJson.class).accepted());

        assertEquals(105, countOf("/api/v1/filters/scm/" + base + "/metrics/count"));
        JsonObject first = json(get("/api/v1/filters/scm/" + base + "/metrics"), 200);
        assertEquals(35, first.getInt("total_page"));
        assertEquals(List.of("p0", "p1", "p2"), paths(first));
        assertEquals(List.of("p102", "p103", "p104"),
                paths(json(get("/api/v1/filters/scm/" + base + "/metrics?page=-1"), 200)));
        // A narrower prefix of the same data goes through the IN list and agrees.
        assertEquals(List.of("p10", "p100", "p101", "p102", "p103", "p104"),
                walk("/api/v1/filters/scm/" + base + "10/metrics"));
        assertEquals(6, countOf("/api/v1/filters/scm/" + base + "10/metrics/count"));
    }

    @Test
    void scmPagesWalkByNextUrlBothWays() {
        String scm = "scm" + Body.hash();
        String s = session(scm);
        for (int i = 1; i <= 7; i++) {
            metric(s, "m" + i);
        }
        String path = "/api/v1/filters/scm/" + scm + "/metrics";

        JsonObject first = json(get(path), 200);
        assertEquals(3, first.getInt("total_page"));
        assertTrue(first.isNull("prev_url"));
        assertEquals(path + "?page=2", first.getString("next_url"));
        JsonObject last = json(get(path + "?page=3"), 200);
        assertEquals(path + "?page=2", last.getString("prev_url"));
        assertTrue(last.isNull("next_url"));
        List<String> all = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7");
        assertEquals(all, walk(path));
        assertEquals(all, walkFromBase(path));
        assertEquals(first, json(get(path + "/"), 200));
    }

    @Test
    void scmPageNumbersCountFromEitherEnd() {
        String scm = "scm" + Body.hash();
        String s = session(scm);
        for (int i = 1; i <= 4; i++) {
            metric(s, "m" + i);
        }
        String path = "/api/v1/filters/scm/" + scm + "/metrics";

        assertEquals(List.of("m4"), paths(json(get(path + "?page=-1"), 200)));
        assertEquals(List.of("m1", "m2", "m3"), paths(json(get(path + "/?page=-2"), 200)));
        error(get(path + "?page=-3"), 404);
        assertNotNull(error(get(path + "?page=0"), 404).message());
        error(get(path + "?page=3"), 404);
        ErrorBody bad = error(get(path + "?page=abc"), 400);
        assertTrue(bad.errors().containsKey("page"), bad::toString);
    }

    @Test
    void aMetricPostedBeforeItsSessionMatchesOnceTheSessionExists() {
        String scm = "scm" + Body.hash();
        String s = Body.hash();
        metric(s, "early");
        assertEquals(0, countOf("/api/v1/filters/scm/" + scm + "/metrics/count"));
        assertEquals(204, get("/api/v1/filters/scm/" + scm + "/metrics").getStatus());

        json(post("/api/v1/sessions/", Body.session(s).with("scm_ref", scm).json()), 201);
        metric(s, "late");

        assertEquals(List.of("early", "late"), walk("/api/v1/filters/scm/" + scm + "/metrics"));
        assertEquals(2, countOf("/api/v1/filters/scm/" + scm + "/metrics/count"));
    }

    @Test
    void scmWildcardCharactersAreLiteral() {
        String base = "scm" + Body.hash();
        String underscore = session(base + "_x");
        session(base + "ax");
        String percent = session(base + "%y");
        String backslash = session(base + "\\z");

        assertEquals(List.of(underscore), sessionHashes("/api/v1/filters/scm/" + base + "_/sessions"));
        assertEquals(List.of(percent), sessionHashes("/api/v1/filters/scm/" + base + "%25/sessions"));
        assertEquals(List.of(backslash), sessionHashes("/api/v1/filters/scm/" + base + "%5C/sessions"));
        assertEquals(204, get("/api/v1/filters/scm/" + base + "%25x/sessions").getStatus());
        metric(underscore, "u1");
        assertEquals(List.of("u1"), walk("/api/v1/filters/scm/" + base + "_/metrics"));
        assertEquals(0, countOf("/api/v1/filters/scm/" + base + "%25x/metrics/count"));
    }

    @Test
    void scmSessionsAreFullSessionsWithTagsInArrivalOrder() {
        String base = "scm" + Body.hash();
        String a = Body.hash();
        String b = Body.hash();
        json(post("/api/v1/sessions/", Body.session(a).with("scm_ref", base + "a")
                .with("description", new LinkedHashMap<>(Map.of("numpy", "1.17.1"))).json()), 201);
        session("scm" + Body.hash());
        json(post("/api/v1/sessions/", Body.session(b).with("scm_ref", base + "b").json()), 201);
        for (int i = 0; i < 3; i++) {
            session(base + "c" + i);
        }

        JsonObject first = json(get("/api/v1/filters/scm/" + base + "/sessions"), 200);
        assertEquals(2, first.getInt("total_page"));
        assertEquals("/api/v1/filters/scm/" + base + "/sessions?page=2", first.getString("next_url"));
        List<SessionJson> rows = page(first, SessionJson.class).sessions();
        assertEquals(List.of(a, b), rows.stream().limit(2).map(SessionJson::sessionH).toList());
        assertEquals(new SessionJson(a, "2026-11-21T10:15:02.123456", base + "a",
                List.of(TagJson.of("numpy", "1.17.1"))), rows.get(0));
        assertEquals(3, rows.get(1).tags().size());
        assertEquals(5, sessionHashes("/api/v1/filters/scm/" + base + "/sessions").size());
        assertEquals(first, json(get("/api/v1/filters/scm/" + base + "/sessions/"), 200));
        assertEquals(2, page(get("/api/v1" + first.getString("next_url")), 200, SessionJson.class).sessions().size());
        error(get("/api/v1/filters/scm/" + base + "/sessions?page=3"), 404);
        error(get("/api/v1/filters/scm/" + base + "/sessions?page=0"), 404);
        assertEquals(base + "a", page(get("/api/v1/filters/scm/" + base + "/sessions?page=-2"), 200,
                SessionJson.class).sessions().get(0).scmRef());
        assertTrue(error(get("/api/v1/filters/scm/" + base + "/sessions?page=x"), 400).errors().containsKey("page"));
        assertEquals(204, get("/api/v1/filters/scm/" + Body.hash() + "/sessions").getStatus());
        error(get("/api/v1/filters/scm/" + Body.hash() + "/sessions?page=2"), 404);
    }

    @Test
    void scopeIsTheExactKind() {
        String scope = "scope" + Body.hash().substring(0, 20);
        String s = Body.hash();
        metric(s, "f1", scope);
        metric(s, "other", scope + "x");
        metric(s, "other", "x" + scope);
        metric(s, "f2", scope);
        metric(s, "f3", scope);
        metric(s, "f4", scope);

        String path = "/api/v1/filters/scope/" + scope + "/metrics";
        JsonObject first = json(get(path), 200);
        assertEquals(List.of("f1", "f2", "f3"), paths(first));
        assertEquals(2, first.getInt("total_page"));
        assertEquals(path + "?page=2", first.getString("next_url"));
        assertEquals(List.of("f4"), paths(json(get("/api/v1" + first.getString("next_url")), 200)));
        assertEquals(List.of("f1", "f2", "f3", "f4"), walk(path + "/"));
        assertEquals(4, countOf(path + "/count"));
        assertEquals(4, countOf(path + "/count/"));
        assertEquals(1, countOf("/api/v1/filters/scope/" + scope + "x/metrics/count"));
        assertEquals(0, countOf("/api/v1/filters/scope/" + scope.toUpperCase() + "/metrics/count"));
        assertEquals(0, countOf("/api/v1/filters/scope/" + scope.substring(0, 10) + "%25/metrics/count"));
        assertEquals(List.of("f4"), paths(json(get(path + "?page=-1"), 200)));
        error(get(path + "?page=-3"), 404);
        error(get(path + "?page=0"), 404);
        error(get(path + "?page=3"), 404);
        assertTrue(error(get(path + "?page=abc"), 400).errors().containsKey("page"));
    }

    @Test
    void unknownScmAndScopeAreEmpty() {
        String unknown = "none" + Body.hash();
        assertEquals(204, get("/api/v1/filters/scm/" + unknown + "/metrics").getStatus());
        assertEquals(204, get("/api/v1/filters/scm/" + unknown + "/metrics/").getStatus());
        assertEquals(204, get("/api/v1/filters/scope/" + unknown + "/metrics").getStatus());
        assertEquals(0, countOf("/api/v1/filters/scm/" + unknown + "/metrics/count"));
        assertEquals(0, countOf("/api/v1/filters/scope/" + unknown + "/metrics/count/"));
        error(get("/api/v1/filters/scope/" + unknown + "/metrics?page=2"), 404);
        // An empty listing still has its (empty) page 1, which is also page -1.
        assertEquals(204, get("/api/v1/filters/scm/" + unknown + "/metrics?page=-1").getStatus());
        error(get("/api/v1/filters/scm/" + unknown + "/metrics?page=-2"), 404);
    }

    @Test
    void openApiListsTheseRoutes() {
        JsonObject paths = json(get("/openapi?format=JSON"), 200).getJsonObject("paths");

        for (String route : List.of("/api/v1/filters/scm/{scm}/metrics", "/api/v1/filters/scm/{scm}/metrics/count",
                "/api/v1/filters/scm/{scm}/sessions", "/api/v1/filters/scope/{scope}/metrics",
                "/api/v1/filters/scope/{scope}/metrics/count")) {
            assertTrue(paths.containsKey(route), () -> route + " missing from " + paths.keySet());
        }
    }

    private String session(String scm) {
        String h = Body.hash();
        json(post("/api/v1/sessions/", Body.session(h).with("scm_ref", scm).json()), 201);
        return h;
    }

    private void metric(String session, String itemPath) {
        metric(session, itemPath, "function");
    }

    private void metric(String session, String itemPath, String kind) {
        json(post("/api/v1/metrics/", Body.metric(session, Body.hash()).with("item_path", itemPath)
                .with("kind", kind).json()), 201);
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

    /** The hashes of every session of a listing, following next_url. */
    private List<String> sessionHashes(String path) {
        var found = new ArrayList<String>();
        for (String next = path; next != null; ) {
            PageJson<SessionJson> page = page(get(next), 200, SessionJson.class);
            page.sessions().forEach(session -> found.add(session.sessionH()));
            next = page.nextUrl();
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
