package org.monitorserver.persistence.metric;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.monitorserver.domain.count.MetricBlock;
import org.monitorserver.domain.count.MetricBlock.Listing;
import org.monitorserver.domain.count.MetricTally;
import org.monitorserver.domain.count.MetricTally.Dimension;
import org.monitorserver.domain.metric.Metric;

/**
 * What one transaction adds to the {@link MetricTally metric tallies} and {@link MetricBlock metric blocks}:
 * metrics are counted here as they are stored, then {@link #addTalliesTo} and {@link #addBlocksTo} write one
 * upsert per group, a few hundred groups per statement. The tally groups also give the transaction's metrics per
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

    private static final Comparator<Group> GROUP_ORDER = Comparator.comparingLong(Group::tenant)
            .thenComparing(Group::dimension).thenComparing(Group::key);

    private static final Comparator<Block> BLOCK_ORDER = Comparator.comparingLong(Block::tenant)
            .thenComparing(Block::listing).thenComparing(Block::key).thenComparingLong(Block::block);

    /**
     * The tables written: their key columns, then {@code row_total}, each with the type H2 needs in a
     * {@code VALUES} list.
     */
    private enum Target {
        TALLY("metric_tally", List.of("tenant_id", "dimension", "group_key", "shard"),
                List.of("BIGINT", "VARCHAR(16)", "VARCHAR(2048)", "INTEGER")),
        BLOCK("metric_block", List.of("tenant_id", "listing", "group_key", "block", "shard"),
                List.of("BIGINT", "VARCHAR(16)", "VARCHAR(2048)", "BIGINT", "INTEGER"));

        final String table;
        final List<String> keys;
        final List<String> columns;
        final List<String> types;

        Target(String table, List<String> keys, List<String> keyTypes) {
            this.table = table;
            this.keys = keys;
            this.columns = concat(keys, "row_total");
            this.types = concat(keyTypes, "BIGINT");
        }

        private static List<String> concat(List<String> list, String last) {
            var all = new ArrayList<>(list);
            all.add(last);
            return List.copyOf(all);
        }
    }

    /**
     * Upsert statements of up to this many groups are built once and kept: a group commit's batch is a few rows,
     * so its statements repeat; larger ones (bulk) are rare enough to build each time.
     */
    private static final int KEPT_UP_TO = 64;

    /** Kept upsert statements, by vendor, target and number of groups. */
    private static final Map<String, String> STATEMENTS = new ConcurrentHashMap<>();

    private final Map<Group, Long> added = new TreeMap<>(GROUP_ORDER);
    private final Map<Block, Long> blocks = new TreeMap<>(BLOCK_ORDER);

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
    List<Map.Entry<Long, String>> addTalliesTo(EntityManager em, String vendor) {
        boolean postgresql = !"h2".equals(vendor);
        var components = new ArrayList<Map.Entry<Long, String>>();
        int tallyShard = ThreadLocalRandom.current().nextInt(MetricTally.SHARDS);
        inStatements(em, vendor, Target.TALLY, added, (group, rows) -> List.of(group.tenant(),
                group.dimension().name(), group.key(), group.dimension().isSharded() ? tallyShard : 0, rows),
                (upsert, chunk) -> {
                    if (postgresql) {
                        for (Object row : upsert.getResultList()) {
                            Object[] group = (Object[]) row;
                            if (Boolean.TRUE.equals(group[2])) {
                                components.add(Map.entry(((Number) group[0]).longValue(), (String) group[1]));
                            }
                        }
                    } else {
                        upsert.executeUpdate();
                        chunk.stream().filter(group -> group.dimension() == Dimension.COMPONENT)
                                .forEach(group -> components.add(Map.entry(group.tenant(), group.key())));
                    }
                });
        added.clear();
        components.sort(Map.Entry.<Long, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        return components;
    }

    /**
     * Writes the id blocks counted, in the caller's transaction. Called last before the commit: every writer adds
     * to the same newest blocks, and their row locks are then held only while the transaction commits.
     */
    void addBlocksTo(EntityManager em, String vendor) {
        int shard = ThreadLocalRandom.current().nextInt(MetricBlock.SHARDS);
        inStatements(em, vendor, Target.BLOCK, blocks, (block, rows) -> List.of(block.tenant(),
                block.listing().name(), block.key(), block.block(), shard, rows),
                (upsert, chunk) -> upsert.executeUpdate());
        blocks.clear();
    }

    /**
     * Upserts {@code counted} into {@code target}, {@value #GROUPS_PER_STATEMENT} groups per statement, in the
     * map's order: {@code values} gives a group's column values, {@code execute} runs each bound statement.
     */
    private static <G> void inStatements(EntityManager em, String vendor, Target target, Map<G, Long> counted,
            BiFunction<G, Long, List<Object>> values, BiConsumer<Query, List<G>> execute) {
        var groups = new ArrayList<>(counted.entrySet());
        for (int from = 0; from < groups.size(); from += GROUPS_PER_STATEMENT) {
            List<Map.Entry<G, Long>> chunk = groups.subList(from, Math.min(groups.size(), from
                    + GROUPS_PER_STATEMENT));
            Query upsert = em.createNativeQuery(upsert(vendor, target, chunk.size()));
            int parameter = 1;
            for (Map.Entry<G, Long> entry : chunk) {
                for (Object value : values.apply(entry.getKey(), entry.getValue())) {
                    upsert.setParameter(parameter++, value);
                }
            }
            execute.accept(upsert, chunk.stream().map(Map.Entry::getKey).toList());
        }
    }

    /**
     * An upsert of {@code groups} rows into {@code target}, adding each row's {@code row_total} to the stored one.
     * Native SQL: JPQL has no upsert, and the number of rows varies. The values are typed for H2, which cannot
     * infer the type of a parameter in a {@code VALUES} list. On PostgreSQL the tally upsert also returns, per
     * row, whether it created a component's first tally row ({@code xmax = 0} marks a row the statement inserted).
     */
    private static String upsert(String vendor, Target target, int groups) {
        if (groups > KEPT_UP_TO) {
            return build(vendor, target, groups);
        }
        return STATEMENTS.computeIfAbsent(vendor + ' ' + target + ' ' + groups, key -> build(vendor, target, groups));
    }

    private static String build(String vendor, Target target, int groups) {
        int width = target.columns.size();
        var values = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            values.append(i == 0 ? "(" : ", (");
            for (int c = 0; c < width; c++) {
                values.append(c == 0 ? "" : ", ").append("CAST(?").append(i * width + c + 1).append(" AS ")
                        .append(target.types.get(c)).append(')');
            }
            values.append(')');
        }
        String all = String.join(", ", target.columns);
        if ("h2".equals(vendor)) {
            return "MERGE INTO " + target.table + " t USING (VALUES " + values + ") AS s (" + all + ") ON "
                    + String.join(" AND ", target.keys.stream().map(k -> "t." + k + " = s." + k).toList())
                    + " WHEN MATCHED THEN UPDATE SET t.row_total = t.row_total + s.row_total"
                    + " WHEN NOT MATCHED THEN INSERT (" + all + ") VALUES ("
                    + String.join(", ", target.columns.stream().map(k -> "s." + k).toList()) + ")";
        }
        String upsert = "INSERT INTO " + target.table + " (" + all + ") VALUES " + values + " ON CONFLICT ("
                + String.join(", ", target.keys) + ") DO UPDATE SET row_total = " + target.table
                + ".row_total + EXCLUDED.row_total";
        return target == Target.TALLY
                ? upsert + " RETURNING tenant_id, group_key, dimension = '" + Dimension.COMPONENT.name()
                        + "' AND xmax = 0 AS new_component"
                : upsert;
    }
}
