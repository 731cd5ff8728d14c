package org.monitorserver.bench;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

/**
 * Writes a {@code .pymon} file: the SQLite database pytest-monitor keeps locally, with its three tables as
 * {@code ../shared/reference/clients.md} describes them ({@code TEST_SESSIONS}, {@code EXECUTION_CONTEXTS},
 * {@code TEST_METRICS}, the last without a primary key), so that the server's import reads what users upload.
 */
final class PymonFile {

    /** The tables in pytest-monitor's column names and declared types. */
    static final List<String> SCHEMA = List.of(
            "CREATE TABLE TEST_SESSIONS (SESSION_H varchar(64) PRIMARY KEY NOT NULL, RUN_DATE varchar(64), "
                    + "SCM_ID varchar(128), RUN_DESCRIPTION json)",
            "CREATE TABLE EXECUTION_CONTEXTS (ENV_H varchar(64) PRIMARY KEY NOT NULL, CPU_COUNT integer, "
                    + "CPU_FREQUENCY_MHZ integer, CPU_TYPE varchar(64), CPU_VENDOR varchar(256), RAM_TOTAL_MB integer, "
                    + "MACHINE_NODE varchar(512), MACHINE_TYPE varchar(32), MACHINE_ARCH varchar(16), "
                    + "SYSTEM_INFO varchar(256), PYTHON_INFO varchar(512))",
            "CREATE TABLE TEST_METRICS (SESSION_H varchar(64), ENV_H varchar(64), ITEM_START_TIME varchar(64), "
                    + "ITEM_PATH varchar(4096), ITEM varchar(2048), ITEM_VARIANT varchar(2048), "
                    + "ITEM_FS_LOC varchar(2048), KIND varchar(64), COMPONENT varchar(512), TOTAL_TIME float, "
                    + "USER_TIME float, KERNEL_TIME float, CPU_USAGE float, MEM_USAGE float)");

    /** Rows per JDBC batch: large enough that the batches, not the round trips, take the time. */
    private static final int BATCH = 5_000;

    private static final Jsonb JSONB = JsonbBuilder.create();

    private PymonFile() {
    }

    /** Writes the rows into a new file {@code file} (replacing one that exists), in one transaction. */
    static void write(Path file, List<ContextJson> contexts, List<SessionJson> sessions, List<MetricJson> metrics)
            throws IOException {
        Files.deleteIfExists(file);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            db.setAutoCommit(false);
            try (Statement ddl = db.createStatement()) {
                for (String table : SCHEMA) {
                    ddl.execute(table);
                }
            }
            writeContexts(db, contexts);
            writeSessions(db, sessions);
            writeMetrics(db, metrics);
            db.commit();
        } catch (SQLException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeContexts(Connection db, List<ContextJson> contexts) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO EXECUTION_CONTEXTS VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ContextJson context : contexts) {
                insert.setString(1, context.h());
                insert.setInt(2, context.cpuCount());
                // pytest-monitor declares the frequency an integer of MHz.
                insert.setLong(3, Math.round(context.cpuFrequency()));
                insert.setString(4, context.cpuType());
                insert.setString(5, context.cpuVendor());
                insert.setLong(6, context.ramTotal());
                insert.setString(7, context.machineNode());
                insert.setString(8, context.machineType());
                insert.setString(9, context.machineArch());
                insert.setString(10, context.systemInfo());
                insert.setString(11, context.pythonInfo());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeSessions(Connection db, List<SessionJson> sessions) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO TEST_SESSIONS VALUES (?, ?, ?, ?)")) {
            for (SessionJson session : sessions) {
                insert.setString(1, session.sessionH());
                insert.setString(2, session.runDate());
                insert.setString(3, session.scmRef());
                insert.setString(4, description(session.tags()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeMetrics(Connection db, List<MetricJson> metrics) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO TEST_METRICS VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (MetricJson metric : metrics) {
                insert.setString(1, metric.sessionH());
                insert.setString(2, metric.contextH());
                insert.setString(3, metric.itemStartTime());
                insert.setString(4, metric.itemPath());
                insert.setString(5, metric.item());
                insert.setString(6, metric.itemVariant());
                insert.setString(7, metric.itemFsLoc());
                insert.setString(8, metric.kind());
                insert.setString(9, metric.component());
                insert.setDouble(10, metric.totalTime());
                insert.setDouble(11, metric.userTime());
                insert.setDouble(12, metric.kernelTime());
                insert.setDouble(13, metric.cpuUsage());
                insert.setDouble(14, metric.memUsage());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
    }

    /** {@code RUN_DESCRIPTION}: the tags as one JSON object, as pytest-monitor stores its description. */
    static String description(List<TagJson> tags) {
        var object = new LinkedHashMap<String, String>();
        tags.forEach(tag -> object.put(tag.key(), tag.value()));
        return JSONB.toJson(object);
    }
}
