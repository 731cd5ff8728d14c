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
                assertEquals(single(db, "SELECT COUNT(*) FROM metric"),
                        single(db, "SELECT SUM(row_total) FROM tenant_row_count WHERE family = 'METRIC'"),
                        "the maintained metric count");
                assertEquals(single(db, "SELECT COUNT(*) FROM test_session"),
                        single(db, "SELECT SUM(row_total) FROM tenant_row_count WHERE family = 'SESSION'"),
                        "the maintained session count");
                assertEquals(single(db, "SELECT COUNT(*) FROM metric WHERE context_h = '" + context + "'"),
                        single(db, "SELECT SUM(row_total) FROM metric_tally WHERE dimension = 'CONTEXT' AND group_key = '"
                                + context + "'"), "the context's tally");
                assertEquals(rows(db, "SELECT id / " + IDS_PER_BLOCK + ", COUNT(*) FROM metric GROUP BY 1 ORDER BY 1"),
                        rows(db, "SELECT block, SUM(row_total) FROM metric_block WHERE listing = 'ALL' GROUP BY 1"
                                + " HAVING SUM(row_total) > 0 ORDER BY 1"), "the id blocks");
                assertEquals(single(db, "SELECT COUNT(DISTINCT session_h) FROM metric"),
                        single(db, "SELECT COUNT(*) FROM node_span WHERE session_h NOT LIKE 'run:%'"),
                        "a node span per session with metrics");
            }
            System.out.printf("CrashIT: killed under load; %d single metrics acknowledged (all found), %d of %d bulks"
                    + " and %d of %d run finishes stored whole, none in part; figures equal the scans%n",
                    acknowledged, bulksStored, bulks.size(), runsStored, runs.size());
            assertTrue(acknowledged > 0 && bulksStored > 0 && runsStored > 0, "the load reached the server");
        }
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
                all.add(rows.getLong(1) + ":" + rows.getLong(2));
            }
        }
        return all;
    }
}
