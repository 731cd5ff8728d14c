package org.monitorserver.persistence.metric;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.persistence.Dialect;
import org.monitorserver.persistence.figures.MaintainedFigures;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Inserts rows of table {@code metric} by JDBC, on the caller's connection and in its transaction: multi-row
 * {@code INSERT}s, so that a group commit's batch is one statement, and {@code COPY} for bulk loads on
 * PostgreSQL. Metrics are
 * append-only and need no entity state, so the entity manager would only add work. Ids come from
 * {@code metric_seq} in blocks of {@value #IDS_PER_BLOCK}, as the entity's generator takes them ({@code nextval}
 * returns a block's last id), so that every writer, on every server, draws from the same sequence.
 */
@ApplicationScoped
public class MetricRows {

    /** The sequence's increment (V1) and the entity's {@code allocationSize}. */
    static final int IDS_PER_BLOCK = 100;

    /** Rows per statement: 16 parameters each, well under any driver's limit. */
    private static final int ROWS_PER_STATEMENT = 100;

    private static final String COLUMNS = "INSERT INTO metric (id, tenant_id, session_h, context_h, item_start_time,"
            + " item_path, item, item_variant, item_fs_loc, kind, component, total_time, user_time, kernel_time,"
            + " cpu_usage, mem_usage) VALUES ";

    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    MaintainedFigures figures;

    /** The next free id of this server's block, and the block's end (exclusive). */
    private long nextId;
    private long blockEnd;

    /** Gives each of {@code metrics} its id and inserts them. */
    public void insert(Connection connection, List<Metric> metrics) throws SQLException {
        assignIds(connection, metrics);
        insertAssigned(connection, metrics);
    }

    /**
     * Same, for many rows: on PostgreSQL one {@code COPY} whose CSV is encoded row by row into the driver's
     * stream, which takes rows several times faster than inserts; on H2, inserts.
     */
    public void load(Connection connection, List<Metric> metrics) throws SQLException {
        assignIds(connection, metrics);
        if (figures.dialect() != Dialect.POSTGRESQL || metrics.size() < COPY_FROM) {
            insertAssigned(connection, metrics);
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            var csv = new StringBuilder(64 * 1024);
            for (Metric metric : metrics) {
                appendCsv(csv, metric);
                if (csv.length() > 60 * 1024) {
                    write(copy, csv);
                }
            }
            write(copy, csv);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Below this many rows an insert costs less than setting up a COPY. */
    private static final int COPY_FROM = 200;

    private static final String COPY = "COPY metric (id, tenant_id, session_h, context_h, item_start_time, item_path,"
            + " item, item_variant, item_fs_loc, kind, component, total_time, user_time, kernel_time, cpu_usage,"
            + " mem_usage) FROM STDIN WITH (FORMAT csv)";

    private static void write(CopyIn copy, StringBuilder csv) throws SQLException {
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        csv.setLength(0);
    }

    /**
     * One metric as a CSV line in the column order of {@link #COPY}: text quoted (quotes doubled), so that no
     * text is read as NULL; numbers as Java prints them, which PostgreSQL reads back to the same double.
     */
    static void appendCsv(StringBuilder csv, Metric metric) {
        var item = metric.getItem();
        var usage = metric.getUsage();
        csv.append(metric.getId()).append(',').append(metric.getTenantId()).append(',');
        quoted(csv, metric.getSessionHash());
        quoted(csv, metric.getContextHash());
        csv.append(metric.getItemStartTime()).append(',');
        quoted(csv, item.getPath());
        quoted(csv, item.getName());
        quoted(csv, item.getVariant());
        quoted(csv, item.getFsLocation());
        quoted(csv, item.getKind());
        quoted(csv, item.getComponent());
        csv.append(usage.getTotalTime()).append(',').append(usage.getUserTime()).append(',')
                .append(usage.getKernelTime()).append(',').append(usage.getCpuUsage()).append(',')
                .append(usage.getMemUsage()).append('\n');
    }

    private static void quoted(StringBuilder csv, String text) {
        csv.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append("\",");
    }

    private void insertAssigned(Connection connection, List<Metric> metrics) throws SQLException {
        for (int from = 0; from < metrics.size(); from += ROWS_PER_STATEMENT) {
            List<Metric> part = metrics.subList(from, Math.min(metrics.size(), from + ROWS_PER_STATEMENT));
            var sql = new StringBuilder(COLUMNS.length() + part.size() * (ROW.length() + 2)).append(COLUMNS);
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(ROW);
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (Metric metric : part) {
                    var item = metric.getItem();
                    var usage = metric.getUsage();
                    insert.setLong(p++, metric.getId());
                    insert.setLong(p++, metric.getTenantId());
                    insert.setString(p++, metric.getSessionHash());
                    insert.setString(p++, metric.getContextHash());
                    insert.setObject(p++, metric.getItemStartTime());
                    insert.setString(p++, item.getPath());
                    insert.setString(p++, item.getName());
                    insert.setString(p++, item.getVariant());
                    insert.setString(p++, item.getFsLocation());
                    insert.setString(p++, item.getKind());
                    insert.setString(p++, item.getComponent());
                    insert.setDouble(p++, usage.getTotalTime());
                    insert.setDouble(p++, usage.getUserTime());
                    insert.setDouble(p++, usage.getKernelTime());
                    insert.setDouble(p++, usage.getCpuUsage());
                    insert.setDouble(p++, usage.getMemUsage());
                }
                insert.executeUpdate();
            }
        }
    }

    /**
     * Ids in arrival order for those of {@code metrics} that have none, from this server's block, drawing new
     * blocks as needed. A metric written again after its transaction failed keeps the id it had: no row has it.
     */
    private synchronized void assignIds(Connection connection, List<Metric> metrics) throws SQLException {
        for (Metric metric : metrics) {
            if (metric.getId() != null) {
                continue;
            }
            if (nextId == blockEnd) {
                long last = drawBlock(connection);
                nextId = last - IDS_PER_BLOCK + 1;
                blockEnd = last + 1;
            }
            metric.assignId(nextId++);
        }
    }

    private long drawBlock(Connection connection) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(figures.dialect().nextValue("metric_seq"));
                ResultSet value = next.executeQuery()) {
            value.next();
            return value.getLong(1);
        }
    }
}
