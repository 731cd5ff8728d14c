package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * pytest-monitor's exact request sequence (clients.md), replayed twice from the same machine: the first run
 * creates the context, the second finds and reuses it and adds only a session and its metrics.
 */
class PytestMonitorSequenceIT extends ApiTestSupport {

    private static final int METRICS_PER_RUN = 5;

    @Test
    void secondRunReusesTheContextAndAddsASession() {
        String contextH = Body.hash();
        Counts before = counts();

        assertEquals(new RunResult(true), replay("/api/v1", contextH));
        assertEquals(before.plus(1, 1, METRICS_PER_RUN), counts());

        assertEquals(new RunResult(false), replay("/api/v1", contextH));
        assertEquals(before.plus(1, 2, 2 * METRICS_PER_RUN), counts());
    }

    @Test
    void baseUrlWithTrailingSlashStillWorks() {
        // --remote-server http://HOST:8181/api/v1/ makes pytest-monitor request //contexts/, //sessions/ ...
        String contextH = Body.hash();
        Counts before = counts();

        assertEquals(new RunResult(true), replay("/api/v1/", contextH));
        assertEquals(before.plus(1, 1, METRICS_PER_RUN), counts());
    }

    record RunResult(boolean postedContext) {
    }

    /** One pytest run: look the context up, post it if unknown, post the session, then one metric per test. */
    private RunResult replay(String base, String contextH) {
        String sessionH = Body.hash();
        Response lookup = get(base + "/contexts/" + contextH);
        boolean known = lookup.getStatus() == 200;
        String usedContext;
        if (known) {
            JsonObject found = json(lookup, 200);
            usedContext = found.getJsonArray("contexts").getJsonObject(0).getString("h");
        } else {
            assertEquals(204, lookup.getStatus());
            lookup.close();
            json(post(base + "/contexts/", Body.context(contextH).json()), 201);
            usedContext = contextH;
        }
        assertEquals(contextH, usedContext);
        json(post(base + "/sessions/", Body.session(sessionH).json()), 201);
        for (int i = 0; i < METRICS_PER_RUN; i++) {
            JsonObject stored = json(post(base + "/metrics/", Body.metric(sessionH, usedContext)
                    .with("item", "test_" + i).with("item_variant", "test_" + i).json()), 201);
            assertEquals(sessionH, stored.getString("session_h"));
            assertEquals(usedContext, stored.getString("context_h"));
        }
        return new RunResult(!known);
    }
}
