package org.monitorserver.bench;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;
import org.monitorserver.api.BulkReportJson;
import org.monitorserver.api.CountJson;
import org.monitorserver.api.HealthJson;

/**
 * The server's API for everything but the measured load: health, counts, the bulk uploads and imports, on the
 * JDK's {@link HttpClient} (HTTP/1.1), their answers read as the API's records with JSON-B. The measured requests
 * go through {@link HttpConnection} instead.
 */
final class Api {

    /** A status, a body as text, and the {@code Location} header when there is one. */
    record Answer(int status, String body, Optional<String> location) {
    }

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final String base;
    private final HttpClient client;
    /** The {@code Authorization} header's value sent with every request, or null for none. */
    private final String authorization;

    Api(String host, int port) {
        this("http://" + host + ":" + port, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build(), null);
    }

    private Api(String base, HttpClient client, String authorization) {
        this.base = base;
        this.client = client;
        this.authorization = authorization;
    }

    /** The same server, with {@code Authorization: Bearer <key>} on every request. */
    Api withKey(String key) {
        return new Api(base, client, AuthComparison.bearer(key));
    }

    /** The URI of {@code path} (already encoded, from the server root). */
    URI uri(String path) {
        return URI.create(base + path);
    }

    /** {@code GET <path>}, whatever the status. */
    Answer get(String path, Duration timeout) throws IOException, InterruptedException {
        return send(request(path, timeout).GET().build());
    }

    /** {@code POST <path>} of {@code body} as {@code contentType}, whatever the status. */
    Answer post(String path, String contentType, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        return send(request(path, timeout).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(timeout);
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    /** {@code GET <path>}'s {@code {"count":n}}; anything else is a failure. */
    long count(String path) throws IOException, InterruptedException {
        Answer answer = get(path, Duration.ofMinutes(5));
        if (answer.status() != 200) {
            throw new BenchmarkException("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return read(answer, path, CountJson.class).count();
    }

    /** Whether {@code GET /api/v1/health} answers 200 with the status {@code UP} now. */
    boolean healthy() throws InterruptedException {
        try {
            Answer answer = get("/api/v1/health", Duration.ofSeconds(5));
            return answer.status() == 200 && "UP".equals(read(answer, "/api/v1/health", HealthJson.class).status());
        } catch (IOException | BenchmarkException e) {
            return false;
        }
    }

    /** Posts NDJSON rows to a bulk route and insists on 200 with every one of {@code rows} accepted. */
    void bulk(String path, byte[] ndjson, int rows) throws IOException, InterruptedException {
        Answer answer = post(path, "application/x-ndjson", ndjson, Duration.ofMinutes(10));
        if (answer.status() != 200) {
            throw new BenchmarkException("POST " + path + " answered " + answer.status() + ": "
                    + shorten(answer.body()));
        }
        BulkReportJson report = read(answer, path, BulkReportJson.class);
        if (report.rejected() != 0 || report.accepted() != rows) {
            throw new BenchmarkException("POST " + path + " of " + rows + " rows: accepted " + report.accepted()
                    + ", rejected " + report.rejected() + ": " + shorten(answer.body()));
        }
    }

    /** The body of {@code answer} as {@code type}; a body that is not that JSON is a failure naming {@code path}. */
    static <T> T read(Answer answer, String path, Class<T> type) {
        try {
            return JSONB.fromJson(answer.body(), type);
        } catch (JsonbException e) {
            throw new BenchmarkException(path + " answered " + answer.status() + " with a body that is not a "
                    + type.getSimpleName() + ": " + shorten(answer.body()));
        }
    }

    static String shorten(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        var response = client.send(request, BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location"));
    }
}
