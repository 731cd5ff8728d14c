package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL of a server while it takes writes (issue 13, point 2), on a server process of the test's own
 * ({@link ServerProcess}) and a database of its own: single metrics from six clients, bulk loads of 500 and inline
 * run finishes of 3,600 samples, at once; then the server is killed, started again, and checked: every
 * acknowledged write is there, nothing is half-written (a bulk or a finish is all there or not at all), and the
 * maintained counts, tallies, blocks and spans equal what a scan of the rows computes.
 */
class CrashIT extends ApiTestSupport {

    private static final int SINGLE_CLIENTS = 6;
    private static final int BULK_ROWS = 500;
    private static final int RUN_ROWS = 3_600;
    private static final int IDS_PER_BLOCK = 8192;
    private static final int IMPORT_SESSIONS = 8;
    private static final int IMPORT_PER_SESSION = 12_500;
    private static final int S3_RUNS = 3;
    private static final int S3_CHUNKS = 6;
    private static final int S3_ROWS_PER_CHUNK = 10_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAcknowledgedWriteSurvivesASigkillAndTheFiguresMatchTheRows() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "needs the PostgreSQL run");
        String database = ServerProcess.newDatabase("crash");
        Path target = Path.of(System.getProperty("it.ear")).getParent();
        try (var server = new ServerProcess(target.resolve("crash-server"), 300,
                ServerProcess.environment(database, target.resolve("crash-data"), Map.of()))) {
            server.start();
            String root = server.root();
            String context = Body.hash();
            assertEquals(201, send(root, "/api/v1/contexts/", Body.context(context).json()));

            Map<String, int[]> singles = new ConcurrentHashMap<>(); // session -> {sent, acknowledged}
            Map<String, Boolean> bulks = new ConcurrentHashMap<>(); // session -> acknowledged
            Map<String, Boolean> runs = new ConcurrentHashMap<>(); // run id -> finish acknowledged
            var stop = new AtomicBoolean();
            var errors = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(SINGLE_CLIENTS + 2);
            for (int c = 0; c < SINGLE_CLIENTS; c++) {
                load.submit(() -> {
                    String session = Body.hash();
                    int[] counts = new int[2];
                    singles.put(session, counts);
                    if (send(root, "/api/v1/sessions/", Body.session(session).json()) != 201) {
                        return null;
                    }
                    while (!stop.get()) {
                        counts[0]++;
                        int status = send(root, "/api/v1/metrics/", Body.metric(session, context).json());
                        if (status == 201) {
                            counts[1]++;
                        } else if (status < 0) {
                            errors.incrementAndGet();
                            return null;
                        }
                    }
                    return null;
                });
            }
            load.submit(() -> {
                while (!stop.get()) {
                    String session = Body.hash();
                    bulks.put(session, false);
                    var rows = new StringBuilder();
                    for (int r = 0; r < BULK_ROWS; r++) {
                        rows.append(Body.metric(session, context).json()).append('\n');
                    }
                    int status = send(root, "/api/v1/metrics/bulk", rows.toString(), "application/x-ndjson");
                    if (status == 200) {
                        bulks.put(session, true);
                    } else if (status < 0) {
                        return null;
                    }
                }
                return null;
            });
            load.submit(() -> {
                var csv = new StringBuilder("\"timestamp\",\"process_cpu_usage\"\n");
                for (int r = 0; r < RUN_ROWS; r++) {
                    csv.append(1764000000L + r).append(',').append((r % 10) / 10.0).append('\n');
                }
                String finish = RunsIT.finishInline(csv.toString());
                while (!stop.get()) {
                    HttpResponse<String> registered = post(root, "/api/v1/runs", "{\"project_name\":\"crash\"}",
                            JSON);
                    if (registered == null || registered.statusCode() != 201) {
                        return null;
                    }
                    String id = RunsIT.parse(registered.body()).getString("run_id");
                    runs.put(id, false);
                    int status = send(root, "/api/v1/runs/" + id + "/finish", finish);
                    if (status == 200) {
                        runs.put(id, true);
                    } else if (status < 0) {
                        return null;
                    }
                }
                return null;
            });
            Thread.sleep(6_000);
            server.kill();
            stop.set(true);
            load.shutdown();
            assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));
            server.start();

            int acknowledged = 0;
            for (var single : singles.entrySet()) {
                long stored = count(server.root(), "/api/v1/sessions/" + single.getKey() + "/metrics/count");
                int[] counts = single.getValue();
                acknowledged += counts[1];
                assertTrue(stored >= counts[1] && stored <= counts[0], () -> "session " + single.getKey() + ": "
                        + stored + " stored, " + counts[1] + " acknowledged of " + counts[0] + " sent");
            }
            int bulksStored = 0;
            for (var bulk : bulks.entrySet()) {
                long stored = count(server.root(), "/api/v1/sessions/" + bulk.getKey() + "/metrics/count");
                assertTrue(stored == BULK_ROWS || (stored == 0 && !bulk.getValue()), () -> "bulk " + bulk.getKey()
                        + ": " + stored + " rows stored, acknowledged " + bulk.getValue());
                bulksStored += stored == BULK_ROWS ? 1 : 0;
            }
            int runsStored = 0;
            try (Connection db = FreshTestDatabase.connect(database, System.getenv("MONITOR_DB_USER"),
                    System.getenv("MONITOR_DB_PASSWORD"))) {
                for (var run : runs.entrySet()) {
                    JsonObject result = RunsIT.parse(get(server.root(), "/api/v1/runs/" + run.getKey()));
                    String processing = result.getJsonObject("processing").getString("status");
                    long samples = single(db, "SELECT COUNT(*) FROM run_sample s JOIN run r ON r.id = s.run_id"
                            + " WHERE r.run_key = '" + run.getKey() + "'");
                    assertTrue(processing.equals("ok") ? samples == RUN_ROWS : samples == 0 && !run.getValue(),
                            () -> "run " + run.getKey() + ": " + processing + ", " + samples + " samples, "
                                    + "acknowledged " + run.getValue());
                    runsStored += samples == RUN_ROWS ? 1 : 0;
                }
                assertFiguresEqualScans(db);
            }
            System.out.printf("CrashIT: killed under load; %d single metrics acknowledged (all found), %d of %d bulks"
                    + " and %d of %d run finishes stored whole, none in part; figures equal the scans%n",
                    acknowledged, bulksStored, bulks.size(), runsStored, runs.size());
            assertTrue(acknowledged > 0 && bulksStored > 0 && runsStored > 0, "the load reached the server");
        }
    }

    /**
     * Background jobs interrupted by a SIGKILL: a {@code .pymon} import killed while it stores its rows, and run
     * finishes whose chunks wait in the object store. After the restart, the server takes them over once their
     * leases expire (30 s) and ends each one: the import stores every metric exactly once (it resumes at the
     * first session not stored), each run gets all its samples, no job is left queued or running and no lease held.
     */
    @Test
    void jobsInterruptedByASigkillAreTakenOverAndEndedOnce() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "needs the PostgreSQL run");
        String database = ServerProcess.newDatabase("takeover");
        Path target = Path.of(System.getProperty("it.ear")).getParent();
        var store = new TestObjectStore();
        var data = new ImportIT.DataSet(IMPORT_SESSIONS, IMPORT_PER_SESSION);
        byte[] pymon = java.nio.file.Files.readAllBytes(data.write(target.resolve("takeover.pymon")));
        try (var server = new ServerProcess(target.resolve("takeover-server"), 300,
                ServerProcess.environment(database, target.resolve("takeover-data"), Map.of(
                        "MONITOR_SERVER_RUNS_S3_BUCKET", TestObjectStore.BUCKET,
                        "MONITOR_SERVER_RUNS_S3_ENDPOINT", System.getProperty("it.s3.endpoint"),
                        "MONITOR_SERVER_RUNS_S3_ACCESS_KEY", System.getProperty("it.s3.access-key"),
                        "MONITOR_SERVER_RUNS_S3_SECRET_KEY", System.getProperty("it.s3.secret-key"),
                        "MONITOR_SERVER_MAX_IMPORT_BYTES", String.valueOf(pymon.length))))) {
            server.start();
            String root = server.root();
            List<String> runIds = new ArrayList<>();
            for (int r = 0; r < S3_RUNS; r++) {
                HttpResponse<String> registered = post(root, "/api/v1/runs", "{\"project_name\":\"takeover\"}", JSON);
                assertEquals(201, registered.statusCode(), registered::body);
                String id = RunsIT.parse(registered.body()).getString("run_id");
                String prefix = "s3://" + TestObjectStore.BUCKET + "/runs/" + id;
                var uris = jakarta.json.Json.createArrayBuilder();
                for (int c = 0; c < S3_CHUNKS; c++) {
                    var csv = new StringBuilder("\"timestamp\",\"process_cpu_usage\"\n");
                    for (int row = 0; row < S3_ROWS_PER_CHUNK; row++) {
                        csv.append(1764000000L + c * S3_ROWS_PER_CHUNK + row).append(',').append(row % 7).append('\n');
                    }
                    String uri = String.format("%s/%04d.csv.gz", prefix, c);
                    store.putChunk(uri, csv.toString());
                    uris.add(uri);
                }
                String finish = jakarta.json.Json.createObjectBuilder().add("exit_code", 0).add("run_status", "finished")
                        .add("data_source", "s3").add("data_uris", uris).build().toString();
                assertEquals(200, send(root, "/api/v1/runs/" + id + "/finish", finish));
                runIds.add(id);
            }
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(root + "/api/v1/imports"))
                    .header("Content-Type", "application/vnd.sqlite3").POST(BodyPublishers.ofByteArray(pymon)).build(),
                    BodyHandlers.ofString());
            assertEquals(202, accepted.statusCode(), accepted::body);
            long importId = RunsIT.parse(accepted.body()).getJsonNumber("id").longValue();

            // Kill while the import is part-way: some of its rows stored, not all.
            long expectedMetrics = (long) IMPORT_SESSIONS * IMPORT_PER_SESSION;
            JsonObject atKill;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            do {
                atKill = RunsIT.parse(get(root, "/api/v1/imports/" + importId));
                assertTrue(System.nanoTime() < deadline, "the import did not start storing within 60 s: " + atKill);
            } while (atKill.getString("state").equals("queued")
                    || atKill.getString("state").equals("running") && atKill.getJsonNumber("rows_stored").longValue() == 0);
            List<String> runStates = new ArrayList<>();
            for (String id : runIds) {
                runStates.add(RunsIT.parse(get(root, "/api/v1/runs/" + id)).getJsonObject("processing").getString("status"));
            }
            server.kill();
            long killedAt = System.nanoTime();
            JsonObject stateAtKill = atKill;
            assertEquals("running", atKill.getString("state"), () -> "the import ended before the kill; make it"
                    + " larger: " + stateAtKill);
            server.start();

            JsonObject imported = awaitJob(root, "/api/v1/imports/" + importId, "state");
            double takeoverSeconds = (System.nanoTime() - killedAt) / 1e9;
            assertEquals("done", imported.getString("state"), imported::toString);
            List<JsonObject> finished = new ArrayList<>();
            for (String id : runIds) {
                JsonObject run = awaitJob(root, "/api/v1/runs/" + id, null);
                assertEquals("ok", run.getJsonObject("processing").getString("status"), run::toString);
                finished.add(run);
            }
            try (Connection db = FreshTestDatabase.connect(database, System.getenv("MONITOR_DB_USER"),
                    System.getenv("MONITOR_DB_PASSWORD"))) {
                assertEquals(expectedMetrics, single(db, "SELECT COUNT(*) FROM metric"), "every imported metric, once");
                assertEquals(IMPORT_SESSIONS, single(db, "SELECT COUNT(*) FROM test_session"));
                for (String id : runIds) {
                    assertEquals((long) S3_CHUNKS * S3_ROWS_PER_CHUNK, single(db, "SELECT COUNT(*) FROM run_sample s"
                            + " JOIN run r ON r.id = s.run_id WHERE r.run_key = '" + id + "'"), "run " + id + "'s samples");
                }
                assertEquals(0, single(db, "SELECT COUNT(*) FROM import_job WHERE state IN ('QUEUED', 'RUNNING')"
                        + " OR lease_owner IS NOT NULL"), "no import left queued, running or leased");
                assertEquals(0, single(db, "SELECT COUNT(*) FROM import_upload_part"), "the upload is deleted");
                assertEquals(0, single(db, "SELECT COUNT(*) FROM run WHERE lease_owner IS NOT NULL"), "no run leased");
                assertFiguresEqualScans(db);
            }
            System.out.printf("CrashIT: killed with an import at %d of %d metrics (running) and %d run finishes %s;"
                    + " after the restart all were taken over and ended once, the last %.1f s after the kill%n",
                    atKill.getJsonNumber("rows_stored").longValue(), expectedMetrics, S3_RUNS, runStates,
                    takeoverSeconds);
        }
    }

    /** Polls {@code path} until the job's state ({@code key}, or a run's processing status) is no longer queued or running. */
    private JsonObject awaitJob(String root, String path, String key) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            JsonObject job = RunsIT.parse(get(root, path));
            String state = key == null ? job.getJsonObject("processing").getString("status") : job.getString(key);
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            assertTrue(System.nanoTime() < deadline, () -> path + " still " + state + " two minutes after the restart");
            Thread.sleep(200);
        }
    }

    /** The maintained figures equal what a scan of the rows computes. */
    private static void assertFiguresEqualScans(Connection db) throws SQLException {
        assertEquals(single(db, "SELECT COUNT(*) FROM metric"),
                single(db, "SELECT COALESCE(SUM(row_total), 0) FROM tenant_row_count WHERE family = 'METRIC'"),
                "the maintained metric count");
        assertEquals(single(db, "SELECT COUNT(*) FROM test_session"),
                single(db, "SELECT COALESCE(SUM(row_total), 0) FROM tenant_row_count WHERE family = 'SESSION'"),
                "the maintained session count");
        assertEquals(rows(db, "SELECT context_h, COUNT(*) FROM metric GROUP BY 1 ORDER BY 1"),
                rows(db, "SELECT group_key, SUM(row_total) FROM metric_tally WHERE dimension = 'CONTEXT' GROUP BY 1"
                        + " HAVING SUM(row_total) > 0 ORDER BY 1"), "the contexts' tallies");
        assertEquals(rows(db, "SELECT CAST(id / " + IDS_PER_BLOCK + " AS TEXT), COUNT(*) FROM metric GROUP BY 1 ORDER BY 1"),
                rows(db, "SELECT CAST(block AS TEXT), SUM(row_total) FROM metric_block WHERE listing = 'ALL' GROUP BY 1"
                        + " HAVING SUM(row_total) > 0 ORDER BY 1"), "the id blocks");
        assertEquals(rows(db, "SELECT session_h || '/' || context_h || '/' || MIN(item_start_time), COUNT(*) FROM metric"
                        + " GROUP BY session_h, context_h ORDER BY 1"),
                rows(db, "SELECT s.session_h || '/' || s.context_h || '/' || s.start_at, (SELECT COUNT(*) FROM metric m"
                        + " WHERE m.session_h = s.session_h AND m.context_h = s.context_h) FROM node_span s"
                        + " WHERE s.session_h NOT LIKE 'run:%' ORDER BY 1"),
                "a node span per session and context with metrics, starting at the first metric");
    }

    private int send(String root, String path, String json) {
        return send(root, path, json, JSON);
    }

    /** The status of a POST, or -1 when the connection failed (the server was killed). */
    private int send(String root, String path, String body, String type) {
        HttpResponse<String> answer = post(root, path, body, type);
        return answer == null ? -1 : answer.statusCode();
    }

    private HttpResponse<String> post(String root, String path, String body, String type) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", type).POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String get(String root, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(root + path)).build(), BodyHandlers.ofString()).body();
    }

    private long count(String root, String path) throws Exception {
        return RunsIT.parse(get(root, path)).getJsonNumber("count").longValue();
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                all.add(rows.getString(1) + ":" + rows.getLong(2));
            }
        }
        return all;
    }
}
