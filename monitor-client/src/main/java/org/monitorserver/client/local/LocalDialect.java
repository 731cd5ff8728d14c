package org.monitorserver.client.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.monitorserver.api.RunResultJson;
import org.monitorserver.client.Comparison;
import org.monitorserver.client.ComparisonRequest;
import org.monitorserver.client.RunQuery;
import org.monitorserver.client.Dialect;
import org.monitorserver.client.MonitorException;
import org.monitorserver.client.RankingScope;
import org.monitorserver.client.model.Context;
import org.monitorserver.client.model.IsoDateTime;
import org.monitorserver.client.model.MatchMethod;
import org.monitorserver.client.model.Metric;
import org.monitorserver.client.model.MetricScope;
import org.monitorserver.client.model.ResourceMethod;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Session;
import org.sqlite.SQLiteConfig;

/**
 * The queries of {@link Dialect} over one read-only connection to a {@code .pymon} file. Plain filters are SQL;
 * what depends on tags (pipelines, builds, flag filters) is computed on the sessions in Java, because the tags
 * are a JSON text column. One instance serves one thread at a time.
 */
public final class LocalDialect implements Dialect {

    private static final String METRIC_COLUMNS = "SESSION_H, ENV_H, ITEM_START_TIME, ITEM_PATH, ITEM, ITEM_VARIANT,"
            + " ITEM_FS_LOC, KIND, COMPONENT, TOTAL_TIME, USER_TIME, KERNEL_TIME, CPU_USAGE, MEM_USAGE";
    private static final String METRICS = "SELECT " + METRIC_COLUMNS + " FROM TEST_METRICS";
    private static final String ARRIVAL = " ORDER BY rowid";
    private static final String SESSIONS = "SELECT SESSION_H, RUN_DATE, SCM_ID, RUN_DESCRIPTION FROM TEST_SESSIONS";
    private static final String CONTEXTS = "SELECT ENV_H, CPU_COUNT, CPU_FREQUENCY_MHZ, CPU_TYPE, CPU_VENDOR,"
            + " RAM_TOTAL_MB, MACHINE_NODE, MACHINE_TYPE, MACHINE_ARCH, SYSTEM_INFO, PYTHON_INFO"
            + " FROM EXECUTION_CONTEXTS";
    /** The empty component is stored as {@code ''} by pytest-monitor, but other writers leave it NULL. */
    private static final String COMPONENT = "COALESCE(COMPONENT, '')";

    private final Path file;
    private final Connection connection;

    private LocalDialect(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens {@code file} read-only.
     *
     * @throws MonitorException when the file does not exist or is not a pytest-monitor database
     */
    public static LocalDialect open(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new MonitorException("no such file: " + file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                    config.toProperties());
            LocalDialect dialect = new LocalDialect(file, connection);
            dialect.checkSchema();
            return dialect;
        } catch (SQLException e) {
            throw new MonitorException("cannot open " + file + " as a pytest-monitor database: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public long countComponents() {
        return count("SELECT COUNT(DISTINCT COMPONENT) FROM TEST_METRICS WHERE " + COMPONENT + " <> ''");
    }

    @Override
    public long countContexts() {
        return count("SELECT COUNT(*) FROM EXECUTION_CONTEXTS");
    }

    @Override
    public long countSessions() {
        return count("SELECT COUNT(*) FROM TEST_SESSIONS");
    }

    @Override
    public long countMetrics() {
        return count("SELECT COUNT(*) FROM TEST_METRICS");
    }

    @Override
    public long countSessionMetrics(String h) {
        return count("SELECT COUNT(*) FROM TEST_METRICS WHERE SESSION_H = ?", h);
    }

    @Override
    public long countContextMetrics(String h) {
        return count("SELECT COUNT(*) FROM TEST_METRICS WHERE ENV_H = ?", h);
    }

    @Override
    public long countScmMetrics(String scm) {
        return count("SELECT COUNT(*) FROM TEST_METRICS m JOIN TEST_SESSIONS s ON s.SESSION_H = m.SESSION_H"
                + " WHERE substr(s.SCM_ID, 1, length(?)) = ?", scm, scm);
    }

    @Override
    public Optional<Session> session(String h) {
        return query(SESSIONS + " WHERE SESSION_H = ?", this::session, h).stream().findFirst();
    }

    @Override
    public Optional<Context> context(String h) {
        return query(CONTEXTS + " WHERE ENV_H = ?", LocalDialect::context, h).stream().findFirst();
    }

    @Override
    public List<Session> sessions(List<String> flags, List<String> restrictions, MatchMethod method) {
        List<Session> all = allSessions();
        if (flags.isEmpty()) {
            return all;
        }
        List<Predicate<Session>> conditions = new ArrayList<>();
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            String value = restrictions.isEmpty() ? "" : restrictions.get(i);
            conditions.add(value.isEmpty() ? s -> s.hasTag(flag) : s -> value.equals(s.tags().get(flag)));
        }
        Predicate<Session> passes = method == MatchMethod.MATCH_ALL
                ? s -> conditions.stream().allMatch(c -> c.test(s))
                : s -> conditions.stream().anyMatch(c -> c.test(s));
        return all.stream().filter(passes).toList();
    }

    @Override
    public List<Context> contexts() {
        return query(CONTEXTS + ARRIVAL, LocalDialect::context);
    }

    @Override
    public List<Metric> metrics() {
        return query(METRICS + ARRIVAL, LocalDialect::metric);
    }

    @Override
    public List<Metric> sessionMetrics(String h) {
        return metricsWhere("SESSION_H = ?", h);
    }

    @Override
    public List<Metric> contextMetrics(String h) {
        return metricsWhere("ENV_H = ?", h);
    }

    @Override
    public List<Metric> scmMetrics(String scm) {
        return query("SELECT " + prefixed("m.") + " FROM TEST_METRICS m JOIN TEST_SESSIONS s"
                + " ON s.SESSION_H = m.SESSION_H WHERE substr(s.SCM_ID, 1, length(?)) = ? ORDER BY m.rowid",
                LocalDialect::metric, scm, scm);
    }

    @Override
    public List<Metric> scopeMetrics(MetricScope scope) {
        return metricsWhere("KIND = ?", scope.kind());
    }

    @Override
    public List<Metric> itemMetrics(String item) {
        return metricsWhere("ITEM = ?", item);
    }

    @Override
    public List<Metric> itemLikeMetrics(String part) {
        // instr() matches literally and case-sensitively, as the server's substring routes do (no wildcards).
        return metricsWhere("instr(ITEM, ?) > 0", part);
    }

    @Override
    public List<Metric> variantLikeMetrics(String part) {
        return metricsWhere("instr(ITEM_VARIANT, ?) > 0", part);
    }

    @Override
    public List<Metric> variantMetrics(String variant, String component) {
        return component == null ? metricsWhere("ITEM_VARIANT = ?", variant)
                : metricsWhere("ITEM_VARIANT = ? AND " + COMPONENT + " = ?", variant, component);
    }

    @Override
    public List<Metric> componentMetrics(String component) {
        return metricsWhere(COMPONENT + " = ?", component);
    }

    @Override
    public List<String> components() {
        return sorted(query("SELECT DISTINCT COMPONENT FROM TEST_METRICS WHERE " + COMPONENT + " <> ''",
                rows -> rows.getString(1)));
    }

    @Override
    public List<String> pipelines() {
        return sorted(allSessions().stream().map(Session::pipeline).flatMap(Optional::stream).toList());
    }

    @Override
    public List<String> pipelineBuilds(String pipeline) {
        return sorted(buildsOf(allSessions(), pipeline));
    }

    @Override
    public List<String> buildSessions(String pipeline, String build) {
        return allSessions().stream().filter(inBuild(pipeline, build)).map(Session::h).toList();
    }

    @Override
    public List<String> componentPipelines(String component) {
        return sorted(sessionsWithComponent(component).stream().map(Session::pipeline).flatMap(Optional::stream)
                .toList());
    }

    @Override
    public List<String> componentPipelineBuilds(String component, String pipeline) {
        return sorted(buildsOf(sessionsWithComponent(component), pipeline));
    }

    @Override
    public List<Metric> ranking(RankingScope scope, ResourceType resource, ResourceMethod method, int n) {
        List<Metric> candidates;
        if (scope.component() != null) {
            candidates = componentMetrics(scope.component());
        } else if (scope.pipeline() != null) {
            Predicate<Session> member = scope.build() == null
                    ? s -> s.pipeline().filter(scope.pipeline()::equals).isPresent()
                    : inBuild(scope.pipeline(), scope.build());
            Set<String> hashes = allSessions().stream().filter(member).map(Session::h).collect(Collectors.toSet());
            candidates = metrics().stream().filter(m -> hashes.contains(m.sessionH())).toList();
        } else {
            candidates = metrics();
        }
        Comparator<Metric> order = Comparator.comparingDouble(resource::of);
        // A stable sort of rows in arrival order keeps ties in arrival order, in both directions.
        return candidates.stream().sorted(method == ResourceMethod.TOP ? order.reversed() : order).limit(n)
                .toList();
    }

    /** A .pymon file holds test metrics only: no runs. */
    @Override
    public List<RunResultJson> runs(RunQuery query) {
        return List.of();
    }

    @Override
    public Optional<RunResultJson> run(String id) {
        return Optional.empty();
    }

    /** Refused: a verdict needs the build history that only a server keeps, not one file's sessions. */
    @Override
    public Comparison compare(ComparisonRequest request) {
        throw new UnsupportedOperationException("compare needs a server (--server URL, Monitor.remote): the "
                + "verdicts rest on the build history it keeps, which " + file + " does not hold");
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new MonitorException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkSchema() throws SQLException {
        for (String table : List.of("TEST_SESSIONS", "EXECUTION_CONTEXTS", "TEST_METRICS")) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
                statement.setString(1, table);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next() || rows.getInt(1) == 0) {
                        throw new SQLException("it has no table " + table);
                    }
                }
            }
        }
    }

    private List<Session> allSessions() {
        return query(SESSIONS + ARRIVAL, this::session);
    }

    private List<Session> sessionsWithComponent(String component) {
        Set<String> hashes = Set.copyOf(query("SELECT DISTINCT SESSION_H FROM TEST_METRICS WHERE " + COMPONENT
                + " = ?", rows -> rows.getString(1), component));
        return allSessions().stream().filter(s -> hashes.contains(s.h())).toList();
    }

    private static Predicate<Session> inBuild(String pipeline, String build) {
        return s -> s.pipeline().filter(pipeline::equals).isPresent() && s.build().filter(build::equals).isPresent();
    }

    private static List<String> buildsOf(List<Session> sessions, String pipeline) {
        return sessions.stream().filter(s -> s.pipeline().filter(pipeline::equals).isPresent())
                .map(Session::build).flatMap(Optional::stream).toList();
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().distinct().sorted().toList();
    }

    private static String prefixed(String alias) {
        return alias + METRIC_COLUMNS.replace(", ", ", " + alias);
    }

    private List<Metric> metricsWhere(String condition, Object... parameters) {
        return query(METRICS + " WHERE " + condition + ARRIVAL, LocalDialect::metric, parameters);
    }

    private long count(String sql, Object... parameters) {
        return query(sql, rows -> rows.getLong(1), parameters).get(0);
    }

    private <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(row.read(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new MonitorException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Session session(ResultSet rows) throws SQLException {
        String h = rows.getString(1);
        try {
            return new Session(h, IsoDateTime.parse(rows.getString(2)), rows.getString(3),
                    SessionDescription.tags(rows.getString(4)));
        } catch (IllegalArgumentException e) {
            throw new MonitorException("session " + h + " of " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static Context context(ResultSet rows) throws SQLException {
        return new Context(rows.getString(1), rows.getInt(2), rows.getDouble(3), rows.getString(4),
                rows.getString(5), rows.getLong(6), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getString(10), rows.getString(11));
    }

    private static Metric metric(ResultSet rows) throws SQLException {
        return new Metric(rows.getString(1), rows.getString(2), IsoDateTime.parse(rows.getString(3)),
                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                rows.getString(9), rows.getDouble(10), rows.getDouble(11), rows.getDouble(12), rows.getDouble(13),
                rows.getDouble(14));
    }

    /** Reads one result row. */
    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }
}
