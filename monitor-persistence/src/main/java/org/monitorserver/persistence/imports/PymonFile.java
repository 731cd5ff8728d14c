package org.monitorserver.persistence.imports;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.context.ExecutionContext;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.metric.ResourceUsage;
import org.monitorserver.domain.metric.TestItem;
import org.monitorserver.domain.session.Description;
import org.monitorserver.domain.session.Session;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A {@code .pymon} file, the SQLite database pytest-monitor writes (TEST_SESSIONS, EXECUTION_CONTEXTS,
 * TEST_METRICS), read for one tenant. {@link #open} checks the whole file before anything is stored: the SQLite
 * header, that the file is as long as its header says, SQLite's {@code PRAGMA quick_check}, the three tables and
 * their columns, and that every row converts to a domain object (hashes, ISO 8601 dates as the REST API reads
 * them, numbers). Then {@link #contexts} and {@link #chunks} read it again, in chunks of whole sessions. The file
 * is opened read-only; it is not the application's database.
 */
public final class PymonFile implements AutoCloseable {

    /** The first 16 bytes of every SQLite 3 database. */
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** The length of the SQLite header. */
    private static final int HEADER = 100;

    static final String SESSIONS = "TEST_SESSIONS";
    static final String CONTEXTS = "EXECUTION_CONTEXTS";
    static final String METRICS = "TEST_METRICS";

    private static final List<String> SESSION_COLUMNS = List.of("SESSION_H", "RUN_DATE", "SCM_ID", "RUN_DESCRIPTION");
    private static final List<String> CONTEXT_COLUMNS = List.of("ENV_H", "CPU_COUNT", "CPU_FREQUENCY_MHZ", "CPU_TYPE",
            "CPU_VENDOR", "RAM_TOTAL_MB", "MACHINE_NODE", "MACHINE_TYPE", "MACHINE_ARCH", "SYSTEM_INFO",
            "PYTHON_INFO");
    private static final List<String> METRIC_COLUMNS = List.of("SESSION_H", "ENV_H", "ITEM_START_TIME", "ITEM_PATH",
            "ITEM", "ITEM_VARIANT", "ITEM_FS_LOC", "KIND", "COMPONENT", "TOTAL_TIME", "USER_TIME", "KERNEL_TIME",
            "CPU_USAGE", "MEM_USAGE");

    /** Each table and the columns read from it, in the order of the SELECTs below. */
    private static final Map<String, List<String>> SCHEMA = schema();

    private final Connection db;
    private final long tenant;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
    private long metrics;

    /** Sessions and metrics stored together: a session's metrics always come in the chunk of their session. */
    public record Chunk(List<Session> sessions, List<Metric> metrics) {
    }

    private PymonFile(Connection db, long tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    /**
     * Opens {@code file} for {@code tenant} and checks all of it.
     *
     * @throws InvalidPymonFileException saying what is wrong with the file
     * @throws SQLException when SQLite fails for another reason than the file's content
     */
    public static PymonFile open(Path file, long tenant) throws InvalidPymonFileException, SQLException, IOException {
        checkHeader(file);
        var config = new SQLiteConfig();
        config.setReadOnly(true);
        var source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Connection db = source.getConnection();
        var pymon = new PymonFile(db, tenant);
        try {
            pymon.checkIntegrity();
            pymon.checkSchema();
            pymon.checkRows();
            return pymon;
        } catch (InvalidPymonFileException | SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Rows in the file: sessions, contexts and metrics together. */
    public long rows() {
        return sessions.size() + contexts.size() + metrics;
    }

    /** The file's sessions. */
    public int sessionCount() {
        return sessions.size();
    }

    /** The file's metrics. */
    public long metricCount() {
        return metrics;
    }

    /** The file's contexts, as checked. */
    public List<ExecutionContext> contexts() {
        return List.copyOf(contexts.values());
    }

    /**
     * Reads the sessions with their metrics again, in file order, and hands them to {@code store} in chunks of whole sessions of
     * about {@code metricsPerChunk} metrics (a session with more is a chunk of its own). Metrics whose session is
     * not in TEST_SESSIONS are not handed out: without a stored session nothing would tell a second import of
     * the file that they are stored already; {@link #orphanMetrics} counts them.
     */
    public void chunks(int metricsPerChunk, Consumer<Chunk> store) throws SQLException {
        var pending = new LinkedHashSet<>(sessions.keySet());
        var chunkSessions = new ArrayList<Session>();
        var chunkMetrics = new ArrayList<Metric>();
        orphans = 0;
        try (Statement sql = db.createStatement();
                // Sessions in file order (their arrival order here, as if posted in that order), each with its
                // metrics in file order; metrics without a session last, grouped by hash.
                ResultSet rows = sql.executeQuery("SELECT " + SCHEMA.get(METRICS).stream().map(c -> "m." + c)
                        .collect(Collectors.joining(", ")) + " FROM " + METRICS + " m LEFT JOIN " + SESSIONS
                        + " s ON s.SESSION_H = m.SESSION_H ORDER BY s.rowid IS NULL, s.rowid, m.SESSION_H, m.rowid")) {
            String current = null;
            Session session = null;
            while (rows.next()) {
                Metric metric = metric(rows);
                if (!metric.getSessionHash().equals(current)) {
                    if (chunkMetrics.size() >= metricsPerChunk) {
                        store.accept(new Chunk(List.copyOf(chunkSessions), List.copyOf(chunkMetrics)));
                        chunkSessions.clear();
                        chunkMetrics.clear();
                    }
                    current = metric.getSessionHash();
                    session = sessions.get(current);
                    if (session != null) {
                        pending.remove(current);
                        chunkSessions.add(session);
                    }
                }
                if (session != null) {
                    chunkMetrics.add(metric);
                } else {
                    orphans++;
                }
            }
        } catch (InvalidPymonFileException e) {
            throw new IllegalStateException("the file changed after its check: " + e.getMessage(), e);
        }
        for (String hash : pending) {
            chunkSessions.add(sessions.get(hash));
        }
        if (!chunkSessions.isEmpty()) {
            store.accept(new Chunk(List.copyOf(chunkSessions), List.copyOf(chunkMetrics)));
        }
    }

    private long orphans;

    /** Metrics of the last {@link #chunks} pass whose session is not in the file. */
    public long orphanMetrics() {
        return orphans;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    /** The SQLite header: the magic string, and a file as long as the header says it is. */
    private static void checkHeader(Path file) throws InvalidPymonFileException, IOException {
        long length = Files.size(file);
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(HEADER);
        }
        if (header.length < MAGIC.length || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new InvalidPymonFileException("not a SQLite database: a .pymon file starts with \"SQLite format 3\"");
        }
        if (header.length < HEADER) {
            throw new InvalidPymonFileException("truncated or corrupt: " + length + " bytes, shorter than the "
                    + HEADER + "-byte SQLite header");
        }
        int pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
        long page = pageSize == 1 ? 65536 : pageSize;
        if (page < 512 || Long.bitCount(page) != 1) {
            throw new InvalidPymonFileException("truncated or corrupt: invalid page size " + page + " in the header");
        }
        long pages = readInt(header, 28);
        // The header's page count is valid only when written by the same change as the version number (SQLite's
        // file format, "in-header database size").
        boolean countValid = pages > 0 && readInt(header, 24) == readInt(header, 92);
        if (length % page != 0 || (countValid && length < pages * page)) {
            throw new InvalidPymonFileException("truncated or corrupt: the file has " + length + " bytes, "
                    + (countValid ? "its header says " + pages * page + " (" + pages + " pages of " + page + ")"
                            : "not a whole number of " + page + "-byte pages"));
        }
    }

    private static long readInt(byte[] bytes, int offset) {
        return ((long) (bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
    }

    private void checkIntegrity() throws InvalidPymonFileException {
        var problems = new ArrayList<String>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("PRAGMA quick_check(5)")) {
            while (rows.next()) {
                problems.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new InvalidPymonFileException("truncated or corrupt: " + e.getMessage());
        }
        if (!problems.equals(List.of("ok"))) {
            throw new InvalidPymonFileException("truncated or corrupt: " + String.join("; ", problems));
        }
    }

    /** The three tables (tables, not views: nothing of the file's own runs) with at least the columns read. */
    private void checkSchema() throws InvalidPymonFileException, SQLException {
        var tables = new HashMap<String, String>();
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                tables.put(rows.getString(1).toUpperCase(Locale.ROOT), rows.getString(1));
            }
        }
        for (Map.Entry<String, List<String>> table : SCHEMA.entrySet()) {
            if (!tables.containsKey(table.getKey())) {
                throw new InvalidPymonFileException("not a pytest-monitor file: missing table " + table.getKey());
            }
            var columns = new TreeSet<String>();
            try (PreparedStatement info = db.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                info.setString(1, tables.get(table.getKey()));
                try (ResultSet rows = info.executeQuery()) {
                    while (rows.next()) {
                        columns.add(rows.getString(1).toUpperCase(Locale.ROOT));
                    }
                }
            }
            var missing = new ArrayList<>(table.getValue());
            missing.removeAll(columns);
            if (!missing.isEmpty()) {
                throw new InvalidPymonFileException("not a pytest-monitor file: table " + table.getKey()
                        + " lacks column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
            }
        }
    }

    /** Converts every row once, in file order, keeping sessions and contexts (few) and counting metrics. */
    private void checkRows() throws InvalidPymonFileException, SQLException {
        forEachRow(CONTEXTS, rows -> {
            ExecutionContext context = context(rows);
            contexts.putIfAbsent(context.getHash(), context);
        });
        forEachRow(SESSIONS, rows -> {
            Session session = session(rows);
            sessions.putIfAbsent(session.getHash(), session);
        });
        forEachRow(METRICS, rows -> {
            metric(rows);
            metrics++;
        });
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException, InvalidPymonFileException;
    }

    private void forEachRow(String table, RowReader reader) throws InvalidPymonFileException, SQLException {
        long row = 0;
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(select(table) + " ORDER BY rowid")) {
            while (rows.next()) {
                row++;
                try {
                    reader.read(rows);
                } catch (InvalidPymonFileException | IllegalArgumentException | NullPointerException e) {
                    throw new InvalidPymonFileException("row " + row + " of " + table + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            // A page that quick_check did not reach, or a value SQLite cannot decode.
            throw new InvalidPymonFileException("truncated or corrupt: reading " + table + " after row " + row + ": "
                    + e.getMessage());
        }
    }

    private static String select(String table) {
        return "SELECT " + String.join(", ", SCHEMA.get(table)) + " FROM " + table;
    }

    private ExecutionContext context(ResultSet rows) throws SQLException, InvalidPymonFileException {
        return new ExecutionContext(tenant, rows.getString(1), (int) integer(rows, 2, CONTEXT_COLUMNS),
                number(rows, 3, CONTEXT_COLUMNS), rows.getString(4), rows.getString(5),
                integer(rows, 6, CONTEXT_COLUMNS), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getString(10), rows.getString(11));
    }

    private Session session(ResultSet rows) throws SQLException, InvalidPymonFileException {
        LocalDateTime runDate = date(rows, 2, SESSION_COLUMNS);
        JsonObject description = description(rows.getString(4));
        var rejected = new ArrayList<String>();
        var tags = Description.tags(description, (field, reason) -> rejected.add(field + " " + reason));
        if (!rejected.isEmpty()) {
            throw new InvalidPymonFileException("RUN_DESCRIPTION: " + rejected.get(0));
        }
        return new Session(tenant, rows.getString(1), runDate, rows.getString(3), tags);
    }

    private Metric metric(ResultSet rows) throws SQLException, InvalidPymonFileException {
        String component = rows.getString(9);
        var item = new TestItem(rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                rows.getString(8), component == null ? "" : component);
        var usage = new ResourceUsage(number(rows, 10, METRIC_COLUMNS), number(rows, 11, METRIC_COLUMNS),
                number(rows, 12, METRIC_COLUMNS), number(rows, 13, METRIC_COLUMNS), number(rows, 14, METRIC_COLUMNS));
        return new Metric(tenant, rows.getString(1), rows.getString(2), date(rows, 3, METRIC_COLUMNS), item, usage);
    }

    /** The description's tags as a JSON object: none when empty. */
    private static JsonObject description(String text) throws InvalidPymonFileException {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT && !parser.hasNext()) {
                return value.asJsonObject();
            }
        } catch (JsonException | IllegalStateException e) {
            // reported below, with the others
        }
        throw new InvalidPymonFileException("RUN_DESCRIPTION is not a JSON object of tags");
    }

    private static LocalDateTime date(ResultSet rows, int column, List<String> names)
            throws SQLException, InvalidPymonFileException {
        String text = rows.getString(column);
        String name = names.get(column - 1);
        if (text == null) {
            throw new InvalidPymonFileException(name + " is missing");
        }
        return IsoDateTime.parse(text).orElseThrow(() -> new InvalidPymonFileException(name
                + " is not ISO 8601: \"" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "\""));
    }

    private static double number(ResultSet rows, int column, List<String> names)
            throws SQLException, InvalidPymonFileException {
        Object value = rows.getObject(column);
        if (!(value instanceof Number number)) {
            throw new InvalidPymonFileException(names.get(column - 1) + " is not a number"
                    + (value == null ? " (NULL)" : ""));
        }
        return number.doubleValue();
    }

    private static long integer(ResultSet rows, int column, List<String> names)
            throws SQLException, InvalidPymonFileException {
        double value = number(rows, column, names);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new InvalidPymonFileException(names.get(column - 1) + " is not an integer");
        }
        return (long) value;
    }

    private static Map<String, List<String>> schema() {
        var schema = new LinkedHashMap<String, List<String>>();
        schema.put(SESSIONS, SESSION_COLUMNS);
        schema.put(CONTEXTS, CONTEXT_COLUMNS);
        schema.put(METRICS, METRIC_COLUMNS);
        return schema;
    }
}
