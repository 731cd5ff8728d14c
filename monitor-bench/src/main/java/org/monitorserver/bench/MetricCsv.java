package org.monitorserver.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.monitorserver.api.MetricJson;

/**
 * The data set's metrics as a CSV for {@code COPY}: the columns of table {@code metric} (V1's, unchanged since),
 * in that order, one row per metric in the bulk load's order, with ids 1 to N of its own (the copies it goes
 * into are empty). Fields are quoted only where CSV needs it.
 */
final class MetricCsv {

    /** Table {@code metric}'s columns, as {@code \copy} lists them. */
    static final List<String> COLUMNS = List.of("id", "tenant_id", "session_h", "context_h", "item_start_time",
            "item_path", "item", "item_variant", "item_fs_loc", "kind", "component", "total_time", "user_time",
            "kernel_time", "cpu_usage", "mem_usage");

    private MetricCsv() {
    }

    /** Writes every metric of {@code data} in tenant {@code tenantId} to {@code file}; answers the rows written. */
    static long write(DataSet data, long tenantId, Path file) throws IOException {
        long id = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int s = 0; s < data.sessions().size(); s++) {
                for (MetricJson metric : data.metrics(s)) {
                    out.write(row(++id, tenantId, metric));
                    out.write('\n');
                }
            }
        }
        return id;
    }

    /** One row, without its line end; doubles in Java's shortest round-trip form, which PostgreSQL reads. */
    static String row(long id, long tenantId, MetricJson m) {
        return String.join(",", String.valueOf(id), String.valueOf(tenantId), field(m.sessionH()),
                field(m.contextH()), field(m.itemStartTime()), field(m.itemPath()), field(m.item()),
                field(m.itemVariant()), field(m.itemFsLoc()), field(m.kind()), field(m.component()),
                String.valueOf(m.totalTime()), String.valueOf(m.userTime()), String.valueOf(m.kernelTime()),
                String.valueOf(m.cpuUsage()), String.valueOf(m.memUsage()));
    }

    /**
     * A text field: quoted, with its quotes doubled, when it holds a comma, a quote or a line break, and when it is
     * empty (an unquoted empty field is NULL to {@code COPY}, and every column is NOT NULL).
     */
    static String field(String text) {
        if (text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
