package org.monitorserver.persistence.metric;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.monitorserver.domain.count.MetricTally;
import org.monitorserver.domain.count.MetricTally.Dimension;
import org.monitorserver.domain.metric.Metric;

/**
 * What one transaction adds to the {@link MetricTally metric tallies}: metrics are counted here as they are
 * stored, then {@link #addTo} writes one upsert per group, a few hundred groups per statement. The same groups
 * also give the transaction's metrics per tenant and its components, for the other maintained figures. Groups are written
 * in a fixed order, and those of sharded dimensions to one random shard per transaction, so that concurrent
 * writers neither deadlock nor queue on one row.
 */
final class MetricTallies {

    /** Groups per statement: 5 parameters each, well under any driver's limit. */
    private static final int GROUPS_PER_STATEMENT = 400;

    private record Group(long tenant, Dimension dimension, String key) {
    }

    private static final Comparator<Group> ORDER = Comparator.comparingLong(Group::tenant)
            .thenComparing(Group::dimension).thenComparing(Group::key);

    private final Map<Group, Long> added = new TreeMap<>(ORDER);

    void count(Metric metric) {
        long tenant = metric.getTenantId();
        var item = metric.getItem();
        add(new Group(tenant, Dimension.CONTEXT, metric.getContextHash()));
        add(new Group(tenant, Dimension.COMPONENT, item.getComponent()));
        add(new Group(tenant, Dimension.KIND, item.getKind()));
        add(new Group(tenant, Dimension.ITEM, item.getName()));
        add(new Group(tenant, Dimension.VARIANT, item.getVariant()));
    }

    private void add(Group group) {
        added.merge(group, 1L, Long::sum);
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

    /** The (tenant, component) pairs counted, in the fixed order of {@link #ORDER}. */
    List<Map.Entry<Long, String>> components() {
        return added.keySet().stream().filter(group -> group.dimension() == Dimension.COMPONENT)
                .map(group -> Map.entry(group.tenant(), group.key())).toList();
    }

    /** Writes what was counted, in the caller's transaction, and starts over. */
    void addTo(EntityManager em, String vendor) {
        int shard = ThreadLocalRandom.current().nextInt(MetricTally.SHARDS);
        var groups = new ArrayList<>(added.entrySet());
        for (int from = 0; from < groups.size(); from += GROUPS_PER_STATEMENT) {
            List<Map.Entry<Group, Long>> chunk = groups.subList(from, Math.min(groups.size(), from
                    + GROUPS_PER_STATEMENT));
            Query upsert = em.createNativeQuery(upsert(vendor, chunk.size()));
            int parameter = 1;
            for (Map.Entry<Group, Long> entry : chunk) {
                upsert.setParameter(parameter++, entry.getKey().tenant());
                upsert.setParameter(parameter++, entry.getKey().dimension().name());
                upsert.setParameter(parameter++, entry.getKey().key());
                upsert.setParameter(parameter++, entry.getKey().dimension().isSharded() ? shard : 0);
                upsert.setParameter(parameter++, entry.getValue());
            }
            upsert.executeUpdate();
        }
        added.clear();
    }

    /**
     * An upsert of {@code groups} rows. Native SQL: JPQL has no upsert, and the number of rows varies. The
     * values are typed for H2, which cannot infer the type of a parameter in a {@code VALUES} list.
     */
    static String upsert(String vendor, int groups) {
        var values = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            int p = i * 5;
            values.append(i == 0 ? "" : ", ").append("(CAST(?").append(p + 1).append(" AS BIGINT), CAST(?")
                    .append(p + 2).append(" AS VARCHAR(16)), CAST(?").append(p + 3).append(" AS VARCHAR(2048)), CAST(?")
                    .append(p + 4).append(" AS INTEGER), CAST(?").append(p + 5).append(" AS BIGINT))");
        }
        if ("h2".equals(vendor)) {
            return "MERGE INTO metric_tally t USING (VALUES " + values
                    + ") AS s (tenant_id, dimension, group_key, shard, row_total)"
                    + " ON t.tenant_id = s.tenant_id AND t.dimension = s.dimension AND t.group_key = s.group_key"
                    + " AND t.shard = s.shard"
                    + " WHEN MATCHED THEN UPDATE SET t.row_total = t.row_total + s.row_total"
                    + " WHEN NOT MATCHED THEN INSERT (tenant_id, dimension, group_key, shard, row_total)"
                    + " VALUES (s.tenant_id, s.dimension, s.group_key, s.shard, s.row_total)";
        }
        return "INSERT INTO metric_tally (tenant_id, dimension, group_key, shard, row_total) VALUES " + values
                + " ON CONFLICT (tenant_id, dimension, group_key, shard)"
                + " DO UPDATE SET row_total = metric_tally.row_total + EXCLUDED.row_total";
    }
}
