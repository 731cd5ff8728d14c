package org.monitorserver.persistence.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.session.Session;

/** The checks of {@link PymonFile} on files written with pytest-monitor's own schema. */
class PymonFileTest {

    private static final long TENANT = 1;

    /** pytest-monitor's DDL (sys_utils handler), as a .pymon file has it. */
    static final List<String> SCHEMA = List.of(
            "CREATE TABLE TEST_SESSIONS(SESSION_H varchar(64) primary key not null unique, RUN_DATE varchar(64),"
                    + " SCM_ID varchar(128), RUN_DESCRIPTION json)",
            "CREATE TABLE EXECUTION_CONTEXTS (ENV_H varchar(64) primary key not null unique, CPU_COUNT integer,"
                    + " CPU_FREQUENCY_MHZ integer, CPU_TYPE varchar(64), CPU_VENDOR varchar(256), RAM_TOTAL_MB integer,"
                    + " MACHINE_NODE varchar(512), MACHINE_TYPE varchar(32), MACHINE_ARCH varchar(16),"
                    + " SYSTEM_INFO varchar(256), PYTHON_INFO varchar(512))",
            "CREATE TABLE TEST_METRICS (SESSION_H varchar(64), ENV_H varchar(64), ITEM_START_TIME varchar(64),"
                    + " ITEM_PATH varchar(4096), ITEM varchar(2048), ITEM_VARIANT varchar(2048),"
                    + " ITEM_FS_LOC varchar(2048), KIND varchar(64), COMPONENT varchar(512) NULL, TOTAL_TIME float,"
                    + " USER_TIME float, KERNEL_TIME float, CPU_USAGE float, MEM_USAGE float,"
                    + " FOREIGN KEY (ENV_H) REFERENCES EXECUTION_CONTEXTS(ENV_H),"
                    + " FOREIGN KEY (SESSION_H) REFERENCES TEST_SESSIONS(SESSION_H))");

    @TempDir
    Path dir;

    @Test
    void readsAValidFileInChunksOfWholeSessions() throws Exception {
        Path file = write("valid.pymon", SCHEMA, 3, 40, Map.of());
        try (PymonFile pymon = PymonFile.open(file, TENANT)) {
            assertEquals(1 + 3 + 120, pymon.rows());
            assertEquals(3, pymon.sessionCount());
            assertEquals(120, pymon.metricCount());
            assertEquals("ctx", pymon.contexts().get(0).getHash());
            var chunks = new ArrayList<PymonFile.Chunk>();
            pymon.chunks(50, chunks::add);
            // 40 metrics per session, 50 per chunk: a chunk closes at the first session boundary past 50.
            assertEquals(2, chunks.size());
            var perSession = new HashMap<String, Integer>();
            for (PymonFile.Chunk chunk : chunks) {
                var hashes = chunk.sessions().stream().map(Session::getHash).toList();
                for (Metric metric : chunk.metrics()) {
                    assertTrue(hashes.contains(metric.getSessionHash()), "a metric travels with its session");
                    perSession.merge(metric.getSessionHash(), 1, Integer::sum);
                }
            }
            assertEquals(Map.of("s0", 40, "s1", 40, "s2", 40), perSession);
            Session first = chunks.get(0).sessions().get(0);
            assertEquals("main", first.getPipeline());
            assertEquals("7", first.getBuild());
        }
    }

    @Test
    void keepsSessionsWithoutMetricsAndSetsAsideMetricsWithoutSession() throws Exception {
        Path file = write("odd.pymon", SCHEMA, 2, 0, Map.of());
        try (Connection db = connect(file); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO TEST_METRICS VALUES ('ghost', 'ctx', '2026-11-21T10:15:02', 'p', 'i', 'i', 'f',"
                    + " 'function', '', 1.0, 0.5, 0.1, 0.6, 12.0)");
        }
        try (PymonFile pymon = PymonFile.open(file, TENANT)) {
            var chunks = new ArrayList<PymonFile.Chunk>();
            pymon.chunks(1000, chunks::add);
            assertEquals(1, chunks.size());
            assertEquals(2, chunks.get(0).sessions().size());
            assertEquals(0, chunks.get(0).metrics().size());
            assertEquals(1, pymon.orphanMetrics());
        }
    }

    @Test
    void refusesBytesThatAreNotSqlite() throws Exception {
        Path file = Files.writeString(dir.resolve("text.pymon"), "SESSION_H,RUN_DATE\nabc,2026-11-21\n");
        assertMessage(file, "not a SQLite database");
    }

    @Test
    void refusesATruncatedCopy() throws Exception {
        byte[] whole = Files.readAllBytes(write("whole.pymon", SCHEMA, 4, 500, Map.of()));
        assertTrue(whole.length > 8 * 4096, "big enough to cut: " + whole.length);
        assertMessage(Files.write(dir.resolve("cut.pymon"), Arrays.copyOf(whole, whole.length / 2 + 123)),
                "truncated or corrupt: the file has");
        // Cut at a page boundary: still shorter than its header says.
        assertMessage(Files.write(dir.resolve("paged.pymon"), Arrays.copyOf(whole, 4 * 4096)),
                "truncated or corrupt: the file has 16384 bytes, its header says");
        assertMessage(Files.write(dir.resolve("header.pymon"), Arrays.copyOf(whole, 40)),
                "truncated or corrupt: 40 bytes");
    }

    @Test
    void refusesACorruptPage() throws Exception {
        byte[] bytes = Files.readAllBytes(write("whole.pymon", SCHEMA, 4, 500, Map.of()));
        // Page 3 onwards hold the tables' b-trees: overwrite one in the middle with garbage.
        Arrays.fill(bytes, bytes.length / 2 - bytes.length / 2 % 4096, bytes.length / 2 - bytes.length / 2 % 4096
                + 4096, (byte) 0x5a);
        assertMessage(Files.write(dir.resolve("corrupt.pymon"), bytes), "truncated or corrupt");
    }

    @Test
    void refusesAFileWithoutTestMetrics() throws Exception {
        assertMessage(write("two.pymon", SCHEMA.subList(0, 2), 1, 0, Map.of()),
                "not a pytest-monitor file: missing table TEST_METRICS");
    }

    @Test
    void refusesATableWithoutAColumn() throws Exception {
        var schema = new ArrayList<>(SCHEMA);
        schema.set(0, "CREATE TABLE TEST_SESSIONS(SESSION_H varchar(64) primary key, RUN_DATE varchar(64),"
                + " RUN_DESCRIPTION json)");
        Path file = dir.resolve("columns.pymon");
        try (Connection db = connect(file); Statement sql = db.createStatement()) {
            for (String ddl : schema) {
                sql.execute(ddl);
            }
        }
        assertMessage(file, "not a pytest-monitor file: table TEST_SESSIONS lacks column SCM_ID");
    }

    @Test
    void namesTheRowAndColumnThatDoesNotConvert() throws Exception {
        assertMessage(write("date.pymon", SCHEMA, 1, 30, Map.of(17, "ITEM_START_TIME = 'yesterday'")),
                "row 17 of TEST_METRICS: ITEM_START_TIME is not ISO 8601: \"yesterday\"");
        assertMessage(write("number.pymon", SCHEMA, 1, 30, Map.of(3, "MEM_USAGE = 'lots'")),
                "row 3 of TEST_METRICS: MEM_USAGE is not a number");
        assertMessage(write("hash.pymon", SCHEMA, 1, 30, Map.of(5, "ENV_H = 'has space'")),
                "row 5 of TEST_METRICS: context_h must be");
    }

    @Test
    void namesABadSessionRow() throws Exception {
        Path file = write("session.pymon", SCHEMA, 2, 1, Map.of());
        try (Connection db = connect(file); Statement sql = db.createStatement()) {
            sql.execute("UPDATE TEST_SESSIONS SET RUN_DESCRIPTION = '[1, 2]' WHERE SESSION_H = 's1'");
        }
        assertMessage(file, "row 2 of TEST_SESSIONS: RUN_DESCRIPTION is not a JSON object of tags");
    }

    private void assertMessage(Path file, String start) {
        var e = assertThrows(InvalidPymonFileException.class, () -> PymonFile.open(file, TENANT).close());
        assertTrue(e.getMessage().startsWith(start), () -> "expected \"" + start + "...\", got: " + e.getMessage());
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /**
     * A file of {@code schema} with one context, {@code sessions} sessions ({@code s0}...) of {@code perSession}
     * metrics each; {@code breaks} sets columns of the metric of that 1-based row to bad values.
     */
    private Path write(String name, List<String> schema, int sessions, int perSession, Map<Integer, String> breaks)
            throws SQLException {
        Path file = dir.resolve(name);
        try (Connection db = connect(file); Statement sql = db.createStatement()) {
            for (String ddl : schema) {
                sql.execute(ddl);
            }
            db.setAutoCommit(false);
            sql.execute("INSERT INTO EXECUTION_CONTEXTS VALUES ('ctx', 8, 2000, 'x86_64', 'GenuineIntel', 16000,"
                    + " 'node', 'x86_64', '64bit', 'Linux - 6.1', '3.11.2')");
            for (int s = 0; s < sessions; s++) {
                sql.execute("INSERT INTO TEST_SESSIONS VALUES ('s" + s + "', '2026-11-21T10:15:0" + s + ".123456', 'abc',"
                        + " '{\"pipeline_branch\": \"main\", \"pipeline_build_no\": \"7\", \"description\": \"run " + s
                        + "\"}')");
            }
            if (schema.size() == 3) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO TEST_METRICS VALUES (?, 'ctx',"
                        + " '2026-11-21T10:15:02.5', ?, ?, ?, 'tests/test_x.py', 'function', 'core', 1.5, 1.0, 0.2,"
                        + " 0.8, 42.0)")) {
                    for (int s = 0; s < sessions; s++) {
                        for (int m = 0; m < perSession; m++) {
                            insert.setString(1, "s" + s);
                            insert.setString(2, "tests.test_x");
                            insert.setString(3, "test_" + m);
                            insert.setString(4, "test_" + m + "[" + s + "]");
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
                for (Map.Entry<Integer, String> bad : breaks.entrySet()) {
                    sql.execute("UPDATE TEST_METRICS SET " + bad.getValue() + " WHERE rowid = " + bad.getKey());
                }
            }
            db.commit();
        }
        return file;
    }
}
