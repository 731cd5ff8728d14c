package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaults() throws Exception {
        Options options = Options.parse();
        assertEquals(1_000_000, options.metrics());
        assertEquals("monitor_bench", options.database());
        assertEquals("127.0.0.1", options.pgHost());
        assertEquals(5432, options.pgPort());
        assertFalse(options.reuse());
        assertEquals(20, options.durationSeconds());
        assertEquals(15, options.warmupSeconds());
        assertEquals(8181, options.port());
        assertEquals(Path.of("monitor-ear/target/server"), options.server());
        assertNull(options.only());
        assertTrue(options.runs(Scenarios.MIXED));
        assertTrue(options.runs(Scenarios.IMPORT_VS_BULK));
        assertTrue(options.needsDataSet());
        assertEquals(100_000, options.importMetrics());
        assertEquals("monitor_bench_import", options.importDatabase());
    }

    @Test
    void everyOption() throws Exception {
        Options options = Options.parse("--metrics", "20000", "--db", "bench_dev", "--pg=db.local:5433", "--reuse",
                "--duration", "3", "--warmup", "0", "--port", "28181", "--management-port", "29990",
                "--server", "/srv/monitor", "--only", "counts, like", "--import-metrics", "20000",
                "--import-db", "bench_import_dev");
        assertEquals(20_000, options.metrics());
        assertEquals("bench_dev", options.database());
        assertEquals("db.local", options.pgHost());
        assertEquals(5433, options.pgPort());
        assertTrue(options.reuse());
        assertEquals(3, options.durationSeconds());
        assertEquals(0, options.warmupSeconds());
        assertEquals(28181, options.port());
        assertEquals(29990, options.managementPort());
        assertEquals(Path.of("/srv/monitor"), options.server());
        assertEquals(Set.of("counts", "like"), options.only());
        assertFalse(options.runs(Scenarios.SINGLE_POST));
        assertEquals(20_000, options.importMetrics());
        assertEquals("bench_import_dev", options.importDatabase());
    }

    @Test
    void importVsBulkAloneNeedsNoDataSet() throws Exception {
        Options alone = Options.parse("--only", "import", "vs", "bulk");
        assertTrue(alone.runs(Scenarios.IMPORT_VS_BULK));
        assertFalse(alone.needsDataSet());
        assertTrue(alone.describe().contains("--import-metrics 100000 --import-db monitor_bench_import"),
                alone.describe());

        Options withReads = Options.parse("--only", "import vs bulk,counts");
        assertTrue(withReads.needsDataSet());
        assertFalse(Options.parse("--only", "counts").describe().contains("--import-db"));
    }

    @Test
    void scenarioNamesMayArriveAsSeveralWords() throws Exception {
        Options options = Options.parse("--only", "single", "POST,counts", "--port", "28181");
        assertEquals(Set.of("single POST", "counts"), options.only());
        assertEquals(28181, options.port());
    }

    @Test
    void badCommandLines() {
        assertThrows(Options.UsageException.class, () -> Options.parse("--metric", "5"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--metrics"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--metrics", "1500"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--db", "bench; DROP"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--pg", "localhost"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--only", "counts,nothing"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--duration", "0"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--reuse", "yes"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--import-metrics", "999"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--import-db", "Bench"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--db", "same", "--import-db", "same"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--auth-metrics", "999"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--db", "same", "--auth-db", "same"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--import-db", "same", "--auth-db", "same"));
    }

    @Test
    void authOnVsOffAloneNeedsNoDataSetAndNamesItsReport() throws Exception {
        Options alone = Options.parse("--only", "auth", "on", "vs", "off", "--auth-metrics", "5000", "--auth-db",
                "bench_auth_dev");
        assertTrue(alone.runs(Scenarios.AUTH_ON_VS_OFF));
        assertFalse(alone.needsDataSet());
        assertEquals(5_000, alone.authMetrics());
        assertEquals("bench-auth-5000.md", alone.reportFileName());
        assertTrue(alone.describe().contains("--auth-metrics 5000 --auth-db bench_auth_dev"), alone.describe());

        assertEquals("bench-import-100000-auth-20000.md",
                Options.parse("--only", "import vs bulk,auth on vs off").reportFileName());
        assertEquals("bench-import-100000.md", Options.parse("--only", "import vs bulk").reportFileName());
        assertEquals("bench-1000000.md", Options.parse("--only", "auth on vs off,counts").reportFileName());
        assertEquals("monitor_bench_auth", Options.parse().authDatabase());
        assertTrue(Options.parse().runs(Scenarios.AUTH_ON_VS_OFF));
    }

    @Test
    void issueElevenOptions() throws Exception {
        Options defaults = Options.parse();
        assertEquals(5, defaults.afterLoadSeconds());
        assertFalse(defaults.vacuumAnalyze());
        assertFalse(defaults.auth());
        assertNull(defaults.baselineServer());
        assertFalse(defaults.baseline());

        Options options = Options.parse("--after-load-duration", "0", "--vacuum-analyze", "--auth", "on",
                "--baseline-server", "/srv/old/server", "--db", "bench_r2");
        assertEquals(0, options.afterLoadSeconds());
        assertTrue(options.vacuumAnalyze());
        assertTrue(options.auth());
        assertEquals(Path.of("/srv/old/server"), options.baselineServer());
        assertEquals("bench-1000000-auth.md", options.reportFileName());
        assertTrue(options.describe().contains("--vacuum-analyze --auth on"), options.describe());
        assertFalse(Options.parse("--auth", "off").auth());
    }

    @Test
    void theBaselineRunsTheOldServerOnDatabasesOfItsOwn() throws Exception {
        Options current = Options.parse("--baseline-server", "old/server", "--db", "bench_r2", "--import-db",
                "bench_r2_import", "--auth-db", "bench_r2_auth", "--metrics", "20000");
        Options baseline = current.forBaseline();
        assertEquals(Path.of("old/server"), baseline.server());
        assertNull(baseline.baselineServer());
        assertTrue(baseline.baseline());
        assertEquals("bench_r2_old", baseline.database());
        assertEquals("bench_r2_import_old", baseline.importDatabase());
        assertEquals("bench_r2_auth_old", baseline.authDatabase());
        assertEquals(current.metrics(), baseline.metrics());
        assertEquals("bench-20000-old.md", baseline.reportFileName());
        assertEquals("bench-20000.md", current.reportFileName());
        assertThrows(IllegalStateException.class, () -> Options.parse().forBaseline());
    }

    @Test
    void badIssueElevenCommandLines() {
        assertThrows(Options.UsageException.class, () -> Options.parse("--auth", "yes"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--auth"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--after-load-duration", "-1"));
        // 60 characters and "_old" would be cut by PostgreSQL.
        assertThrows(Options.UsageException.class,
                () -> Options.parse("--db", "d".repeat(60), "--baseline-server", "old"));
    }

    @Test
    void runFinishAloneNeedsNoDataSetAndHasItsOptions() throws Exception {
        Options defaults = Options.parse();
        assertEquals("monitor_bench_runs", defaults.runsDatabase());
        assertEquals(3, defaults.runRepeats());
        assertEquals(18390, defaults.s3proxyPort());
        assertEquals(Path.of(System.getProperty("user.home"), ".m2/repository/org/gaul/s3proxy/4.1.0/"
                + "s3proxy-4.1.0-jar-with-dependencies.jar"), defaults.s3proxyJar());
        assertTrue(defaults.runs(Scenarios.RUN_FINISH));

        Options alone = Options.parse("--only", "run", "finish", "--run-repeats", "5", "--s3proxy-jar",
                "/opt/s3proxy.jar", "--s3proxy-port", "28390", "--runs-db", "bench_runs_dev");
        assertEquals(Set.of("run finish"), alone.only());
        assertFalse(alone.needsDataSet());
        assertEquals(5, alone.runRepeats());
        assertEquals(Path.of("/opt/s3proxy.jar"), alone.s3proxyJar());
        assertEquals(28390, alone.s3proxyPort());
        assertEquals("bench_runs_dev", alone.runsDatabase());
        assertEquals("bench-runs-5.md", alone.reportFileName());
        assertTrue(alone.describe().contains("--runs-db bench_runs_dev --run-repeats 5 --s3proxy-jar /opt/s3proxy.jar"
                + " --s3proxy-port 28390"), alone.describe());
        assertFalse(Options.parse("--only", "counts").describe().contains("--s3proxy-jar"));
        assertEquals("bench_runs_dev_old", Options.parse("--runs-db", "bench_runs_dev", "--baseline-server", "old")
                .forBaseline().runsDatabase());
        assertTrue(Options.USAGE.contains("--s3proxy-jar PATH"));
        assertTrue(Options.USAGE.contains("  run finish\n"));
    }

    @Test
    void badRunFinishCommandLines() {
        assertThrows(Options.UsageException.class, () -> Options.parse("--run-repeats", "0"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--s3proxy-jar"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--s3proxy-port", "8181"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--runs-db", "monitor_bench_auth"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--runs-db", "Runs"));
    }
}
