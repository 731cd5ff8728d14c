package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void eachModeIsMeasuredEarlyAndLate() {
        assertEquals(List.of(true, false, false, true), AuthComparison.ROUNDS);
    }

    @Test
    void roundsPoolIntoOnePairPerWorkload() {
        List<AuthComparison.Pair> pairs = AuthComparison.pairs(List.of("single POST", "reads"), List.of(
                new AuthComparison.Round(true, "single POST", 2_000, 1_000, 0.2),
                new AuthComparison.Round(true, "reads", 4_000, 100, 1.0),
                new AuthComparison.Round(false, "single POST", 1_500, 3_000, 0.4),
                new AuthComparison.Round(false, "reads", 3_000, 100, 0.5),
                new AuthComparison.Round(false, "single POST", 1_900, 1_000, 0.6),
                new AuthComparison.Round(true, "single POST", 1_000, 1_000, 0.4)));
        assertEquals(2, pairs.size());
        AuthComparison.Pair post = pairs.get(0);
        assertEquals("single POST", post.workload());
        // (2,000 × 1,000 + 1,000 × 1,000) / 2,000 and (1,500 × 3,000 + 1,900 × 1,000) / 4,000: weighted by requests.
        assertEquals(1_500, post.onMicros(), 1e-9);
        assertEquals(1_600, post.offMicros(), 1e-9);
        assertEquals(0.3, post.onOtherCores(), 1e-9);
        assertEquals(0.5, post.offOtherCores(), 1e-9);
        AuthComparison.Pair reads = pairs.get(1);
        assertEquals(4_000, reads.onMicros(), 1e-9);
        assertEquals(3_000, reads.offMicros(), 1e-9);

        AuthComparison.Pair missing = AuthComparison.pairs(List.of("reads"), List.of(
                new AuthComparison.Round(true, "reads", 4_000, 100, 1.0))).get(0);
        assertTrue(Double.isNaN(missing.offMicros()));
        assertTrue(Double.isNaN(missing.offOtherCores()));
    }

    @Test
    void theKeyedRoundsArePairedWithTheOffRoundsOnly() {
        List<AuthComparison.Round> rounds = List.of(
                new AuthComparison.Round(true, "reads", 9_000, 100, 0),
                new AuthComparison.Round(false, "reads", 3_000, 100, 0.5),
                new AuthComparison.Round(false, "reads", 2_000, 100, 0.7));
        List<AuthComparison.Round> keyed = List.of(
                new AuthComparison.Round(false, "reads", 2_600, 100, 0.4),
                new AuthComparison.Round(false, "reads", 2_800, 300, 0.6));
        AuthComparison.Pair pair = AuthComparison.keyPairs(List.of("reads"), rounds, keyed).get(0);
        assertEquals(2_750, pair.onMicros(), 1e-9);
        assertEquals(2_500, pair.offMicros(), 1e-9);
        assertEquals(0.5, pair.onOtherCores(), 1e-9);
        assertEquals(0.6, pair.offOtherCores(), 1e-9);

        String note = AuthComparison.keyNote(List.of(pair));
        assertTrue(note.endsWith("with / without: reads 2,750 / 2,500 µs = 1.10 (other processes 0.5 / 0.6 cores) "
                + "(goal ≤ 1.10: met)."), note);
        assertTrue(AuthComparison.keyNote(List.of()).endsWith("not measured (the server's java process or its CPU "
                + "time was not found)."));
    }

    @Test
    void nodeUsageAsksEachGroupingWithTheAdminKeyOverTheDataDays() {
        var scenarios = new Scenarios(new DataSet(1_000_000), "127.0.0.1:8181");
        // 5,000 sessions a minute apart from 2026-01-01: the last one's metrics end on 2026-01-04.
        assertArrayEquals(new long[] {1_767_225_600L, 1_767_571_200L}, scenarios.dataDays());
        Scenario usage = scenarios.nodeUsage("msk_admin");
        assertEquals(Scenarios.NODE_USAGE, usage.name());
        List<String> paths = usage.requests().stream().map(Request::path).toList();
        assertEquals(7, paths.size());
        assertEquals("/api/v1/metrics/nodes/usage", paths.get(0));
        for (String groupby : List.of("hour", "day", "week", "month")) {
            assertTrue(paths.contains("/api/v1/metrics/nodes/usage?groupby=" + groupby
                    + "&start=1767225600&end=1767571200"), paths.toString());
        }
        assertTrue(paths.contains("/api/v1/metrics/nodes/usage?tenant=default&groupby=day&start=1767225600"
                + "&end=1767571200"));
        String request = new String(usage.requests().get(3).bytes(), StandardCharsets.US_ASCII);
        assertTrue(request.contains("\r\nAuthorization: Bearer msk_admin\r\n"), request);
    }

    @Test
    void offStartsAlternateTheSlicesAbba() {
        var keyFirst = new StringBuilder();
        var plainFirst = new StringBuilder();
        for (int slice = 0; slice < AuthComparison.SLICES; slice++) {
            keyFirst.append(AuthComparison.slicePresentsKey(slice, true) ? 'K' : 'P');
            plainFirst.append(AuthComparison.slicePresentsKey(slice, false) ? 'K' : 'P');
        }
        assertEquals("KPPKKPPK", keyFirst.toString());
        assertEquals("PKKPPKKP", plainFirst.toString());
        assertEquals(5, AuthComparison.sliceSeconds(20));
        assertEquals(1, AuthComparison.sliceSeconds(2));
    }

    @Test
    void slicesPoolIntoOneRow() {
        Result row = AuthComparison.pooled("auth on vs off: on (start 1), reads", List.of(
                new Result("reads", 8, 100, 10, 50, 0, 500, 3_000),
                new Result("reads", 8, 300, 30, 90, 2, 520, 1_000),
                new Result("reads", 8, 200, 20, 70, 1, -1, 2_000)), List.of(500L, 1_500L, 1_000L));
        assertEquals("auth on vs off: on (start 1), reads", row.scenario());
        assertEquals(8, row.connections());
        assertEquals(200, row.requestsPerSecond(), 1e-9);
        assertEquals(20, row.p50Millis(), 1e-9);
        assertEquals(90, row.p99Millis(), 1e-9);
        assertEquals(3, row.errors());
        assertEquals(520, row.maxRssMegabytes());
        // (3,000 × 500 + 1,000 × 1,500 + 2,000 × 1,000) / 3,000
        assertEquals(5_000_000.0 / 3_000, row.serverCpuMicros(), 1e-9);
        assertEquals(15, AuthComparison.pooled("x", List.of(new Result("reads", 8, 1, 10, 1, 0, 1, 1),
                new Result("reads", 8, 1, 20, 1, 0, 1, 1)), List.of(1L, 1L)).p50Millis(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> AuthComparison.pooled("x", List.of(), List.of()));
    }
}
