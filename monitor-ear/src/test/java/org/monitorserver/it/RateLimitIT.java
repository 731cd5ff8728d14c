package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * The optional per-tenant rate limit, turned on and off through {@code jboss-cli} by writing its system property
 * while the server runs (then back to its expression, the unset environment variable): it takes effect at once, answers 429 with {@code Retry-After} and a JSON body beyond the rate, never
 * limits the health route, and lets everything through once removed.
 */
class RateLimitIT extends ApiTestSupport {

    private static final String PROPERTY = "/system-property=monitor.server.rate-limit";

    @Test
    void aRateLimitSetThroughJbossCliTakesEffectAtOnceAndAnswers429() throws Exception {
        int passed = 0;
        int limited = 0;
        JbossCli.run(PROPERTY + ":write-attribute(name=value, value=2)");
        try {
            for (int i = 0; i < 12; i++) {
                Response answer = get("/api/v1/metrics/count");
                if (answer.getStatus() == 429) {
                    limited++;
                    int retryAfter = Integer.parseInt(answer.getHeaderString("Retry-After"));
                    assertTrue(retryAfter >= 1 && retryAfter <= 1, "Retry-After: " + retryAfter);
                    JsonObject body = json(answer, 429);
                    assertTrue(body.getString("message").contains("2.0 requests per second"), body::toString);
                } else {
                    json(answer, 200);
                    passed++;
                }
            }
            for (int i = 0; i < 10; i++) {
                assertEquals(200, get("/api/v1/health").getStatus(), "the health route is never limited");
            }
        } finally {
            JbossCli.run(PROPERTY + ":write-attribute(name=value, value=\"${env.MONITOR_SERVER_RATE_LIMIT:}\")");
        }
        System.out.printf("RateLimitIT: at 2 requests/s, %d of 12 quick requests passed and %d got 429%n", passed,
                limited);
        assertTrue(passed >= 2 && limited >= 6, passed + " passed, " + limited + " limited");
        for (int i = 0; i < 20; i++) {
            assertEquals(200, get("/api/v1/metrics/count").getStatus(), "back to the variable (unset): no limit at once");
        }
    }
}
