package org.monitorserver.persistence.figures;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.monitorserver.domain.count.MetricBlock;
import org.monitorserver.domain.count.MetricBlock.Listing;
import org.monitorserver.domain.count.MetricTally;
import org.monitorserver.domain.count.MetricTally.Dimension;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.usage.NodeSpan;
import org.monitorserver.persistence.Dialect;

/**
 * What one transaction adds to the {@link MetricTally metric tallies}, {@link MetricBlock metric blocks} and
 * {@link NodeSpan node spans}: metrics are counted here as they are stored, then {@link #addTalliesTo},
 * {@link #addSpansTo} and {@link #addBlocksTo} write one upsert per group, a few hundred groups per statement. The tally groups also give the transaction's metrics per
 * tenant and its components, for the other maintained figures. Groups are written in a fixed order, and those
 * that shard to one random shard per transaction, so that concurrent writers neither deadlock nor queue on one
 * row.
 */
final class MetricTallies {

    /** Groups per statement: 6 parameters each at most, well under any driver's limit. */
    private static final int GROUPS_PER_STATEMENT = 400;

    private record Group(long tenant, Dimension dimension, String key) {
    }

    private record Block(long tenant, Listing listing, String key, long block) {
    }

    /** A node in a session: the key of a {@link NodeSpan}. */
    private record Node(long tenant, String session, String context) {
    }

    /** The part of a node span that this transaction's metrics cover. */
    private record Span(LocalDateTime start, LocalDateTime end) {

        Span widen(Span other) {
            return new Span(start.isBefore(other.start) ? start : other.start, end.isAfter(other.end) ? end : other.end);
        }
    }

    private static final Comparator<Group> GROUP_ORDER = Comparator.comparingLong(Group::tenant)
            .thenComparing(Group::dimension).thenComparing(Group::key);

    private static final Comparator<Block> BLOCK_ORDER = Comparator.comparingLong(Block::tenant)
            .thenComparing(Block::listing).thenComparing(Block::key).thenComparingLong(Block::block);

    private static final Comparator<Node> NODE_ORDER = Comparator.comparingLong(Node::tenant)
            .thenComparing(Node::session).thenComparing(Node::context);

    /**
     * The tables written: their key columns, then their value columns, each with the type H2 needs in a
     * {@code VALUES} list, and how an upsert merges a value into the stored one ({@code %1$s} the stored row,
     * {@code %2$s} the new one).
     */
    private enum Target {
        TALLY("metric_tally", List.of("tenant_id", "dimension", "group_key", "shard"),
                List.of("BIGINT", "VARCHAR(16)", "VARCHAR(2048)", "INTEGER"), ROW_TOTAL),
        BLOCK("metric_block", List.of("tenant_id", "listing", "group_key", "block", "shard"),
                List.of("BIGINT", "VARCHAR(16)", "VARCHAR(2048)", "BIGINT", "INTEGER"), ROW_TOTAL),
        SPAN("node_span", List.of("tenant_id", "session_h", "context_h"),
                List.of("BIGINT", "VARCHAR(128)", "VARCHAR(128)"),
                List.of(new Value("start_at", "TIMESTAMP", "LEAST(%1$s.start_at, %2$s.start_at)"),
                        new Value("end_at", "TIMESTAMP", "GREATEST(%1$s.end_at, %2$s.end_at)")));

        final String table;
        final List<String> keys;
        final List<String> columns;
        final List<String> types;
        final List<Value> values;

        Target(String table, List<String> keys, List<String> keyTypes, List<Value> values) {
            this.table = table;
            this.keys = keys;
            this.values = values;
            this.columns = concat(keys, values.stream().map(Value::column).toList());
            this.types = concat(keyTypes, values.stream().map(Value::type).toList());
        }

        private static List<String> concat(List<String> first, List<String> then) {
            var all = new ArrayList<>(first);
            all.addAll(then);
            return List.copyOf(all);
        }

        /** The update of an upsert: each value column merged, {@code stored} and {@code added} the row aliases. */
        String merge(String stored, String added, String prefix) {
            return String.join(", ", values.stream()
                    .map(v -> prefix + v.column() + " = " + String.format(v.merge(), stored, added)).toList());
        }
    }

    /** A value column of a {@link Target}: its name, its H2 type and its merge expression. */
    private record Value(String column, String type, String merge) {
    }

    /** The counters' one value: rows added to the stored total. */
    private static final List<Value> ROW_TOTAL = List.of(new Value("row_total", "BIGINT",
            "%1$s.row_total + %2$s.row_total"));

    /**
     * Upsert statements of up to this many groups are built once and kept: a group commit's batch is a few rows,
     * so its statements repeat; larger ones (bulk) are rare enough to build each time.
     */
    private static final int KEPT_UP_TO = 64;

    /** Kept upsert statements, by dialect, target and number of groups. */
    private static final Map<String, String> STATEMENTS = new ConcurrentHashMap<>();

    private final Map<Group, Long> added = new TreeMap<>(GROUP_ORDER);
    private final Map<Block, Long> blocks = new TreeMap<>(BLOCK_ORDER);
    private final Map<Node, Span> spans = new TreeMap<>(NODE_ORDER);

    /** Counts a metric that has been given its id (persisted). */
    void count(Metric metric) {
        long tenant = metric.getTenantId();
        var item = metric.getItem();
        add(new Group(tenant, Dimension.CONTEXT, metric.getContextHash()));
        add(new Group(tenant, Dimension.COMPONENT, item.getComponent()));
        add(new Group(tenant, Dimension.KIND, item.getKind()));
        add(new Group(tenant, Dimension.ITEM, item.getName()));
        add(new Group(tenant, Dimension.VARIANT, item.getVariant()));
        if (metric.getId() == null) {
            throw new IllegalStateException("a metric is counted by block once it has its id");
        }
        long block = MetricBlock.of(metric.getId());
        add(new Block(tenant, Listing.ALL, "", block));
        add(new Block(tenant, Listing.CONTEXT, metric.getContextHash(), block));
        add(new Block(tenant, Listing.COMPONENT, item.getComponent(), block));
        add(new Block(tenant, Listing.KIND, item.getKind(), block));
        LocalDateTime start = metric.getItemStartTime();
        spans.merge(new Node(tenant, metric.getSessionHash(), metric.getContextHash()),
                new Span(start, NodeSpan.metricEnd(start, metric.getUsage().getTotalTime())), Span::widen);
    }

    private void add(Group group) {
        added.merge(group, 1L, Long::sum);
    }

    private void add(Block block) {
        blocks.merge(block, 1L, Long::sum);
    }

    /**
     * How many metrics were counted per tenant. Derived from the context groups: every metric has exactly one
     * context, so a tenant's context groups add up to its metrics.
     */
    Map<Long, Long> metricsByTenant() {
        var metrics = new TreeMap<Long, Long>();
        added.forEach((group, count) -> {
            if (group.dimension() == Dimension.CONTEXT) {
                metrics.merge(group.tenant(), count, Long::sum);
            }
        });
        return metrics;
    }

    /**
     * Writes the tallies counted, in the caller's transaction.
     *
     * @return the (tenant, component) pairs that may be missing from the component list, in a fixed order: on
     *         PostgreSQL those whose tally row this transaction created (a component is listed by the same
     *         transaction that first tallies it, so any other is listed already), on H2 every one counted
     */
    List<Map.Entry<Long, String>> addTalliesTo(Connection connection, Dialect dialect) throws SQLException {
        var components = new ArrayList<Map.Entry<Long, String>>();
        int tallyShard = ThreadLocalRandom.current().nextInt(MetricTally.SHARDS);
        inStatements(connection, dialect, Target.TALLY, added, (group, rows) -> List.of(group.tenant(),
                group.dimension().name(), group.key(), group.dimension().isSharded() ? tallyShard : 0, rows),
                (sql, parameters, chunk) -> {
                    if (dialect == Dialect.POSTGRESQL) {
                        for (Object[] group : Sql.query(connection, sql, parameters, 3)) {
                            if (Boolean.TRUE.equals(group[2])) {
                                components.add(Map.entry(((Number) group[0]).longValue(), (String) group[1]));
                            }
                        }
                    } else {
                        Sql.update(connection, sql, parameters);
                        chunk.stream().filter(group -> group.dimension() == Dimension.COMPONENT)
                                .forEach(group -> components.add(Map.entry(group.tenant(), group.key())));
                    }
                });
        added.clear();
        components.sort(Map.Entry.<Long, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        return components;
    }

    /**
     * Widens the node spans of the metrics counted (or creates them), in the caller's transaction and in key
     * order: the sessions of one group commit may share contexts with another writer's.
     */
    void addSpansTo(Connection connection, Dialect dialect) throws SQLException {
        inStatements(connection, dialect, Target.SPAN, spans, (node, span) -> List.of(node.tenant(), node.session(),
                node.context(), span.start(), span.end()),
                (sql, parameters, chunk) -> Sql.update(connection, sql, parameters));
        spans.clear();
    }

    /**
     * Writes the id blocks counted, in the caller's transaction. Called last before the commit: every writer adds
     * to the same newest blocks, and their row locks are then held only while the transaction commits.
     */
    void addBlocksTo(Connection connection, Dialect dialect) throws SQLException {
        int shard = ThreadLocalRandom.current().nextInt(MetricBlock.SHARDS);
        inStatements(connection, dialect, Target.BLOCK, blocks, (block, rows) -> List.of(block.tenant(),
                block.listing().name(), block.key(), block.block(), shard, rows),
                (sql, parameters, chunk) -> Sql.update(connection, sql, parameters));
        blocks.clear();
    }

    /**
     * Upserts {@code counted} into {@code target}, {@value #GROUPS_PER_STATEMENT} groups per statement, in the
     * map's order: {@code values} gives a group's column values, {@code execute} runs each bound statement.
     */
    private static <G, V> void inStatements(Connection connection, Dialect dialect, Target target,
            Map<G, V> counted, BiFunction<G, V, List<Object>> values, Execution<G> execute) throws SQLException {
        var groups = new ArrayList<>(counted.entrySet());
        for (int from = 0; from < groups.size(); from += GROUPS_PER_STATEMENT) {
            List<Map.Entry<G, V>> chunk = groups.subList(from, Math.min(groups.size(), from
                    + GROUPS_PER_STATEMENT));
            var parameters = new ArrayList<Object>();
            for (Map.Entry<G, V> entry : chunk) {
                parameters.addAll(values.apply(entry.getKey(), entry.getValue()));
            }
            execute.run(upsert(dialect, target, chunk.size()), parameters,
                    chunk.stream().map(Map.Entry::getKey).toList());
        }
    }

    /** Runs one bound upsert of {@code chunk}'s groups. */
    @FunctionalInterface
    private interface Execution<G> {
        void run(String sql, List<Object> parameters, List<G> chunk) throws SQLException;
    }

    /**
     * An upsert of {@code groups} rows into {@code target}, adding each row's {@code row_total} to the stored one.
     * Native SQL: JPQL has no upsert, and the number of rows varies. The values are typed for H2, which cannot
     * infer the type of a parameter in a {@code VALUES} list. On PostgreSQL the tally upsert also returns, per
     * row, whether it created a component's first tally row ({@code xmax = 0} marks a row the statement inserted).
     */
    private static String upsert(Dialect dialect, Target target, int groups) {
        if (groups > KEPT_UP_TO) {
            return build(dialect, target, groups);
        }
        return STATEMENTS.computeIfAbsent(dialect.name() + ' ' + target + ' ' + groups,
                key -> build(dialect, target, groups));
    }

    private static String build(Dialect dialect, Target target, int groups) {
        int width = target.columns.size();
        var values = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            values.append(i == 0 ? "(" : ", (");
            for (int c = 0; c < width; c++) {
                values.append(c == 0 ? "" : ", ").append("CAST(? AS ")
                        .append(target.types.get(c)).append(')');
            }
            values.append(')');
        }
        String all = String.join(", ", target.columns);
        if (dialect == Dialect.H2) {
            return "MERGE INTO " + target.table + " t USING (VALUES " + values + ") AS s (" + all + ") ON "
                    + String.join(" AND ", target.keys.stream().map(k -> "t." + k + " = s." + k).toList())
                    + " WHEN MATCHED THEN UPDATE SET " + target.merge("t", "s", "t.")
                    + " WHEN NOT MATCHED THEN INSERT (" + all + ") VALUES ("
                    + String.join(", ", target.columns.stream().map(k -> "s." + k).toList()) + ")";
        }
        String upsert = "INSERT INTO " + target.table + " (" + all + ") VALUES " + values + " ON CONFLICT ("
                + String.join(", ", target.keys) + ") DO UPDATE SET " + target.merge(target.table, "EXCLUDED", "");
        return target == Target.TALLY
                ? upsert + " RETURNING tenant_id, group_key, dimension = '" + Dimension.COMPONENT.name()
                        + "' AND xmax = 0 AS new_component"
                : upsert;
    }
}
