package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * pytest-xdist on one machine (issue 13, point 3): 16 workers share one execution context, each posts the context,
 * its own session and hundreds of metrics, one POST at a time, while 4 more race to post one shared session and the
 * same context with their metrics. Every answer is 201; the context and each session are stored once; every metric
 * is stored once.
 */
class ConcurrentWritersIT extends ApiTestSupport {

    private static final int WORKERS = 16;
    private static final int RACERS = 4;
    private static final int METRICS = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void sharedContextAndRacingSessionsAreStoredOnceAndEveryMetricOnce() throws Exception {
        String context = Body.hash();
        String shared = Body.hash();
        Counts before = counts();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + RACERS);
        List<Future<String>> sessions = new ArrayList<>();
        try {
            for (int w = 0; w < WORKERS + RACERS; w++) {
                boolean racer = w >= WORKERS;
                sessions.add(pool.submit(() -> {
                    String session = racer ? shared : Body.hash();
                    start.await();
                    record(statuses, postStatus("/api/v1/contexts/", Body.context(context).json()));
                    record(statuses, postStatus("/api/v1/sessions/", Body.session(session).json()));
                    for (int m = 0; m < METRICS; m++) {
                        record(statuses, postStatus("/api/v1/metrics/", Body.metric(session, context).json()));
                    }
                    return session;
                }));
            }
            start.countDown();
            for (Future<String> session : sessions) {
                session.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int requests = (WORKERS + RACERS) * (METRICS + 2);
        assertEquals(Map.of(201, requests), Map.copyOf(statuses.entrySet().stream().collect(
                Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))), "every answer 201");
        Counts after = counts();
        assertEquals(before.contexts() + 1, after.contexts(), "the shared context once");
        assertEquals(before.sessions() + WORKERS + 1, after.sessions(), "each session once, the raced one too");
        assertEquals(before.metrics() + (long) (WORKERS + RACERS) * METRICS, after.metrics(), "every metric once");
        for (int w = 0; w < WORKERS; w++) {
            assertEquals(METRICS, countOf("/api/v1/sessions/" + sessions.get(w).get() + "/metrics/count"));
        }
        assertEquals(RACERS * METRICS, countOf("/api/v1/sessions/" + shared + "/metrics/count"));
        assertEquals((WORKERS + RACERS) * METRICS, countOf("/api/v1/contexts/" + context + "/metrics/count"));
        System.out.printf("ConcurrentWritersIT: %d clients, %d requests, all 201; 1 context, %d sessions, %d metrics"
                + " stored%n", WORKERS + RACERS, requests, WORKERS + 1, (WORKERS + RACERS) * METRICS);
    }

    private int postStatus(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(root() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", JSON).POST(BodyPublishers.ofString(json)).build(), BodyHandlers.discarding())
                .statusCode();
    }

    private static void record(Map<Integer, AtomicInteger> statuses, int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }
}
