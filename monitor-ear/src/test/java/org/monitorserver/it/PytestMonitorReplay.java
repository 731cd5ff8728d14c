package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * One pytest run as pytest-monitor sends it (clients.md), through the JDK's client to a server of a test's own: the
 * context is looked up, unknown, so posted; then the session and one metric per test, each answered 201.
 */
final class PytestMonitorReplay {

    private PytestMonitorReplay() {
    }

    /** Replays a run of {@code metrics} tests against {@code base} ({@code .../api/v1}); returns the session's hash. */
    static String replay(HttpClient http, String base, int metrics) throws Exception {
        String contextH = Body.hash();
        String sessionH = Body.hash();
        assertEquals(204, http.send(HttpRequest.newBuilder(URI.create(base + "/contexts/" + contextH)).build(),
                BodyHandlers.ofString()).statusCode());
        assertPosted(http, base + "/contexts/", Body.context(contextH).json());
        assertPosted(http, base + "/sessions/", Body.session(sessionH).json());
        for (int i = 0; i < metrics; i++) {
            assertPosted(http, base + "/metrics/", Body.metric(sessionH, contextH).with("item", "test_" + i)
                    .with("item_variant", "test_" + i).json());
        }
        assertEquals(metrics, countMetrics(http, base, sessionH));
        return sessionH;
    }

    /** The session's metric count as the server answers it. */
    static int countMetrics(HttpClient http, String base, String sessionH) throws Exception {
        HttpResponse<String> count = http.send(HttpRequest.newBuilder(URI.create(base + "/sessions/" + sessionH
                + "/metrics/count")).build(), BodyHandlers.ofString());
        assertEquals(200, count.statusCode(), count::body);
        return RunsIT.parse(count.body()).getJsonNumber("count").intValue();
    }

    private static void assertPosted(HttpClient http, String url, String json) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", ApiTestSupport.JSON).POST(BodyPublishers.ofString(json)).build(),
                BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), () -> url + ": " + answer.body());
    }
}
