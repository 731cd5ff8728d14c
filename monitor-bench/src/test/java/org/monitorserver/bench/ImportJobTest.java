package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import half of "import vs bulk" against a stub of the import routes (they are another issue's): the upload,
 * the polling until the job ends, and what a failed job, a wrong count or a server without the route give.
 */
class ImportJobTest {

    private static final int METRICS = 1_000;

    @TempDir
    Path folder;

    private HttpServer stub;
    private final AtomicReference<byte[]> uploaded = new AtomicReference<>();
    private final AtomicReference<String> uploadType = new AtomicReference<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicLong stored = new AtomicLong(50);

    @AfterEach
    void stopStub() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void uploadsTheFileAndPollsTheJobUntilItIsDone() throws Exception {
        ImportComparison comparison = serving("done", METRICS, 202);
        Path file = file();

        ImportComparison.Load load = comparison.importFile(file, METRICS).orElseThrow();

        assertArrayEquals(Files.readAllBytes(file), uploaded.get());
        assertEquals("application/vnd.sqlite3", uploadType.get());
        assertEquals(3, polls.get(), "queued, running, then done");
        assertEquals(METRICS, load.metrics());
        assertTrue(load.seconds() > 0);
    }

    @Test
    void aFailedJobStopsTheRunWithItsAnswer() throws Exception {
        ImportComparison comparison = serving("failed", 0, 202);

        var failure = assertThrows(BenchmarkException.class, () -> comparison.importFile(file(), METRICS));
        assertTrue(failure.getMessage().contains("not a pytest-monitor database"), failure::getMessage);
    }

    @Test
    void aJobThatStoresOtherRowsIsAFailure() throws Exception {
        ImportComparison comparison = serving("done", METRICS - 1, 202);

        var failure = assertThrows(BenchmarkException.class, () -> comparison.importFile(file(), METRICS));
        assertTrue(failure.getMessage().contains("grow by " + (METRICS - 1)), failure::getMessage);
    }

    @Test
    void aServerWithoutTheRouteGivesNoFigure() throws Exception {
        assertTrue(serving("done", 0, 404).importFile(file(), METRICS).isEmpty());
    }

    private Path file() throws IOException {
        Path file = folder.resolve("stub.pymon");
        PymonFile.write(file, List.of(), List.of(), List.of());
        return file;
    }

    /**
     * A stub that answers the upload with {@code uploadStatus} and a Location, the job as queued, running and then
     * {@code end}, and whose metric count grows by {@code grows} when the job ends.
     */
    private ImportComparison serving(String end, int grows, int uploadStatus) throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/api/v1/imports", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                uploaded.set(exchange.getRequestBody().readAllBytes());
                uploadType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1/api/v1/imports/17");
                answer(exchange, uploadStatus, "{\"id\": 17, \"state\": \"queued\"}");
                return;
            }
            String state = switch (polls.incrementAndGet()) {
                case 1 -> "queued";
                case 2 -> "running";
                default -> end;
            };
            if (!state.equals("queued") && !state.equals("running")) {
                stored.addAndGet(grows);
            }
            answer(exchange, exchange.getRequestURI().getPath().equals("/api/v1/imports/17") ? 200 : 404,
                    "{\"id\": 17, \"state\": \"" + state + "\", \"error\": "
                            + (state.equals("failed") ? "\"not a pytest-monitor database\"" : "null") + "}");
        });
        stub.createContext("/api/v1/metrics/count", exchange ->
                answer(exchange, 200, "{\"count\": " + stored.get() + "}"));
        stub.start();
        var api = new Api("127.0.0.1", stub.getAddress().getPort());
        return new ImportComparison(api, folder, () -> RssSampler.start(-1));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
