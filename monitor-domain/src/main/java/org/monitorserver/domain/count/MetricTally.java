package org.monitorserver.domain.count;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One shard of the number of metrics that share one value of one field (a context, a component, a scope, an
 * item, a variant). Listings of those groups need their size for {@code total_page}; summing a few tally rows
 * answers it without reading the group's rows, which for a component or a scope are millions. Writers add to
 * one random shard per transaction (for the dimensions that shard), in that transaction, as for {@link RowCount}:
 * the figure is exact and right on any number of instances. A shard row appears on the first write that picks
 * it. The keys of a dimension also answer which item or variant names contain a text.
 */
@Entity
@Table(name = "metric_tally")
@IdClass(MetricTally.Key.class)
@Cacheable(false)
@NamedQuery(name = MetricTally.SUM_BY_KEY,
        query = "SELECT SUM(t.rows) FROM MetricTally t"
                + " WHERE t.tenantId = :tenant AND t.dimension = :dimension AND t.groupKey = :key")
@NamedQuery(name = MetricTally.SUM_BY_KEY_LIKE,
        query = "SELECT SUM(t.rows) FROM MetricTally t"
                + " WHERE t.tenantId = :tenant AND t.dimension = :dimension AND t.groupKey LIKE :pattern ESCAPE '\\'")
@NamedQuery(name = MetricTally.FIND_KEYS_BY_KEY_LIKE,
        query = "SELECT DISTINCT t.groupKey FROM MetricTally t"
                + " WHERE t.tenantId = :tenant AND t.dimension = :dimension AND t.groupKey LIKE :pattern ESCAPE '\\'"
                + " ORDER BY t.groupKey")
public class MetricTally {

    public static final String SUM_BY_KEY = "MetricTally.sumByKey";
    public static final String SUM_BY_KEY_LIKE = "MetricTally.sumByKeyLike";
    public static final String FIND_KEYS_BY_KEY_LIKE = "MetricTally.findKeysByKeyLike";

    /** Shards per group: as many concurrent writers as add to one group without waiting for each other. */
    public static final int SHARDS = 16;

    /**
     * The metric field a tally groups by. Contexts, components and scopes are few and written by every
     * transaction, so they spread over shards; items and variants are many, each written by few transactions,
     * so they keep one row each (shard 0), which keeps substring lookups over their names short.
     */
    public enum Dimension {
        CONTEXT(true), COMPONENT(true), KIND(true), ITEM(false), VARIANT(false);

        private final boolean sharded;

        Dimension(boolean sharded) {
            this.sharded = sharded;
        }

        public boolean isSharded() {
            return sharded;
        }
    }

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "dimension", length = 16)
    private Dimension dimension;

    @Id
    @Column(name = "group_key", length = 2048)
    private String groupKey;

    @Id
    @Column(name = "shard")
    private int shard;

    @Column(name = "row_total", nullable = false)
    private long rows;

    protected MetricTally() {
    }

    public long getRows() {
        return rows;
    }

    /** The primary key: tenant, dimension, group and shard. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long tenantId;
        private Dimension dimension;
        private String groupKey;
        private int shard;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && tenantId == other.tenantId && dimension == other.dimension
                    && Objects.equals(groupKey, other.groupKey) && shard == other.shard;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, dimension, groupKey, shard);
        }
    }
}
