package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Broken bodies against the live server (issue 13, point 6): valid contexts, sessions and metrics broken at random
 * places (fixed seed), and random bytes, posted to their routes. Every answer is a 201 (the break left a valid body)
 * or a 4xx with a JSON body, never a 5xx; and the counts move by exactly the 201s, so a refused request stores
 * nothing. The readers themselves are fuzzed much harder, without a server, by {@code ReaderFuzzTest}.
 */
class HostileInputIT extends ApiTestSupport {

    private static final int BODIES = 150;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void brokenBodiesGet4xxWithJsonAndStoreNothing() throws Exception {
        var random = new Random(20261205);
        String session = Body.hash();
        String context = Body.hash();
        json(post("/api/v1/contexts/", Body.context(context).json()), 201);
        json(post("/api/v1/sessions/", Body.session(session).json()), 201);
        Counts before = counts();
        Map<String, Integer> answers = new TreeMap<>();
        int[] stored = new int[3]; // contexts, sessions, metrics
        for (int i = 0; i < BODIES; i++) {
            String[] valid = {Body.context(Body.hash()).json(), Body.session(Body.hash()).json(),
                    Body.metric(session, context).json()};
            String[] paths = {"/api/v1/contexts/", "/api/v1/sessions/", "/api/v1/metrics/"};
            for (int family = 0; family < 3; family++) {
                byte[] body = break_(valid[family], random);
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(root() + paths[family]))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", JSON)
                        .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
                int status = answer.statusCode();
                answers.merge(paths[family] + " " + status, 1, Integer::sum);
                assertTrue(status == 201 || status / 100 == 4, () -> status + " for "
                        + new String(body, StandardCharsets.UTF_8) + ": " + answer.body());
                if (status == 201) {
                    stored[family]++;
                } else {
                    assertTrue(answer.body().startsWith("{\"message\":"), () -> "not a JSON error: " + answer.body());
                }
            }
        }
        Counts after = counts();
        assertEquals(new Counts(before.contexts() + stored[0], before.sessions() + stored[1],
                before.metrics() + stored[2]), after, "the counts moved by the 201s alone");
        System.out.printf("HostileInputIT: %d broken bodies, answers %s%n", 3 * BODIES, answers);
    }

    /** {@code body} broken at a random place in a random way, or random bytes. */
    private static byte[] break_(String body, Random random) {
        int at = random.nextInt(body.length() + 1);
        String head = body.substring(0, at);
        String tail = body.substring(at);
        return switch (random.nextInt(8)) {
            case 0 -> (head + (char) (32 + random.nextInt(95)) + (tail.isEmpty() ? "" : tail.substring(1)))
                    .getBytes(StandardCharsets.UTF_8);
            case 1 -> head.getBytes(StandardCharsets.UTF_8);
            case 2 -> (head + '\0' + tail).getBytes(StandardCharsets.UTF_8);
            case 3 -> concat(head.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                    tail.getBytes(StandardCharsets.UTF_8));
            case 4 -> (head + "[".repeat(3_000) + tail).getBytes(StandardCharsets.UTF_8);
            case 5 -> (head + "9".repeat(400) + "e99999" + tail).getBytes(StandardCharsets.UTF_8);
            case 6 -> (head + "\"x\":" + tail).getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] all = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return all;
    }
}
