package org.monitorserver.persistence.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.monitorserver.domain.run.CsvSample;
import org.monitorserver.domain.run.InvalidRunDataException;
import org.monitorserver.domain.run.RunStatistics;
import org.monitorserver.domain.run.SampleColumn;
import org.monitorserver.domain.run.TrackerCsvReader;
import org.monitorserver.persistence.Dialect;
import org.monitorserver.persistence.figures.MaintainedFigures;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The samples of runs in table {@code run_sample}, by JDBC on the caller's connection and in its transaction:
 * rows are append-only and many (a day at one per second is 86,400), so the entity manager would only add work.
 * Writing parses the CSV as it streams in and writes each row at once ({@code COPY} on PostgreSQL, batched
 * inserts on H2): a bad row anywhere throws, and the caller's rollback removes what was written before it.
 */
@ApplicationScoped
public class RunSamples {

    /** Rows per {@code executeBatch} on H2. */
    private static final int BATCH = 500;

    private static final String COLUMNS = "run_id, seq, "
            + SampleColumn.KNOWN.stream().map(name -> SampleColumn.sqlName(SampleColumn.indexOf(name)))
                    .collect(Collectors.joining(", "))
            + ", extra";

    private static final String COPY = "COPY run_sample (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)";

    private static final String INSERT = "INSERT INTO run_sample (" + COLUMNS + ") VALUES ("
            + "?, ".repeat(SampleColumn.KNOWN.size() + 2) + "?)";

    private static final String SELECT = "SELECT " + COLUMNS.substring("run_id, seq, ".length())
            + " FROM run_sample WHERE run_id = ? ORDER BY seq";

    private static final String DELETE = "DELETE FROM run_sample WHERE run_id = ?";

    @Inject
    MaintainedFigures figures;

    /**
     * Stores the samples of {@code chunks} for run {@code runId}, replacing any it had, and computes their
     * statistics. Every chunk must repeat the first one's header.
     *
     * @throws RefusedRunDataException for a malformed text, naming the chunk, line and column
     * @throws IOException when a chunk cannot be read
     */
    public StoredSamples store(Connection connection, long runId, SampleChunks chunks) throws SQLException,
            IOException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
        try (RowWriter writer = figures.dialect() == Dialect.POSTGRESQL ? new CopyWriter(connection, runId)
                : new InsertWriter(connection, runId)) {
            List<String> header = null;
            RunStatistics statistics = null;
            int seq = 0;
            for (int chunk = 0; chunk < chunks.count(); chunk++) {
                try (Reader text = chunks.open(chunk);
                        TrackerCsvReader csv = new TrackerCsvReader(text, chunks.source(chunk))) {
                    if (header == null) {
                        header = csv.header();
                        statistics = new RunStatistics(header);
                    } else if (!header.equals(csv.header())) {
                        throw new RefusedRunDataException(chunks.source(chunk) + " has another header than "
                                + chunks.source(0) + ": every chunk of a run repeats the same header line");
                    }
                    for (CsvSample sample = csv.next(); sample != null; sample = csv.next()) {
                        statistics.accept(sample);
                        writer.write(seq++, sample);
                    }
                } catch (InvalidRunDataException e) {
                    throw new RefusedRunDataException(e.getMessage());
                } catch (UncheckedIOException e) {
                    // A chunk cut off mid-stream, or gzip that breaks after its header.
                    throw new ChunkUnavailableException(chunks.source(chunk) + " could not be read: "
                            + e.getCause().getMessage());
                }
            }
            writer.finish();
            return new StoredSamples(seq, header == null ? List.of() : header,
                    (statistics == null ? new RunStatistics(List.of()) : statistics).result());
        }
    }

    /** Streams the samples of run {@code runId} to {@code sink}, in their order. */
    public void read(Connection connection, long runId, SampleSink sink) throws SQLException, IOException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setLong(1, runId);
            // Within a transaction, PostgreSQL's driver fetches in rounds of this size instead of all at once.
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                int known = SampleColumn.KNOWN.size();
                while (rows.next()) {
                    double[] values = new double[known];
                    for (int i = 0; i < known; i++) {
                        double value = rows.getDouble(i + 1);
                        values[i] = rows.wasNull() ? Double.NaN : value;
                    }
                    String extra = rows.getString(known + 1);
                    sink.sample(values, extra == null ? Map.of() : textMembers(extra));
                }
            }
        }
    }

    /** The JSON text of {@code statistics} (or any map of numbers, nulls and maps). */
    public static String json(Map<String, ?> statistics) {
        return object(statistics).toString();
    }

    /** The JSON text of a list of names. */
    public static String json(List<String> names) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        names.forEach(array::add);
        return array.build().toString();
    }

    private static JsonObject object(Map<String, ?> map) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        map.forEach((name, value) -> {
            if (value == null) {
                object.addNull(name);
            } else if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> members = (Map<String, ?>) nested;
                object.add(name, object(members));
            } else if (value instanceof Long || value instanceof Integer) {
                object.add(name, ((Number) value).longValue());
            } else if (value instanceof Number number) {
                object.add(name, number.doubleValue());
            } else {
                object.add(name, value.toString());
            }
        });
        return object.build();
    }

    private static String extraJson(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        extra.forEach((name, value) -> {
            if (value == null) {
                object.addNull(name);
            } else {
                object.add(name, value);
            }
        });
        return object.build().toString();
    }

    private static Map<String, String> textMembers(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            Map<String, String> members = new LinkedHashMap<>();
            reader.readObject().forEach((name, value) -> members.put(name,
                    value.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) value).getString()
                            : null));
            return members;
        }
    }

    /** Writes sample rows of one run. */
    private interface RowWriter extends AutoCloseable {
        void write(int seq, CsvSample sample) throws SQLException;

        void finish() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** PostgreSQL: one {@code COPY}, its CSV encoded row by row into the driver's stream. */
    private static final class CopyWriter implements RowWriter {
        private final CopyIn copy;
        private final String runId;
        private final StringBuilder csv = new StringBuilder(64 * 1024);

        CopyWriter(Connection connection, long runId) throws SQLException {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            this.runId = Long.toString(runId);
        }

        @Override
        public void write(int seq, CsvSample sample) throws SQLException {
            csv.append(runId).append(',').append(seq);
            for (double value : sample.known()) {
                csv.append(',');
                if (!Double.isNaN(value)) {
                    csv.append(value); // Java's shortest repeatable form, which PostgreSQL reads back exactly
                }
            }
            csv.append(',');
            String extra = extraJson(sample.extra());
            if (extra != null) {
                csv.append('"').append(extra.replace("\"", "\"\"")).append('"');
            }
            csv.append('\n');
            if (csv.length() > 60 * 1024) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            csv.setLength(0);
        }

        @Override
        public void finish() throws SQLException {
            flush();
            copy.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** H2: batched inserts. */
    private static final class InsertWriter implements RowWriter {
        private final PreparedStatement insert;
        private final long runId;
        private int batched;

        InsertWriter(Connection connection, long runId) throws SQLException {
            this.insert = connection.prepareStatement(INSERT);
            this.runId = runId;
        }

        @Override
        public void write(int seq, CsvSample sample) throws SQLException {
            insert.setLong(1, runId);
            insert.setInt(2, seq);
            double[] known = sample.known();
            for (int i = 0; i < known.length; i++) {
                if (Double.isNaN(known[i])) {
                    insert.setNull(i + 3, Types.DOUBLE);
                } else {
                    insert.setDouble(i + 3, known[i]);
                }
            }
            insert.setString(known.length + 3, extraJson(sample.extra()));
            insert.addBatch();
            if (++batched == BATCH) {
                insert.executeBatch();
                batched = 0;
            }
        }

        @Override
        public void finish() throws SQLException {
            if (batched > 0) {
                insert.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            // The datasource caches prepared statements: a batch left in this one would run at its next use.
            try {
                insert.clearBatch();
            } finally {
                insert.close();
            }
        }
    }
}
