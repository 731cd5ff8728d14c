package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A database outage while a client reads and writes (the failsafe execution {@code database-outage}, whose server
 * uses a PostgreSQL cluster of the test's own, {@link OwnPostgres}): the cluster is stopped the way a restart
 * stops it (fast: every connection closed), kept down for two seconds and started again. Meanwhile every answer
 * is quick, and is either a success or a 503 with {@code Retry-After} and a JSON body; health says DOWN, and so does
 * WildFly's readiness ({@code /health/ready}, its {@code database} check); after the restart everything recovers by
 * itself within 10 s, and every acknowledged metric is stored.
 */
class DatabaseOutageIT extends ApiTestSupport {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: when it came (ms since the start), what for, its status, how long it took. */
    private record Answer(long at, String kind, int status, long millis, String retryAfter, String body) {
    }

    @Test
    void requestsFailFastWith503AndRecoverAfterARestart() throws Exception {
        var cluster = new OwnPostgres(Path.of(System.getProperty("it.outage.dir")),
                Integer.parseInt(System.getProperty("it.outage.port")));
        String context = Body.hash();
        String session = Body.hash();
        json(post("/api/v1/contexts/", Body.context(context).json()), 201);
        json(post("/api/v1/sessions/", Body.session(session).json()), 201);

        List<Answer> answers = new ArrayList<>();
        long start = System.nanoTime();
        loop(answers, start, session, context, 2_000);
        long down = elapsed(start);
        cluster.stop("fast");
        loop(answers, start, session, context, down + 2_000);
        cluster.start();
        long up = elapsed(start);
        loop(answers, start, session, context, up + 12_000);

        int acknowledged = 0;
        long lastFailure = -1;
        boolean healthDown = false;
        boolean readinessDown = false;
        Map<String, Integer> statuses = new TreeMap<>();
        for (Answer answer : answers) {
            statuses.merge(answer.kind() + " " + answer.status(), 1, Integer::sum);
            assertTrue(answer.status() / 100 == 2 || answer.status() == 503, answer::toString);
            assertTrue(answer.millis() <= LIMIT.toMillis(), () -> "slower than " + LIMIT + ": " + answer);
            if (answer.status() == 503) {
                lastFailure = answer.at();
                assertTrue(answer.body().startsWith("{"), answer::toString);
                if (answer.kind().equals("health")) {
                    healthDown = true;
                    assertTrue(answer.body().contains("\"database\":\"DOWN\""), answer::toString);
                } else if (answer.kind().equals("ready")) {
                    readinessDown = true;
                    assertTrue(answer.body().contains("{\"name\":\"database\",\"status\":\"DOWN\"}"),
                            answer::toString);
                } else {
                    assertEquals("1", answer.retryAfter(), answer::toString);
                }
            }
            if (answer.kind().equals("metric") && answer.status() == 201) {
                acknowledged++;
            }
        }
        assertTrue(answers.stream().filter(a -> a.at() < down).allMatch(a -> a.status() / 100 == 2),
                "all well before the stop");
        assertTrue(healthDown, "health reported the database DOWN while it was");
        assertTrue(readinessDown, "readiness was DOWN while the database was");
        assertTrue(answers.get(answers.size() - 1).kind().equals("ready")
                && answers.get(answers.size() - 1).body().contains("{\"name\":\"database\",\"status\":\"UP\"}"),
                "readiness is UP again, with the database check");
        long recovered = lastFailure - up;
        assertTrue(recovered <= 10_000, "recovered " + recovered + " ms after the restart");
        long stored = json(get("/api/v1/sessions/" + session + "/metrics/count"), 200).getJsonNumber("count")
                .longValue();
        assertEquals(acknowledged, stored, "every acknowledged metric is stored, nothing else");
        System.out.printf("DatabaseOutageIT: %d requests (%s); database down %d ms; last failure %d ms after the "
                + "restart; %d metrics acknowledged, %d stored%n", answers.size(), statuses, up - down, recovered,
                acknowledged, stored);
    }

    /**
     * Reads, writes a context, writes a metric, asks for health and for WildFly's readiness (management interface),
     * again and again, until {@code until} ms.
     */
    private void loop(List<Answer> answers, long start, String session, String context, long until)
            throws Exception {
        while (elapsed(start) < until) {
            answers.add(send("read", HttpRequest.newBuilder(uri("/api/v1/metrics/count")).GET(), start));
            answers.add(send("context", postRequest("/api/v1/contexts/", Body.context(Body.hash()).json()), start));
            answers.add(send("metric", postRequest("/api/v1/metrics/", Body.metric(session, context).json()), start));
            answers.add(send("health", HttpRequest.newBuilder(uri("/api/v1/health")).GET(), start));
            answers.add(send("ready", HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + System.getProperty("it.management.port") + "/health/ready")).GET(), start));
            Thread.sleep(50);
        }
    }

    private HttpRequest.Builder postRequest(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", JSON).POST(BodyPublishers.ofString(json));
    }

    private Answer send(String kind, HttpRequest.Builder request, long start) throws Exception {
        long sent = System.nanoTime();
        var response = http.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
        return new Answer(elapsed(start), kind, response.statusCode(), (System.nanoTime() - sent) / 1_000_000,
                response.headers().firstValue("Retry-After").orElse(null), response.body());
    }

    private URI uri(String path) {
        return URI.create(root() + path);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
