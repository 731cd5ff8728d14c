package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

/**
 * The plain listings ({@code /metrics}, {@code /sessions}, {@code /contexts}), a session's and a context's
 * metrics, and the session flag filter. The IT server's page size is 3.
 */
class ListingsIT extends ApiTestSupport {

    @Test
    void metricListEndsWithTheNewestMetricAndHasAsManyPagesAsTheCountSays() {
        String session = Body.hash();
        for (int i = 0; i < 4; i++) { // at least two pages, even on a fresh database
            json(post("/api/v1/metrics/", Body.metric(session, Body.hash()).with("item", "test_" + i).json()), 201);
        }
        long count = count("metrics");

        PageJson<MetricJson> last = page(get("/api/v1/metrics/?page=-1"), 200, MetricJson.class);

        assertEquals((count + 2) / 3, last.totalPage());
        MetricJson newest = last.metrics().get(last.metrics().size() - 1);
        assertEquals("test_3", newest.item());
        assertEquals(session, newest.sessionH());
        assertNull(last.nextUrl());
        PageJson<MetricJson> first = page(get("/api/v1/metrics"), 200, MetricJson.class);
        assertEquals(3, first.metrics().size());
        assertEquals("/api/v1/metrics?page=2", first.nextUrl());
    }

    @Test
    void sessionAndContextListsEndWithTheNewest() {
        String h = Body.hash();
        json(post("/api/v1/sessions/", Body.session(h).json()), 201);
        json(post("/api/v1/contexts/", Body.context(h).json()), 201);

        List<SessionJson> sessions = page(get("/api/v1/sessions?page=-1"), 200, SessionJson.class).sessions();
        SessionJson newestSession = sessions.get(sessions.size() - 1);
        assertEquals(h, newestSession.sessionH());
        assertEquals(List.of(TagJson.of("__ci__", "jenkinsci"), TagJson.of("pipeline_branch", "main"),
                TagJson.of("pipeline_build_no", "30")), sorted(newestSession.tags()));
        List<ContextJson> contexts = page(get("/api/v1/contexts/?page=-1"), 200, ContextJson.class).contexts();
        assertEquals(Body.contextJson(h), contexts.get(contexts.size() - 1));
        assertEquals((count("sessions") + 2) / 3, page(get("/api/v1/sessions"), 200, SessionJson.class).totalPage());
    }

    @Test
    void sessionMetricsInArrivalOrderUnderBothSpellings() {
        String session = Body.hash();
        String context = Body.hash();
        for (int i = 0; i < 4; i++) {
            json(post("/api/v1/metrics/", Body.metric(session, context).with("item", "test_" + i).json()), 201);
        }
        json(post("/api/v1/metrics/", Body.metric(Body.hash(), context).json()), 201);

        PageJson<MetricJson> first = page(get("/api/v1/sessions/" + session + "/metrics"), 200, MetricJson.class);
        assertEquals(List.of("test_0", "test_1", "test_2"), items(first));
        assertEquals(2, first.totalPage());
        PageJson<MetricJson> second = page(get("/api/v1" + first.nextUrl()), 200, MetricJson.class);
        assertEquals(List.of("test_3"), items(second));
        PageJson<MetricJson> singular = page(get("/api/v1/session/" + session + "/metrics/"), 200, MetricJson.class);
        assertEquals(first.metrics(), singular.metrics());
        assertEquals("/api/v1/session/" + session + "/metrics?page=2", singular.nextUrl());
        assertEquals(4, countOf("/api/v1/sessions/" + session + "/metrics/count/"));

        assertEquals(5, countOf("/api/v1/contexts/" + context + "/metrics/count"));
        assertEquals(2, page(get("/api/v1/contexts/" + context + "/metrics?page=-1"), 200, MetricJson.class)
                .metrics().size());
    }

    @Test
    void unknownSessionsAndContextsHaveNoMetrics() {
        String unknown = Body.hash();
        assertEquals(204, get("/api/v1/sessions/" + unknown + "/metrics").getStatus());
        assertEquals(204, get("/api/v1/session/" + unknown + "/metrics").getStatus());
        assertEquals(204, get("/api/v1/contexts/" + unknown + "/metrics").getStatus());
        assertEquals(0, countOf("/api/v1/sessions/" + unknown + "/metrics/count"));
        assertEquals(0, countOf("/api/v1/contexts/" + unknown + "/metrics/count"));
        assertEquals(404, get("/api/v1/sessions/" + unknown + "/metrics?page=2").getStatus());
        assertEquals(404, get("/api/v1/metrics?page=99999999999999999999").getStatus());
        assertEquals(404, get("/api/v1/metrics?page=-99999999999999999999").getStatus());
    }

    @Test
    void flagFilterMatchesAnyOrAll() {
        String a = "flag_a_" + Body.hash();
        String b = "flag_b_" + Body.hash();
        String s1 = session(Map.of(a, "1", b, "x"));
        String s2 = session(Map.of(a, 2));
        String s3 = session(Map.of(b, "y"));
        session(Map.of("other", "1"));

        assertEquals(List.of(s1, s2), flagged("with_flags=" + a));
        assertEquals(List.of(s1, s2), flagged("with_tags=" + a));
        assertEquals(List.of(s1), flagged("with_flags=" + a + "&restrict_flags=1"));
        assertEquals(List.of(s2), flagged("with_flags=" + a + "&restrict_flags=2"));
        assertEquals(List.of(s1, s2, s3), flagged("with_flags=" + a + "," + b));
        assertEquals(List.of(s1, s2, s3), flagged("with_flags=" + a + "," + b + "&method=match_any"));
        assertEquals(List.of(s1), flagged("with_flags=" + a + "," + b + "&method=match_all"));
        assertEquals(List.of(s1, s2, s3), flagged("with_flags=" + a + "," + b + "&restrict_flags=2,"));
        assertEquals(List.of(s1), flagged("with_flags=" + a + "&with_flags=" + b + "&restrict_flags=1,x"
                + "&method=match_all"));
        assertEquals(204, get("/api/v1/sessions?with_flags=" + a + "," + b + "&restrict_flags=2,&method=match_all")
                .getStatus());
        // The same filter on a hash prefix.
        assertEquals(List.of(s2), hashes(page(get("/api/v1/sessions/" + s2.substring(0, 20) + "?with_flags=" + a),
                200, SessionJson.class)));
    }

    @Test
    void badFlagFiltersAre400() {
        ErrorBody mismatch = error(get("/api/v1/sessions?with_flags=a,b&restrict_flags=1"), 400);
        assertTrue(mismatch.errors().containsKey("restrict_flags"), mismatch::toString);
        ErrorBody method = error(get("/api/v1/sessions?with_flags=a&method=any"), 400);
        assertTrue(method.errors().containsKey("method"), method::toString);
        error(get("/api/v1/sessions?restrict_flags=1"), 400);
    }

    private String session(Map<String, Object> tags) {
        String h = Body.hash();
        json(post("/api/v1/sessions/", Body.session(h).with("description", new LinkedHashMap<>(tags)).json()), 201);
        return h;
    }

    /** Every session hash the filtered list gives, walking all pages by next_url. */
    private List<String> flagged(String query) {
        var found = new ArrayList<String>();
        String path = "/api/v1/sessions?" + query;
        while (path != null) {
            PageJson<SessionJson> page = page(get(path), 200, SessionJson.class);
            found.addAll(hashes(page));
            path = page.nextUrl();
        }
        return found;
    }

    private static List<String> hashes(PageJson<SessionJson> page) {
        return page.sessions().stream().map(SessionJson::sessionH).toList();
    }

    private static List<String> items(PageJson<MetricJson> page) {
        return page.metrics().stream().map(MetricJson::item).toList();
    }

    /** Tags by key: the server stores a description's tags in an order of its own. */
    private static List<TagJson> sorted(List<TagJson> tags) {
        var byKey = new ArrayList<>(tags);
        byKey.sort(Comparator.comparing(TagJson::key));
        return byKey;
    }
}
