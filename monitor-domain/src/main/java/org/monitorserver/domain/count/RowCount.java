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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One shard of a tenant's row count for one family. A write adds to a random shard in its own transaction, so
 * the sum of the shards is exactly the number of committed rows, and at most {@link #SHARDS} writers contend.
 * Whatever creates a tenant creates its shards: a migration, or the admin route (see {@link #forNewTenant}).
 */
@Entity
@Table(name = "tenant_row_count")
@IdClass(RowCount.Key.class)
@Cacheable(false)
@NamedQuery(name = RowCount.SUM_BY_FAMILY,
        query = "SELECT SUM(c.rows) FROM RowCount c WHERE c.tenantId = :tenant AND c.family = :family")
// Every tenant's: planner statistics are per table, not per tenant.
@NamedQuery(name = RowCount.SUM_PER_FAMILY,
        query = "SELECT c.family, SUM(c.rows) FROM RowCount c GROUP BY c.family")
public class RowCount {

    public static final String SUM_BY_FAMILY = "RowCount.sumByFamily";
    /** Per family, over every tenant: {@code [family, rows]}. */
    public static final String SUM_PER_FAMILY = "RowCount.sumPerFamily";

    /** Shards per tenant and family: enough for the connection pool's concurrent writers. */
    public static final int SHARDS = 16;

    /** Every shard of every family of a new tenant, at zero. */
    public static List<RowCount> forNewTenant(long tenantId) {
        var shards = new ArrayList<RowCount>();
        for (Family family : Family.values()) {
            for (int shard = 0; shard < SHARDS; shard++) {
                shards.add(new RowCount(tenantId, family, shard));
            }
        }
        return shards;
    }

    /** What is counted. */
    public enum Family {
        METRIC, SESSION, CONTEXT
    }

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "family", length = 16)
    private Family family;

    @Id
    @Column(name = "shard")
    private int shard;

    @Column(name = "row_total", nullable = false)
    private long rows;

    protected RowCount() {
    }

    /** Shard {@code shard} of a new tenant's count of {@code family}, at zero. */
    public RowCount(long tenantId, Family family, int shard) {
        if (shard < 0 || shard >= SHARDS) {
            throw new IllegalArgumentException("shards are 0 to " + (SHARDS - 1) + ", not " + shard);
        }
        this.tenantId = tenantId;
        this.family = Objects.requireNonNull(family, "family");
        this.shard = shard;
    }

    public long getRows() {
        return rows;
    }

    /** The primary key: tenant, family and shard. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long tenantId;
        private Family family;
        private int shard;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && tenantId == other.tenantId && family == other.family
                    && shard == other.shard;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, family, shard);
        }
    }
}
