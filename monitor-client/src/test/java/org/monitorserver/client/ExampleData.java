package org.monitorserver.client;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The example data of docs/api.md (two contexts, three sessions, nine metrics), written as a {@code .pymon} with
 * pytest-monitor's exact schema, so that local answers can be checked against the server answers documented there.
 */
final class ExampleData {

    static final String S1 = "3e1f0a5c7b2d49e8";
    static final String S2 = "3e7a9c1d5f0b2e46";
    static final String S3 = "b04c2e8f1a6d3975";
    static final String C1 = "5f1d7a3b9c2e4f60a8b7c6d5e4f3a2b1";
    static final String C2 = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d";

    /** pytest-monitor's DDL, as its {@code DBHandler} creates the file. */
    static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS TEST_SESSIONS(SESSION_H varchar(64) primary key not null unique,"
                    + " RUN_DATE varchar(64), SCM_ID varchar(128), RUN_DESCRIPTION json)",
            "CREATE TABLE IF NOT EXISTS EXECUTION_CONTEXTS (ENV_H varchar(64) primary key not null unique,"
                    + " CPU_COUNT integer, CPU_FREQUENCY_MHZ integer, CPU_TYPE varchar(64), CPU_VENDOR varchar(256),"
                    + " RAM_TOTAL_MB integer, MACHINE_NODE varchar(512), MACHINE_TYPE varchar(32),"
                    + " MACHINE_ARCH varchar(16), SYSTEM_INFO varchar(256), PYTHON_INFO varchar(512))",
            "CREATE TABLE IF NOT EXISTS TEST_METRICS (SESSION_H varchar(64), ENV_H varchar(64),"
                    + " ITEM_START_TIME varchar(64), ITEM_PATH varchar(4096), ITEM varchar(2048),"
                    + " ITEM_VARIANT varchar(2048), ITEM_FS_LOC varchar(2048), KIND varchar(64),"
                    + " COMPONENT varchar(512), TOTAL_TIME float, USER_TIME float, KERNEL_TIME float,"
                    + " CPU_USAGE float, MEM_USAGE float,"
                    + " FOREIGN KEY (ENV_H) REFERENCES EXECUTION_CONTEXTS(ENV_H),"
                    + " FOREIGN KEY (SESSION_H) REFERENCES TEST_SESSIONS(SESSION_H))");

    static final List<List<Object>> CONTEXTS = List.of(
            List.of(C1, 8, 2000, "x86_64", "GenuineIntel", 16000, "ci-runner-1", "x86_64", "64bit", "Linux - 6.1.0",
                    "3.11.4"),
            java.util.Arrays.asList(C2, 10, 3228, "arm", null, 32768, "dev-laptop", "arm64", "64bit",
                    "Darwin - 24.1.0", "3.12.7"));

    static final List<List<Object>> SESSIONS = List.of(
            List.of(S1, "2026-11-21T10:15:02.123456", "9e1c2f0a4d",
                    "{\"pipeline_branch\": \"main\", \"pipeline_build_no\": 412, \"__ci__\": \"gitlabci\"}"),
            List.of(S2, "2026-11-21T14:02:40", "9e1c2f0a4d",
                    "{\"pipeline_branch\": \"main\", \"pipeline_build_no\": \"413\", \"__ci__\": \"gitlabci\"}"),
            List.of(S3, "2026-11-22T09:00:00.000000", "4b7d01e3c8",
                    "{\"pipeline_branch\": \"release-2.1\", \"pipeline_build_no\": 7, \"__ci__\": \"gitlabci\","
                            + " \"python\": \"3.12\"}"));

    static final List<List<Object>> METRICS = List.of(
            metric(S1, C1, "2026-11-21T10:15:03.500000", "tests.test_api", "test_login", "test_login[admin]",
                    "tests/test_api.py", "function", "api", 0.52, 0.31, 0.04, 0.673, 41.2),
            metric(S1, C1, "2026-11-21T10:15:04.100000", "tests.test_api", "test_login", "test_login[guest]",
                    "tests/test_api.py", "function", "api", 0.47, 0.29, 0.03, 0.68, 40.9),
            metric(S1, C1, "2026-11-21T10:15:03.400000", "tests.test_api", "tests.test_api", "",
                    "tests/test_api.py", "module", "api", 1.12, 0.66, 0.08, 0.66, 43.5),
            metric(S1, C1, "2026-11-21T10:15:05", "tests.test_store", "test_put_blob", "test_put_blob[1kB]",
                    "tests/test_store.py", "function", "storage", 0.08, 0.05, 0.01, 0.75, 38.0),
            metric(S1, C1, "2026-11-21T10:15:05.200000", "tests.test_store", "test_put_blob", "test_put_blob[1MB]",
                    "tests/test_store.py", "function", "storage", 2.31, 1.2, 0.35, 0.671, 212.6),
            metric(S2, C1, "2026-11-21T14:02:41", "tests.test_utils", "test_parse_size", "test_parse_size[10%]",
                    "tests/test_utils.py", "function", "", 0.01, 0.01, 0.0, 0.98, 36.1),
            metric(S2, C1, "2026-11-21T14:02:42", "tests.test_api", "test_login", "test_login[admin]",
                    "tests/test_api.py", "function", "api", 0.5, 0.3, 0.045, 0.69, 41.2),
            metric(S3, C2, "2026-11-22T09:00:01", "tests.test_store", "test_put_blob", "test_put_blob[1MB]",
                    "tests/test_store.py", "function", "storage", 1.87, 1.02, 0.21, 0.7, 205.3),
            metric(S3, C2, "2026-11-22 09:00:02", "tests.test_utils", "tests.test_utils", "",
                    "tests/test_utils.py", "module", null, 0.05, 0.03, 0.0, 0.66, 35.8));

    private ExampleData() {
    }

    /** Writes the example data to a new file {@code file}. */
    static Path write(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
            }
            insert(connection, "INSERT INTO EXECUTION_CONTEXTS VALUES (?,?,?,?,?,?,?,?,?,?,?)", CONTEXTS);
            insert(connection, "INSERT INTO TEST_SESSIONS VALUES (?,?,?,?)", SESSIONS);
            insert(connection, "INSERT INTO TEST_METRICS VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", METRICS);
        }
        return file;
    }

    private static void insert(Connection connection, String sql, List<List<Object>> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    statement.setObject(i + 1, row.get(i));
                }
                statement.executeUpdate();
            }
        }
    }

    private static List<Object> metric(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
