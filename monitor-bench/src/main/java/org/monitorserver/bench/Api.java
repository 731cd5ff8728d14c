package org.monitorserver.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * The server's API for everything but the measured load: health, counts and the bulk uploads, on the JDK's
 * {@link HttpClient} (HTTP/1.1). The measured requests go through {@link HttpConnection} instead.
 */
final class Api {

    /** A status and a body, as text. */
    record Answer(int status, String body) {
    }

    private final String base;
    private final HttpClient client;

    Api(String host, int port) {
        this.base = "http://" + host + ":" + port;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpClient client() {
        return client;
    }

    /** The URI of {@code path} (already encoded, from the server root). */
    URI uri(String path) {
        return URI.create(base + path);
    }

    Answer get(String path, Duration timeout) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).timeout(timeout).GET().build();
        var response = client.send(request, BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** {@code GET <path>}'s {@code {"count":n}}; anything else is a failure. */
    long count(String path) throws IOException, InterruptedException {
        Answer answer = get(path, Duration.ofMinutes(5));
        if (answer.status() != 200) {
            throw new BenchmarkException("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return Json.longField(answer.body(), "count").orElseThrow(
                () -> new BenchmarkException("GET " + path + " answered without a count: " + answer.body()));
    }

    /** Whether {@code GET /api/v1/health} answers 200 now. */
    boolean healthy() throws InterruptedException {
        try {
            return get("/api/v1/health", Duration.ofSeconds(5)).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
