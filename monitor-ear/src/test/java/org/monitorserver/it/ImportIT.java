package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/imports}: a {@code .pymon} file written here with pytest-monitor's exact schema is imported in
 * the background and ends with the same data as posting its rows through the API. The IT server's import limit is
 * 8 MiB (MONITOR_SERVER_MAX_IMPORT_BYTES in the pom).
 */
class ImportIT extends ApiTestSupport {

    private static final String OCTET_STREAM = "application/octet-stream";
    private static final long LIMIT = 8L << 20;

    @TempDir
    Path dir;

    private final Client http = ClientBuilder.newClient();

    @AfterEach
    void closeHttp() {
        http.close();
    }

    @Test
    void importsTenThousandMetricsWithTheCountsThatPostingThemGives() throws Exception {
        var imported = new DataSet(4, 2500);
        var posted = new DataSet(4, 2500);
        Path file = imported.write(dir.resolve("big.pymon"));

        Counts beforePosting = counts();
        long posting = System.nanoTime();
        posted.post(this);
        long postingMillis = (System.nanoTime() - posting) / 1_000_000;
        Counts afterPosting = counts();

        long started = System.nanoTime();
        JsonObject job = awaitEnd(upload(Files.readAllBytes(file)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        Counts afterImport = counts();
        System.out.printf("ImportIT: 10,000 metrics (%d bytes) imported in %d ms (upload to done; job %s to %s)%n",
                Files.size(file), millis, job.getString("started_at"), job.getString("finished_at"));
        System.out.printf("ImportIT: the same rows posted (2 contexts, 4 sessions, 4 NDJSON bulk bodies) in %d ms%n",
                postingMillis);

        assertEquals("done", job.getString("state"), job::toString);
        assertEquals(4 + 2 + 10_000, job.getJsonNumber("rows_read").longValue());
        assertEquals(4 + 2 + 10_000, job.getJsonNumber("rows_stored").longValue());
        assertEquals(0, job.getJsonNumber("rows_skipped").longValue());
        assertEquals(Files.size(file), job.getJsonNumber("bytes").longValue());
        assertEquals(afterPosting.plus(2, 4, 10_000), afterImport);
        assertEquals(beforePosting.plus(2, 4, 10_000), afterPosting);
        for (int s = 0; s < 4; s++) {
            assertEquals(countOf("/api/v1/sessions/" + posted.session(s) + "/metrics/count"),
                    countOf("/api/v1/sessions/" + imported.session(s) + "/metrics/count"));
            assertEquals(2500, countOf("/api/v1/sessions/" + imported.session(s) + "/metrics/count"));
        }
        for (int c = 0; c < 2; c++) {
            assertEquals(5000, countOf("/api/v1/contexts/" + imported.context(c) + "/metrics/count"));
            assertEquals(countOf("/api/v1/contexts/" + posted.context(c) + "/metrics/count"),
                    countOf("/api/v1/contexts/" + imported.context(c) + "/metrics/count"));
            assertEquals(totalPages("/api/v1/components/" + posted.component(c) + "/metrics"),
                    totalPages("/api/v1/components/" + imported.component(c) + "/metrics"));
        }
        assertEquals(list("/api/v1/components/" + posted.prefix, "components").size(),
                list("/api/v1/components/" + imported.prefix, "components").size());
        assertEquals(List.of("1", "2"), list("/api/v1/pipelines/" + imported.pipeline() + "/builds", "builds"));
        assertEquals(List.of(imported.session(0), imported.session(2)),
                list("/api/v1/pipelines/" + imported.pipeline() + "/builds/1/sessions", "sessions"));
        JsonObject first = json(get("/api/v1/sessions/" + imported.session(1) + "/metrics?page=1"), 200)
                .getJsonArray("metrics").getJsonObject(0);
        JsonObject twin = json(get("/api/v1/sessions/" + posted.session(1) + "/metrics?page=1"), 200)
                .getJsonArray("metrics").getJsonObject(0);
        for (String field : List.of("item_start_time", "item", "item_variant", "kind", "total_time", "user_time",
                "kernel_time", "cpu_usage", "mem_usage")) {
            assertEquals(twin.get(field), first.get(field), field);
        }
        // Paths name each data set's own prefix.
        assertEquals("tests.test_" + imported.prefix, first.getString("item_path"));
        assertEquals("tests/test_" + imported.prefix + ".py", first.getString("item_fs_loc"));
        assertEquals(imported.context(0), first.getString("context_h"));
        JsonObject session = json(get("/api/v1/sessions/" + imported.session(1)), 200).getJsonArray("sessions")
                .getJsonObject(0);
        assertEquals("2026-11-21T10:15:01.123456", session.getString("run_date"));
        assertEquals("abc1", session.getString("scm_ref"));
    }

    @Test
    void importingAgainStoresNothingAndAGrownFileAddsOnlyItsNewSessions() throws Exception {
        var data = new DataSet(2, 50);
        byte[] file = Files.readAllBytes(data.write(dir.resolve("small.pymon")));
        JsonObject first = awaitEnd(upload(file));
        assertEquals("done", first.getString("state"), first::toString);
        assertEquals(2 + 2 + 100, first.getJsonNumber("rows_stored").longValue());

        Counts before = counts();
        JsonObject again = awaitEnd(upload(file));
        assertEquals("done", again.getString("state"), again::toString);
        assertEquals(0, again.getJsonNumber("rows_stored").longValue());
        assertEquals(2 + 2 + 100, again.getJsonNumber("rows_skipped").longValue());
        assertEquals(before, counts());

        var grown = new DataSet(data, 3, 50);
        JsonObject third = awaitEnd(upload(Files.readAllBytes(grown.write(dir.resolve("grown.pymon")))));
        assertEquals("done", third.getString("state"), third::toString);
        assertEquals(1 + 50, third.getJsonNumber("rows_stored").longValue());
        assertEquals(2 + 2 + 100, third.getJsonNumber("rows_skipped").longValue());
        assertEquals(before.plus(0, 1, 50), counts());
        assertEquals(50, countOf("/api/v1/sessions/" + grown.session(2) + "/metrics/count"));
    }

    @Test
    void failsATruncatedFileAndOneThatIsNotSqliteWithNothingStored() throws Exception {
        var data = new DataSet(3, 400);
        byte[] whole = Files.readAllBytes(data.write(dir.resolve("whole.pymon")));
        Counts before = counts();

        JsonObject truncated = awaitEnd(upload(Arrays.copyOf(whole, whole.length / 2)));
        JsonObject text = awaitEnd(upload("SESSION_H,RUN_DATE\nabc,2026-11-21\n".getBytes()));

        assertEquals("failed", truncated.getString("state"), truncated::toString);
        assertTrue(truncated.getString("error").startsWith("truncated or corrupt"), truncated::toString);
        assertEquals(0, truncated.getJsonNumber("rows_stored").longValue());
        assertEquals("failed", text.getString("state"), text::toString);
        assertTrue(text.getString("error").startsWith("not a SQLite database"), text::toString);
        assertNotNull(text.getString("finished_at"));
        assertEquals(before, counts());
        assertEquals(0, countOf("/api/v1/sessions/" + data.session(0) + "/metrics/count"));
    }

    @Test
    void answersLimitsEmptyBodiesUnknownJobsAndListsNewestFirst() throws InterruptedException {
        Response large = http.target(URI.create(root() + "/api/v1/imports")).request()
                .post(Entity.entity(new byte[(int) LIMIT + 1], OCTET_STREAM));
        assertTrue(json(large, 413).getString("message").contains("MONITOR_SERVER_MAX_IMPORT_BYTES"));
        Response empty = http.target(URI.create(root() + "/api/v1/imports")).request()
                .post(Entity.entity(new byte[0], OCTET_STREAM));
        assertTrue(json(empty, 400).getString("message").contains("empty"));
        assertTrue(json(post("/api/v1/imports", "{}"), 415).getString("message").contains("application/vnd.sqlite3"));
        assertEquals(404, get("/api/v1/imports/999999999999").getStatus());
        assertTrue(json(get("/api/v1/imports/999999999999"), 404).containsKey("message"));

        long older = upload("not sqlite".getBytes());
        long newer = http.target(URI.create(root() + "/api/v1/imports")).request()
                .post(Entity.entity("neither".getBytes(), "application/vnd.sqlite3")).readEntity(JsonObject.class)
                .getJsonNumber("id").longValue();
        JsonObject page = json(get("/api/v1/imports?page=1"), 200);
        List<Long> ids = page.getJsonArray("imports").stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
        assertEquals(newer, ids.get(0), page::toString);
        assertEquals(older, ids.get(1), page::toString);
        assertTrue(page.containsKey("total_page"));
        awaitEnd(older);
        awaitEnd(newer);
    }

    @Test
    void takesOverAPlantedJobWhoseLeaseExpired() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "needs the PostgreSQL run");
        var data = new DataSet(2, 30);
        byte[] file = Files.readAllBytes(data.write(dir.resolve("planted.pymon")));
        Counts before = counts();
        long id;
        try (Connection db = database()) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
            try (PreparedStatement job = db.prepareStatement("INSERT INTO import_job (id, tenant_id, state,"
                    + " size_bytes, created_at, started_at, lease_owner, lease_expires) VALUES"
                    + " (nextval('import_job_seq'), 1, 'RUNNING', ?, ?, ?, 'dead-server', ?) RETURNING id")) {
                job.setLong(1, file.length);
                job.setTimestamp(2, now);
                job.setTimestamp(3, now);
                job.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5)));
                try (ResultSet row = job.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            // In two parts of unequal size, as a server stores a file over ImportUploadPart.MAX_BYTES.
            try (PreparedStatement upload = db.prepareStatement("INSERT INTO import_upload_part (job_id, part,"
                    + " content) VALUES (?, ?, ?)")) {
                int half = file.length / 2;
                upload.setLong(1, id);
                upload.setInt(2, 0);
                upload.setBytes(3, Arrays.copyOfRange(file, 0, half));
                upload.executeUpdate();
                upload.setInt(2, 1);
                upload.setBytes(3, Arrays.copyOfRange(file, half, file.length));
                upload.executeUpdate();
            }
        }
        JsonObject job = awaitEnd(id);
        assertEquals("done", job.getString("state"), job::toString);
        assertEquals(2 + 2 + 60, job.getJsonNumber("rows_stored").longValue());
        assertEquals(before.plus(2, 2, 60), counts());
        try (Connection db = database();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT lease_owner, (SELECT COUNT(*) FROM import_upload_part WHERE"
                        + " job_id = " + id + ") FROM import_job WHERE id = " + id)) {
            rows.next();
            assertEquals(null, rows.getString(1), "the lease is released");
            assertEquals(0, rows.getInt(2), "the upload is deleted when the job ends");
        }
    }

    /** Posts {@code bytes} as a .pymon and answers the job's id, after checking the 202 and its Location. */
    private long upload(byte[] bytes) {
        Response answer = http.target(URI.create(root() + "/api/v1/imports")).request()
                .post(Entity.entity(bytes, OCTET_STREAM));
        JsonObject job = json(answer, 202);
        long id = job.getJsonNumber("id").longValue();
        assertTrue(answer.getLocation().getPath().endsWith("/api/v1/imports/" + id), answer.getLocation()::toString);
        assertEquals(bytes.length, job.getJsonNumber("bytes").longValue());
        return id;
    }

    /** The one polling helper: GETs job {@code id} until it is done or failed, for at most two minutes. */
    private JsonObject awaitEnd(long id) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonObject job = json(get("/api/v1/imports/" + id), 200);
            String state = job.getString("state");
            if (state.equals("done") || state.equals("failed")) {
                return job;
            }
            assertTrue(System.nanoTime() < deadline, () -> "job " + id + " did not end: " + job);
            Thread.sleep(100);
        }
    }

    private int totalPages(String path) {
        return json(get(path + "?page=1"), 200).getInt("total_page");
    }

    /** Every string of a listing, walking its pages by next_url. */
    private List<String> list(String path, String key) {
        var values = new ArrayList<String>();
        String next = path + "?page=1";
        while (next != null) {
            JsonObject page = json(get(next), 200);
            page.getJsonArray(key).forEach(v -> values.add(((jakarta.json.JsonString) v).getString()));
            next = page.isNull("next_url") ? null : page.getString("next_url");
        }
        return values;
    }

    /**
     * The rows of one test data set with unique hashes and names: two contexts, two components, one pipeline
     * with builds 1 and 2 (sessions alternate), each session's metrics spread over both contexts and components.
     */
    static final class DataSet {

        final String prefix;
        private final List<String> contexts;
        private final List<String> sessions = new ArrayList<>();
        private final int perSession;

        DataSet(int sessionCount, int perSession) {
            this("imp" + Body.hash().substring(0, 12), List.of(Body.hash(), Body.hash()), List.of(), sessionCount,
                    perSession);
        }

        /** {@code base}'s rows and more sessions: the same file after more pytest runs. */
        DataSet(DataSet base, int sessionCount, int perSession) {
            this(base.prefix, base.contexts, base.sessions, sessionCount, perSession);
        }

        private DataSet(String prefix, List<String> contexts, List<String> known, int sessionCount, int perSession) {
            this.prefix = prefix;
            this.contexts = contexts;
            this.perSession = perSession;
            sessions.addAll(known);
            while (sessions.size() < sessionCount) {
                sessions.add(Body.hash());
            }
        }

        String session(int s) {
            return sessions.get(s);
        }

        String context(int c) {
            return contexts.get(c);
        }

        String component(int c) {
            return prefix + "_comp" + c;
        }

        String pipeline() {
            return prefix + "_pipe";
        }

        private String build(int s) {
            return String.valueOf(s % 2 + 1);
        }

        private String runDate(int s) {
            return "2026-11-21T10:15:0" + s + ".123456";
        }

        private String startTime(int m) {
            return String.format("2026-11-21T11:%02d:%02d.%06d", m / 3600 % 60, m / 60 % 60, m % 1_000_000);
        }

        /** Metric {@code m} of session {@code s}: its context, component, item, and times that vary. */
        private Object[] metric(int s, int m) {
            return new Object[] {sessions.get(s), contexts.get(m % 2), startTime(m), "tests.test_" + prefix,
                "test_" + m % 100, "test_" + m % 100 + "[" + m + "]", "tests/test_" + prefix + ".py",
                m % 10 == 0 ? "module" : "function", component(m % 2), 1.5 + m / 1000.0, 1.0 + s, 0.25, 0.83,
                40.0 + m % 7};
        }

        /** Writes the rows as pytest-monitor does, into a new .pymon file. */
        Path write(Path file) throws SQLException, IOException {
            Files.deleteIfExists(file);
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement sql = db.createStatement()) {
                PymonSchema.create(sql);
                db.setAutoCommit(false);
                try (PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO EXECUTION_CONTEXTS VALUES (?, 8, 2000, 'x86_64', 'GenuineIntel', 16384,"
                                + " 'ci-runner-1', 'x86_64', '64bit', 'Linux - 6.1.0-18-amd64', '3.11.7')")) {
                    for (String context : contexts) {
                        insert.setString(1, context);
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO TEST_SESSIONS VALUES (?, ?, ?, ?)")) {
                    for (int s = 0; s < sessions.size(); s++) {
                        insert.setString(1, sessions.get(s));
                        insert.setString(2, runDate(s));
                        insert.setString(3, "abc" + s);
                        insert.setString(4, "{\"pipeline_branch\": \"" + pipeline() + "\", \"pipeline_build_no\": \""
                                + build(s) + "\", \"__ci__\": \"jenkinsci\"}");
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO TEST_METRICS VALUES (?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int s = 0; s < sessions.size(); s++) {
                        for (int m = 0; m < perSession; m++) {
                            Object[] row = metric(s, m);
                            for (int i = 0; i < row.length; i++) {
                                insert.setObject(i + 1, row[i]);
                            }
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
                db.commit();
            }
            return file;
        }

        /** Posts the same rows through the API: contexts, sessions, then each session's metrics in bulk. */
        void post(ImportIT api) {
            for (String context : contexts) {
                json(api.post("/api/v1/contexts/", Body.context(context).with("cpu_frequency", 2000)
                        .with("python_info", "3.11.7").with("machine_node", "ci-runner-1").json()), 201);
            }
            for (int s = 0; s < sessions.size(); s++) {
                json(api.post("/api/v1/sessions/", Body.session(sessions.get(s)).with("run_date", runDate(s))
                        .with("scm_ref", "abc" + s).with("description", Map.of("pipeline_branch", pipeline(),
                                "pipeline_build_no", build(s), "__ci__", "jenkinsci")).json()), 201);
                int session = s;
                String ndjson = java.util.stream.IntStream.range(0, perSession).mapToObj(m -> {
                    Object[] row = metric(session, m);
                    return Body.metric((String) row[0], (String) row[1]).with("item_start_time", row[2])
                            .with("item_path", row[3]).with("item", row[4]).with("item_variant", row[5])
                            .with("item_fs_loc", row[6]).with("kind", row[7]).with("component", row[8])
                            .with("total_time", row[9]).with("user_time", row[10]).with("kernel_time", row[11])
                            .with("cpu_usage", row[12]).with("mem_usage", row[13]).json();
                }).collect(Collectors.joining("\n"));
                JsonObject report = json(api.post("/api/v1/metrics/bulk", ndjson, "application/x-ndjson"), 200);
                assertEquals(perSession, report.getInt("accepted"), report::toString);
            }
        }
    }
}
