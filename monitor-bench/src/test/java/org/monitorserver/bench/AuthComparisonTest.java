package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The authentication comparison's pure parts: keys, workloads, headers, CPU per request and the note. */
class AuthComparisonTest {

    @Test
    void generatedKeysAreLongEnoughAndUrlSafe() {
        String key = AuthComparison.generateKey(new Random(1));
        assertEquals(43, key.length());
        assertTrue(key.matches("[A-Za-z0-9_-]+"), key);
        assertNotEquals(key, AuthComparison.generateKey(new Random(2)));
        assertEquals("Bearer " + key, AuthComparison.bearer(key));
    }

    @Test
    void theWorkloadsPostTheDataSetsRowsAndReadItsSessions() {
        ImportComparison.Rows rows = ImportComparison.rows(20_000, AuthComparison.SEED);
        List<Scenario> workloads = AuthComparison.workloads(rows, "127.0.0.1:8181");

        Scenario posts = workloads.get(0);
        assertEquals(AuthComparison.SINGLE_POST, posts.name());
        assertEquals(Scenarios.POST_CONNECTIONS, posts.connections());
        assertEquals(Scenarios.POST_BODIES, posts.requests().size());
        assertTrue(posts.requests().stream().allMatch(r -> r.method().equals("POST")
                && r.path().equals("/api/v1/metrics/")));

        Scenario reads = workloads.get(1);
        assertEquals(AuthComparison.READS, reads.name());
        assertEquals(Scenarios.READ_CONNECTIONS, reads.connections());
        List<String> paths = reads.distinctGets().stream().map(Request::path).toList();
        assertEquals(1 + rows.sessions().size() + 1 + Scenarios.RESOURCE_NAMES.size(), paths.size());
        assertTrue(paths.contains("/api/v1/sessions?page=1"));
        assertTrue(paths.contains("/api/v1/sessions/" + rows.sessions().get(4).sessionH() + "/metrics?page=1"));
        assertTrue(paths.contains("/api/v1/metrics/count"));
        assertTrue(paths.contains("/api/v1/resources/memory/head/metrics"));

        assertEquals(posts.requests().size() + reads.requests().size(),
                AuthComparison.warmup(workloads).requests().size());
    }

    @Test
    void aHeaderGoesRightAfterTheRequestLine() {
        Request post = Request.postJson("h:1", "/api/v1/metrics/", "{\"a\":1}").withHeader("Authorization",
                "Bearer k");
        assertEquals("POST /api/v1/metrics/ HTTP/1.1\r\nAuthorization: Bearer k\r\nHost: h:1\r\n"
                + "Accept: application/json\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
                new String(post.bytes(), StandardCharsets.UTF_8));
        assertEquals("/api/v1/metrics/", post.path());

        Scenario scenario = new Scenario("s", 2, List.of(Request.get("h:1", "/a"))).withHeader("X-Key", "v");
        assertEquals("GET /a HTTP/1.1\r\nX-Key: v\r\nHost: h:1\r\nAccept: application/json\r\n\r\n",
                new String(scenario.requests().get(0).bytes(), StandardCharsets.US_ASCII));
        assertEquals(2, scenario.connections());
        assertThrows(IllegalArgumentException.class, () -> Request.get("h", "/").withHeader("X", "a\r\nY: b"));
    }

    @Test
    void cpuPerRequestIsTheDifferenceOverTheRequests() {
        assertEquals(1_500.0, ServerCpu.microsPerRequest(Optional.of(Duration.ofMillis(2_000)),
                Optional.of(Duration.ofMillis(17_000)), 10_000), 1e-9);
        assertEquals(0.0, ServerCpu.microsPerRequest(Optional.of(Duration.ofSeconds(3)),
                Optional.of(Duration.ofSeconds(3)), 7), 1e-9);
        assertTrue(Double.isNaN(ServerCpu.microsPerRequest(Optional.empty(), Optional.of(Duration.ZERO), 1)));
        assertTrue(Double.isNaN(ServerCpu.microsPerRequest(Optional.of(Duration.ZERO), Optional.empty(), 1)));
        assertTrue(Double.isNaN(ServerCpu.microsPerRequest(Optional.of(Duration.ZERO), Optional.of(Duration.ZERO),
                0)));
        assertTrue(Double.isNaN(ServerCpu.microsPerRequest(Optional.of(Duration.ofSeconds(2)),
                Optional.of(Duration.ofSeconds(1)), 5)));
    }

    @Test
    void procStatBusyTicksLeaveOutIdleAndIowait() {
        String stat = "cpu  100 5 40 9000 300 7 3 2 0 0\ncpu0 50 2 20 4500 150 3 1 1 0 0\nintr 1 2 3\n";
        assertEquals(100 + 5 + 40 + 7 + 3 + 2, ServerCpu.busyTicks(stat));
        // Old kernels have no steal column.
        assertEquals(100 + 5 + 40 + 7 + 3, ServerCpu.busyTicks("cpu 100 5 40 9000 300 7 3\n"));
        assertThrows(IllegalArgumentException.class, () -> ServerCpu.busyTicks("intr 1 2\n"));
        assertTrue(ServerCpu.machineBusy().isPresent());
    }

    @Test
    void otherCoresAreTheMachinesBusyTimeLessTheServersAndTheBenchmarks() {
        assertEquals(0.5, ServerCpu.otherCores(Optional.of(Duration.ofSeconds(30)), Optional.of(Duration.ofSeconds(17)),
                Optional.of(Duration.ofSeconds(3)), 20), 1e-9);
        // Tick rounding can make the difference slightly negative: no fewer than none.
        assertEquals(0.0, ServerCpu.otherCores(Optional.of(Duration.ofSeconds(10)), Optional.of(Duration.ofSeconds(9)),
                Optional.of(Duration.ofMillis(1_010)), 20), 1e-9);
        assertTrue(Double.isNaN(ServerCpu.otherCores(Optional.empty(), Optional.of(Duration.ZERO),
                Optional.of(Duration.ZERO), 20)));
    }

    @Test
    void thisProcessHasUsedSomeCpuAndNoProcessNone() {
        assertTrue(ServerCpu.used(ProcessHandle.current().pid()).orElseThrow().compareTo(Duration.ZERO) > 0);
        assertEquals(Optional.empty(), ServerCpu.used(-1));
    }

    @Test
    void theNoteGivesEachRatioAndTheVerdict() {
        String met = AuthComparison.note(20_000, "monitor_bench_auth", List.of(
                new AuthComparison.Pair("single POST", 1_860, 1_700, 0.24, 1.3),
                new AuthComparison.Pair("reads", 2_100, 2_000, 0, 0)));
        assertTrue(met.contains("single POST 1,860 / 1,700 µs = 1.09 (other processes 0.2 / 1.3 cores), reads 2,100 / 2,000 µs = 1.05 "
                + "(other processes 0.0 / 0.0 cores) (goal ≤ 1.10: met)."), met);
        assertTrue(met.startsWith("auth on vs off: 20,000 metrics (5 sessions, 2 contexts) per mode in database "
                + "monitor_bench_auth"), met);

        String missed = AuthComparison.note(20_000, "db", List.of(new AuthComparison.Pair("single POST", 1_900,
                1_700, Double.NaN, 0.5)));
        assertTrue(missed.endsWith("single POST 1,900 / 1,700 µs = 1.12 (other processes NaN / 0.5 cores) (goal ≤ 1.10: "
                + "missed)."), missed);

        String unknown = AuthComparison.note(20_000, "db", List.of(new AuthComparison.Pair("reads", Double.NaN,
                1_700, 0, 0)));
        assertTrue(unknown.endsWith("not measured (the server's java process or its CPU time was not found)."),
                unknown);
    }
}
