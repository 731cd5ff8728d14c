package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    /**
     * A tiny HTTP/1.1 server: answers every request with {@code status} and an empty JSON body, keeps the
     * connection open until the client closes it, and counts connections and requests.
     */
    private static final class TinyServer implements AutoCloseable {

        final ServerSocket socket;
        final AtomicLong connections = new AtomicLong();
        final AtomicLong requests = new AtomicLong();
        private final int status;

        TinyServer(int status) throws IOException {
            this.status = status;
            this.socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
            var acceptor = new Thread(this::accept, "tiny-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    connections.incrementAndGet();
                    var handler = new Thread(() -> serve(client), "tiny-serve");
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                while (readRequest(in)) {
                    requests.incrementAndGet();
                    client.getOutputStream().write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json"
                            + "\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // The client went away.
            }
        }

        /** Reads one request's head and its Content-Length body; false at the end of the stream. */
        private static boolean readRequest(InputStream in) throws IOException {
            var head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                head.append((char) b);
            }
            int at = head.indexOf("Content-Length: ");
            if (at >= 0) {
                int length = Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)));
                in.readNBytes(length);
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private TinyServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static Scenario posts(LoadGenerator.Connections mode, int clients) {
        return new Scenario("posts", clients, List.of(Request.postJson("h", "/api/v1/metrics/", "{}")),
                LoadGenerator.Expected.CREATED, mode);
    }

    /** Starts a tiny server answering {@code status} and sends it POSTs from {@code clients} for {@code millis}. */
    private LoadGenerator.Outcome postTo(int status, LoadGenerator.Connections mode, int clients, long millis)
            throws Exception {
        server = new TinyServer(status);
        return new LoadGenerator("127.0.0.1", server.port()).run(posts(mode, clients), Duration.ofMillis(millis));
    }

    @Test
    void oneConnectionPerRequestOpensAConnectionForEveryRequestAndCountsEachAnswer() throws Exception {
        var outcome = postTo(201, LoadGenerator.Connections.ONE_PER_REQUEST, 4, 300);
        assertTrue(outcome.created() > 0);
        assertEquals(outcome.created(), outcome.requests());
        assertEquals(0, outcome.errors());
        // Every request in flight at the deadline was finished and counted.
        assertEquals(server.requests.get(), outcome.created());
        assertEquals(server.connections.get(), outcome.created());
    }

    @Test
    void keepAliveReusesOneConnectionPerClient() throws Exception {
        var outcome = postTo(201, LoadGenerator.Connections.KEEP_ALIVE, 3, 200);
        assertEquals(server.requests.get(), outcome.created());
        assertEquals(3, server.connections.get());
    }

    @Test
    void answersTheScenarioDoesNotExpectAreErrors() throws Exception {
        var outcome = postTo(200, LoadGenerator.Connections.KEEP_ALIVE, 1, 100);
        assertTrue(outcome.requests() > 0);
        assertEquals(outcome.requests(), outcome.errors());
        assertEquals(0, outcome.ok());
        assertEquals(0, outcome.connectFailures() + outcome.exchangeFailures());
        assertTrue(outcome.firstError().contains("answered 200"), outcome.firstError());

        var notFound = new Scenario("ceiling", 1, List.of(Request.get("h", "/api/v1/none")),
                LoadGenerator.Expected.NOT_FOUND, LoadGenerator.Connections.KEEP_ALIVE);
        try (var missing = new TinyServer(404)) {
            var ceiling = new LoadGenerator("127.0.0.1", missing.port()).run(notFound, Duration.ofMillis(100));
            assertEquals(0, ceiling.errors());
            assertEquals(ceiling.requests(), ceiling.ok());
        }
    }

    @Test
    void refusedConnectsAreCountedApartFromAnswers() throws Exception {
        int port;
        try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        var outcome = new LoadGenerator("127.0.0.1", port)
                .run(posts(LoadGenerator.Connections.ONE_PER_REQUEST, 2), Duration.ofMillis(100));
        assertTrue(outcome.connectFailures() > 0);
        assertEquals(outcome.connectFailures(), outcome.requests());
        assertEquals(outcome.requests(), outcome.errors());
        assertEquals(0, outcome.exchangeFailures());
        assertEquals(0, outcome.requestsPerSecond());
    }
}
