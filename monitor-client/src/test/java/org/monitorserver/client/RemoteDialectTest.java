package org.monitorserver.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.monitorserver.client.StubServer.Answer.drop;
import static org.monitorserver.client.StubServer.Answer.empty;
import static org.monitorserver.client.StubServer.Answer.hang;
import static org.monitorserver.client.StubServer.Answer.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monitorserver.api.PageJson;
import org.monitorserver.client.StubServer.Answer;
import org.monitorserver.client.model.Context;
import org.monitorserver.client.model.Metric;
import org.monitorserver.client.model.ResourceMethod;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Session;
import org.monitorserver.client.remote.ImportJobs;
import org.monitorserver.client.remote.RemoteOptions;
import org.monitorserver.client.remote.ServerConnection;

/**
 * The remote dialect against a stub server: pages walked to the end by {@code next_url} (resolved against the
 * server root), retries of GETs on 502/503/504 and dropped connections, Retry-After, read timeouts, typed
 * failures, and a POST that is sent once whatever happens.
 */
class RemoteDialectTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** Short timeouts and backoffs keep the misbehaving cases fast. */
    private static final RemoteOptions FAST = RemoteOptions.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400))
            .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(1500));

    @TempDir
    Path folder;

    private StubServer stub;
    private Monitor local;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer();
        local = Monitor.local(ExampleData.write(folder.resolve("example.pymon")));
    }

    @AfterEach
    void stop() {
        stub.close();
        local.close();
    }

    @Test
    void walksEveryPageAndAgreesWithTheLocalDialect() {
        pages("/api/v1/metrics", PageJson.Rows.METRICS, local.listMetrics().values(), Metric::toJson, 2);
        pages("/api/v1/sessions", PageJson.Rows.SESSIONS, local.listSessions().values(), Session::toJson, 2);
        pages("/api/v1/contexts", PageJson.Rows.CONTEXTS, local.listContexts().values(), Context::toJson, 1);
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertEquals(local.listMetrics(), remote.listMetrics());
            assertEquals(local.listSessions().values(), remote.listSessions().values());
            assertEquals(local.listContexts().values(), remote.listContexts().values());
        }
        assertEquals(1, stub.count("/api/v1/metrics?page=5"), "the fifth page was read, from the server root");
        assertEquals(0, stub.requests().stream().filter(r -> r.target().contains("/api/v1/api/v1")).count());
    }

    @Test
    void acceptsTheServerRootOrABaseEndingInASlash() {
        stub.on("/api/v1/metrics/count", json(200, "{\"count\":9}"));
        try (Monitor root = Monitor.remote(stub.root(), FAST);
                Monitor slash = Monitor.remote(URI.create(stub.api() + "/"), FAST)) {
            assertEquals(9, root.countMetrics());
            assertEquals(9, slash.countMetrics());
        }
    }

    @Test
    void readsARankingInOneBodyOrInPages() {
        List<Metric> top = local.listMetricsResources(ResourceType.MEMORY, ResourceMethod.TOP, 3).values();
        stub.on("/api/v1/resources/memory/head/3/metrics", json(200, page(PageJson.Rows.METRICS,
                top.stream().map(Metric::toJson).toList(), null)));
        pages("/api/v1/resources/memory/tail/3/metrics", PageJson.Rows.METRICS,
                local.listMetricsResources(ResourceType.MEMORY, ResourceMethod.LOWEST, 3).values(), Metric::toJson, 2);
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertEquals(top, remote.listMetricsResources(ResourceType.MEMORY, ResourceMethod.TOP, 3).values());
            assertEquals(local.listMetricsResources(ResourceType.MEMORY, ResourceMethod.LOWEST, 3),
                    remote.listMetricsResources(ResourceType.MEMORY, ResourceMethod.LOWEST, 3));
        }
    }

    @Test
    void encodesEachPathParameterAsOneSegment() {
        stub.on("/api/v1/components/api/variants/test_login%5Badmin%5D/metrics", empty(204));
        stub.on("/api/v1/items/like/a%2Fb%20c%25/metrics", empty(204));
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertTrue(remote.listMetricsOfVariant("test_login[admin]", "api").isEmpty());
            assertTrue(remote.listMetricsFromPattern("a/b c%", null).isEmpty());
        }
        assertEquals(2, stub.requests().size());
    }

    @Test
    void sendsTheFlagFilterAndTheKey() {
        stub.on("/api/v1/sessions?with_flags=pipeline_build_no,python&restrict_flags=412,&method=match_all",
                empty(204));
        try (Monitor remote = Monitor.remote(stub.api(), FAST.withApiKey("s3cret"))) {
            assertTrue(remote.listSessions(List.of("pipeline_build_no", "python"), List.of("412", ""),
                    org.monitorserver.client.model.MatchMethod.MATCH_ALL).isEmpty());
        }
        assertEquals(List.of("Bearer s3cret"), stub.requests().get(0).headers().get("Authorization"));
    }

    @Test
    void answersEmptyOnNoContentAndForAnUnknownHash() {
        stub.on("/api/v1/sessions/abc", empty(204));
        stub.on("/api/v1/contexts/abc", json(200, page(PageJson.Rows.CONTEXTS,
                List.of(local.getContext(ExampleData.C1).orElseThrow().toJson()), null)));
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertTrue(remote.getSession("abc").isEmpty());
            assertTrue(remote.getContext("abc").isEmpty(), "a prefix match is not the context asked for");
        }
    }

    @Test
    void retriesAGetAfter503() {
        stub.on("/api/v1/sessions/count", json(503, "{\"message\":\"starting\"}"), json(200, "{\"count\":3}"));
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertEquals(3, remote.countSessions());
        }
        assertEquals(2, stub.count("/api/v1/sessions/count"));
    }

    @Test
    void waitsAsRetryAfterAsksWithinItsCap() {
        stub.on("/api/v1/contexts/count", Answer.withHeader(502, "Retry-After", "1"), json(200, "{\"count\":2}"));
        long start = System.nanoTime();
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertEquals(2, remote.countContexts());
        }
        long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(waited >= 900, "waited " + waited + " ms");
        assertEquals(2, stub.count("/api/v1/contexts/count"));
    }

    @Test
    void retriesAGetWhoseConnectionWasClosedWithoutAnswer() {
        stub.on("/api/v1/components/count", drop(), drop(), json(200, "{\"count\":2}"));
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertEquals(2, remote.countComponents());
        }
        assertEquals(3, stub.count("/api/v1/components/count"));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        stub.on("/api/v1/metrics/count", json(504, "{\"message\":\"gateway timeout\"}"));
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            UnavailableException e = assertThrows(UnavailableException.class, remote::countMetrics);
            assertTrue(e.getMessage().contains("504"), e.getMessage());
        }
        assertEquals(3, stub.count("/api/v1/metrics/count"));
    }

    @Test
    void aHangingAnswerTimesOut() {
        stub.on("/api/v1/metrics/count", hang());
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(TimedOutException.class, remote::countMetrics));
        }
        assertEquals(1, stub.count("/api/v1/metrics/count"), "a timeout is not retried");
    }

    @Test
    void aRefusedServerIsUnavailable() throws Exception {
        URI closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api/v1");
        }
        try (Monitor remote = Monitor.remote(closed, FAST)) {
            assertThrows(UnavailableException.class, remote::countMetrics);
        }
    }

    @Test
    void notFoundAndBadRequestAreTyped() {
        stub.on("/api/v1/metrics", json(404, "{\"message\":\"page 6 does not exist\"}"));
        stub.on("/api/v1/resources/memory/head/0/metrics", json(400, "{\"message\":\"invalid request parameters\","
                + "\"errors\":{\"n\":\"must be a whole number of at least 1\"}}"));
        stub.on("/api/v1/contexts", json(500, "{\"message\":\"boom\"}"));
        try (var connection = new org.monitorserver.client.remote.RemoteDialect(stub.api(), FAST);
                Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertEquals("page 6 does not exist",
                    assertThrows(NotFoundException.class, remote::listMetrics).getMessage());
            BadRequestException bad = assertThrows(BadRequestException.class, () -> connection.ranking(
                    RankingScope.ALL, ResourceType.MEMORY, ResourceMethod.TOP, 0));
            assertEquals("invalid request parameters", bad.getMessage());
            assertEquals(Map.of("n", "must be a whole number of at least 1"), bad.errors());
            assertEquals(500, assertThrows(ServerErrorException.class, remote::listContexts).status());
        }
        assertEquals(1, stub.count("/api/v1/contexts"), "a 500 is not retried");
    }

    @Test
    void refusedCredentialsAreTypedAndNotRetried() {
        stub.on("/api/v1/metrics/count", json(401, "{\"message\":\"authentication required\"}"));
        stub.on("/api/v1/contexts", json(403, "{\"message\":\"this route needs an admin key\"}"));
        try (Monitor remote = Monitor.remote(stub.api(), FAST.withApiKey("msk_revoked"))) {
            AccessDeniedException missing = assertThrows(AccessDeniedException.class, remote::countMetrics);
            assertEquals(401, missing.status());
            assertEquals("authentication required", missing.getMessage());
            assertEquals(403, assertThrows(AccessDeniedException.class, remote::listContexts).status());
        }
        assertEquals(1, stub.count("/api/v1/metrics/count"), "a 401 is not retried");
    }

    @Test
    void aBrokenBodyIsAProtocolError() {
        stub.on("/api/v1/metrics/count", json(200, "{\"count\":"));
        stub.on("/api/v1/pipelines", json(200, "{\"pipelines\":[\"a\"],\"total_page\":2,\"prev_url\":null,"
                + "\"next_url\":\"/api/v1/pipelines\"}"));
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertThrows(ProtocolException.class, remote::countMetrics);
            assertThrows(ProtocolException.class, remote::listPipelines, "a link back to itself");
        }
    }

    @Test
    void aPostIsNeverRetried() throws Exception {
        Path file = Files.write(folder.resolve("upload.pymon"), new byte[] {1, 2, 3});
        stub.on("/api/v1/imports", drop(), json(503, "{\"message\":\"busy\"}"));
        try (ServerConnection server = new ServerConnection(stub.api(), FAST)) {
            assertThrows(UnavailableException.class, () -> new ImportJobs(server).upload(file));
        }
        try (ServerConnection server = new ServerConnection(stub.api(), FAST)) {
            assertEquals(503, assertThrows(ServerErrorException.class, () -> new ImportJobs(server).upload(file))
                    .status());
        }
        assertEquals(2, stub.requests().stream().filter(r -> r.method().equals("POST")).count());
    }

    /** Serves {@code rows} at {@code path} in pages of {@code size}, linked by next_url. */
    private <E, J> void pages(String path, PageJson.Rows key, List<E> rows, Function<E, J> json, int size) {
        int total = (rows.size() + size - 1) / size;
        for (int page = 1; page <= total; page++) {
            List<J> slice = new ArrayList<>();
            rows.subList((page - 1) * size, Math.min(rows.size(), page * size)).forEach(r -> slice.add(json.apply(r)));
            String next = page < total ? path + "?page=" + (page + 1) : null;
            String body = page(key, slice, next);
            stub.on(page == 1 ? path : path + "?page=" + page, json(200, body));
        }
    }

    private static <J> String page(PageJson.Rows key, List<J> rows, String next) {
        return JSONB.toJson(PageJson.of(key, rows, PageJson.Parents.NONE, 1, null, next));
    }
}
