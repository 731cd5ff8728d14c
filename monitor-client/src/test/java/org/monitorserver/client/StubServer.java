package org.monitorserver.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A JDK HTTP server that answers canned exchanges by request path and query ({@code /api/v1/metrics?page=2}),
 * each path with a queue of answers (the last one repeats), and records every request it saw. Answers may
 * misbehave on purpose: close the connection without answering, or hang until the test ends.
 */
final class StubServer implements AutoCloseable {

    /** One canned answer. */
    record Answer(int status, String body, Map<String, String> headers, Behaviour behaviour) {

        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of(), Behaviour.ANSWER);
        }

        static Answer empty(int status) {
            return new Answer(status, null, Map.of(), Behaviour.ANSWER);
        }

        static Answer withHeader(int status, String name, String value) {
            return new Answer(status, "{\"message\":\"busy\"}", Map.of(name, value), Behaviour.ANSWER);
        }

        static Answer drop() {
            return new Answer(0, null, Map.of(), Behaviour.DROP);
        }

        static Answer hang() {
            return new Answer(0, null, Map.of(), Behaviour.HANG);
        }
    }

    /** What the stub does with a request. */
    enum Behaviour { ANSWER, DROP, HANG }

    /** One request as received. */
    record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, CopyOnWriteArrayList<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Queues {@code sequence} for the request target {@code target} (path and query, as sent). */
    StubServer on(String target, Answer... sequence) {
        answers.computeIfAbsent(target, t -> new CopyOnWriteArrayList<>()).addAll(List.of(sequence));
        return this;
    }

    /** The server root, {@code http://127.0.0.1:PORT}. */
    URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The API base, {@code http://127.0.0.1:PORT/api/v1}. */
    URI api() {
        return URI.create(root() + "/api/v1");
    }

    /** Every request received, in order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many requests asked for {@code target}. */
    long count(String target) {
        return requests.stream().filter(r -> r.target().equals(target)).count();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Request(exchange.getRequestMethod(), target, Map.copyOf(exchange.getRequestHeaders()), body));
        List<Answer> queue = answers.get(target);
        Answer answer;
        if (queue == null || queue.isEmpty()) {
            answer = Answer.json(404, "{\"message\":\"no such resource: " + target + "\"}");
        } else {
            synchronized (queue) {
                answer = queue.size() > 1 ? queue.remove(0) : queue.get(0);
            }
        }
        switch (answer.behaviour()) {
            case DROP -> exchange.close();
            case HANG -> {
                try {
                    // The deliberate hang: bounded, and released as soon as the test closes the stub.
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            default -> {
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                if (answer.body() == null) {
                    exchange.sendResponseHeaders(answer.status(), -1);
                } else {
                    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(answer.status(), bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
                exchange.close();
            }
        }
    }
}
