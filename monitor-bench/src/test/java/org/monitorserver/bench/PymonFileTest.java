package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

/** A written {@code .pymon} read back through SQLite JDBC: pytest-monitor's tables, columns, types and the rows. */
class PymonFileTest {

    @TempDir
    Path folder;

    private final ContextJson context = new ContextJson("c1", "c1", 8, 2893.6, "x86_64", null, 16384, "node-1",
            "x86_64", "64bit", "Linux - 6.1", "3.11.7");
    private final SessionJson session = new SessionJson("s1", "2026-06-01T00:00:00.000000", "4914d195",
            List.of(TagJson.of("pipeline_branch", "main"), TagJson.of("pipeline_build_no", "7")));
    private final MetricJson first = new MetricJson("s1", "c1", "2026-06-01T00:00:00.001000", "tests.a", "test_a",
            "test_a[1]", "tests/a.py", "function", "billing", 0.5, 0.25, 0.125, 0.75, 12.5);
    private final MetricJson second = new MetricJson("s1", "c1", "2026-06-01T00:00:00.002000", "tests.a", "test_b",
            "", "tests/a.py", "module", "", 1.5, 1.0, 0.25, 0.8333, 40.0);

    @Test
    void holdsPytestMonitorsThreeTablesWithTheirColumnsAndTypes() throws Exception {
        Path file = folder.resolve("small.pymon");
        PymonFile.write(file, List.of(context), List.of(session), List.of(first, second));

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of("EXECUTION_CONTEXTS", "TEST_METRICS", "TEST_SESSIONS"),
                    column(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", 1));
            assertEquals(List.of("SESSION_H varchar(64) pk", "RUN_DATE varchar(64)", "SCM_ID varchar(128)",
                    "RUN_DESCRIPTION json"), columns(db, "TEST_SESSIONS"));
            assertEquals(List.of("ENV_H varchar(64) pk", "CPU_COUNT integer", "CPU_FREQUENCY_MHZ integer",
                    "CPU_TYPE varchar(64)", "CPU_VENDOR varchar(256)", "RAM_TOTAL_MB integer",
                    "MACHINE_NODE varchar(512)", "MACHINE_TYPE varchar(32)", "MACHINE_ARCH varchar(16)",
                    "SYSTEM_INFO varchar(256)", "PYTHON_INFO varchar(512)"), columns(db, "EXECUTION_CONTEXTS"));
            // No primary key: pytest-monitor writes a row per test run, repeats included.
            assertEquals(List.of("SESSION_H varchar(64)", "ENV_H varchar(64)", "ITEM_START_TIME varchar(64)",
                    "ITEM_PATH varchar(4096)", "ITEM varchar(2048)", "ITEM_VARIANT varchar(2048)",
                    "ITEM_FS_LOC varchar(2048)", "KIND varchar(64)", "COMPONENT varchar(512)", "TOTAL_TIME float",
                    "USER_TIME float", "KERNEL_TIME float", "CPU_USAGE float", "MEM_USAGE float"),
                    columns(db, "TEST_METRICS"));
        }
    }

    @Test
    void holdsTheRowsAsPytestMonitorStoresThem() throws Exception {
        Path file = folder.resolve("rows.pymon");
        PymonFile.write(file, List.of(context), List.of(session), List.of(first, second));

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of("c1|8|2894|x86_64|null|16384|node-1|x86_64|64bit|Linux - 6.1|3.11.7"),
                    rows(db, "SELECT * FROM EXECUTION_CONTEXTS"));
            assertEquals(List.of("s1|2026-06-01T00:00:00.000000|4914d195|"
                    + "{\"pipeline_branch\":\"main\",\"pipeline_build_no\":\"7\"}"),
                    rows(db, "SELECT * FROM TEST_SESSIONS"));
            assertEquals(List.of(
                    "s1|c1|2026-06-01T00:00:00.001000|tests.a|test_a|test_a[1]|tests/a.py|function|billing|0.5|0.25"
                            + "|0.125|0.75|12.5",
                    "s1|c1|2026-06-01T00:00:00.002000|tests.a|test_b||tests/a.py|module||1.5|1.0|0.25|0.8333|40.0"),
                    rows(db, "SELECT * FROM TEST_METRICS ORDER BY ITEM_START_TIME"));
            // Stored as SQLite's REAL and INTEGER, not as text.
            assertEquals(List.of("real", "real", "integer"),
                    column(db, "SELECT typeof(TOTAL_TIME) FROM TEST_METRICS UNION ALL "
                            + "SELECT typeof(CPU_FREQUENCY_MHZ) FROM EXECUTION_CONTEXTS", 1));
        }
    }

    @Test
    void writingAgainReplacesTheFile() throws Exception {
        Path file = folder.resolve("again.pymon");
        PymonFile.write(file, List.of(context), List.of(session), List.of(first, second));
        PymonFile.write(file, List.of(context), List.of(session), List.of(second));

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of("1"), column(db, "SELECT COUNT(*) FROM TEST_METRICS", 1));
        }
    }

    /** Each column of {@code table} as "NAME type" (type in lower case), with " pk" for the primary key. */
    private static List<String> columns(Connection db, String table) throws SQLException {
        var columns = new ArrayList<String>();
        try (Statement sql = db.createStatement(); ResultSet info = sql.executeQuery("PRAGMA table_info(" + table
                + ")")) {
            while (info.next()) {
                // SQLite spells the declared types its own way (INTEGER for integer): compare them case-blind.
                columns.add(info.getString("name") + " " + info.getString("type").toLowerCase(Locale.ROOT)
                        + (info.getInt("pk") > 0 ? " pk" : ""));
            }
        }
        return columns;
    }

    private static List<String> column(Connection db, String query, int index) throws SQLException {
        var values = new ArrayList<String>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(index));
            }
        }
        return values;
    }

    /** Each row as its values joined by '|', SQL NULL as "null". */
    private static List<String> rows(Connection db, String query) throws SQLException {
        var rows = new ArrayList<String>();
        try (Statement sql = db.createStatement(); ResultSet result = sql.executeQuery(query)) {
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                var values = new ArrayList<String>();
                for (int i = 1; i <= width; i++) {
                    values.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
