package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

        JsonObject last = json(get("/api/v1/metrics/?page=-1"), 200);

        assertEquals((count + 2) / 3, last.getInt("total_page"));
        JsonArray rows = last.getJsonArray("metrics");
        assertEquals("test_3", rows.getJsonObject(rows.size() - 1).getString("item"));
        assertEquals(session, rows.getJsonObject(rows.size() - 1).getString("session_h"));
        assertTrue(last.isNull("next_url"));
        JsonObject first = json(get("/api/v1/metrics"), 200);
        assertEquals(3, first.getJsonArray("metrics").size());
        assertEquals("/api/v1/metrics?page=2", first.getString("next_url"));
    }

    @Test
    void sessionAndContextListsEndWithTheNewest() {
        String h = Body.hash();
        json(post("/api/v1/sessions/", Body.session(h).json()), 201);
        json(post("/api/v1/contexts/", Body.context(h).json()), 201);

        JsonArray sessions = json(get("/api/v1/sessions?page=-1"), 200).getJsonArray("sessions");
        assertEquals(h, sessions.getJsonObject(sessions.size() - 1).getString("session_h"));
        assertEquals(3, sessions.getJsonObject(sessions.size() - 1).getJsonArray("tags").size());
        JsonArray contexts = json(get("/api/v1/contexts/?page=-1"), 200).getJsonArray("contexts");
        assertEquals(h, contexts.getJsonObject(contexts.size() - 1).getString("h"));
        assertEquals((count("sessions") + 2) / 3, json(get("/api/v1/sessions"), 200).getInt("total_page"));
    }

    @Test
    void sessionMetricsInArrivalOrderUnderBothSpellings() {
        String session = Body.hash();
        String context = Body.hash();
        for (int i = 0; i < 4; i++) {
            json(post("/api/v1/metrics/", Body.metric(session, context).with("item", "test_" + i).json()), 201);
        }
        json(post("/api/v1/metrics/", Body.metric(Body.hash(), context).json()), 201);

        JsonObject first = json(get("/api/v1/sessions/" + session + "/metrics"), 200);
        assertEquals(List.of("test_0", "test_1", "test_2"), items(first));
        assertEquals(2, first.getInt("total_page"));
        JsonObject second = json(get("/api/v1" + first.getString("next_url")), 200);
        assertEquals(List.of("test_3"), items(second));
        JsonObject singular = json(get("/api/v1/session/" + session + "/metrics/"), 200);
        assertEquals(first.getJsonArray("metrics"), singular.getJsonArray("metrics"));
        assertEquals("/api/v1/session/" + session + "/metrics?page=2", singular.getString("next_url"));
        assertEquals(4, json(get("/api/v1/sessions/" + session + "/metrics/count/"), 200).getInt("count"));

        assertEquals(5, json(get("/api/v1/contexts/" + context + "/metrics/count"), 200).getInt("count"));
        assertEquals(2, json(get("/api/v1/contexts/" + context + "/metrics?page=-1"), 200)
                .getJsonArray("metrics").size());
    }

    @Test
    void unknownSessionsAndContextsHaveNoMetrics() {
        String unknown = Body.hash();
        assertEquals(204, get("/api/v1/sessions/" + unknown + "/metrics").getStatus());
        assertEquals(204, get("/api/v1/session/" + unknown + "/metrics").getStatus());
        assertEquals(204, get("/api/v1/contexts/" + unknown + "/metrics").getStatus());
        assertEquals(0, json(get("/api/v1/sessions/" + unknown + "/metrics/count"), 200).getInt("count"));
        assertEquals(0, json(get("/api/v1/contexts/" + unknown + "/metrics/count"), 200).getInt("count"));
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
        assertEquals(List.of(s2), hashes(json(get("/api/v1/sessions/" + s2.substring(0, 20) + "?with_flags=" + a),
                200)));
    }

    @Test
    void badFlagFiltersAre400() {
        JsonObject mismatch = json(get("/api/v1/sessions?with_flags=a,b&restrict_flags=1"), 400);
        assertTrue(mismatch.getJsonObject("errors").containsKey("restrict_flags"), mismatch::toString);
        JsonObject method = json(get("/api/v1/sessions?with_flags=a&method=any"), 400);
        assertTrue(method.getJsonObject("errors").containsKey("method"), method::toString);
        json(get("/api/v1/sessions?restrict_flags=1"), 400);
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
            JsonObject page = json(get(path), 200);
            found.addAll(hashes(page));
            path = page.isNull("next_url") ? null : page.getString("next_url");
        }
        return found;
    }

    private static List<String> hashes(JsonObject page) {
        return page.getJsonArray("sessions").stream().map(v -> v.asJsonObject().getString("session_h")).toList();
    }

    private static List<String> items(JsonObject page) {
        return page.getJsonArray("metrics").stream().map(v -> v.asJsonObject().getString("item")).toList();
    }
}
