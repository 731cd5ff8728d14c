package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A burst of single metrics from 64 pytest-monitor-shaped clients (issue 13, point 5): each opens a new connection
 * per request, as pytest-monitor's {@code requests.post} does, and stops at the first answer that is not 201, as
 * pytest-monitor does. Every answer must be 201 and every metric stored once; the test prints the rate.
 */
class PytestMonitorBurstIT extends ApiTestSupport {

    private static final int CLIENTS = 64;
    private static final int METRICS = 150;

    @Test
    void sixtyFourClientsWithANewConnectionPerRequestGetOnly201() throws Exception {
        String context = Body.hash();
        json(post("/api/v1/contexts/", Body.context(context).json()), 201);
        URI root = URI.create(root());
        long before = count("metrics");
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<String>> sessions = new ArrayList<>();
        long began;
        try {
            for (int c = 0; c < CLIENTS; c++) {
                sessions.add(pool.submit(() -> {
                    String session = Body.hash();
                    start.await();
                    int status = send(root, "/api/v1/sessions/", Body.session(session).json());
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    for (int m = 0; m < METRICS && status == 201; m++) {
                        status = send(root, "/api/v1/metrics/", Body.metric(session, context).json());
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                    return session;
                }));
            }
            began = System.nanoTime();
            start.countDown();
            for (Future<String> session : sessions) {
                session.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<Integer, Integer> answered = new TreeMap<>();
        statuses.forEach((status, n) -> answered.put(status, n.get()));
        int requests = CLIENTS * (METRICS + 1);
        assertEquals(Map.of(201, requests), answered, "pytest-monitor stops sending at anything but 201");
        assertEquals(before + (long) CLIENTS * METRICS, count("metrics"), "every metric stored once");
        System.out.printf("PytestMonitorBurstIT: %d clients, a new connection per request: %d requests in %.1f s "
                + "(%.0f/s), all 201, %d metrics stored%n", CLIENTS, requests, seconds, requests / seconds,
                CLIENTS * METRICS);
    }

    /** One POST on a connection of its own ({@code Connection: close}); the answer's status. */
    private static int send(URI root, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            var line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            in.readAllBytes();
            String status = line.toString(StandardCharsets.US_ASCII);
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
