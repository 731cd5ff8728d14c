package org.monitorserver.persistence;

import jakarta.persistence.EntityManager;
import java.util.concurrent.ThreadLocalRandom;
import org.monitorserver.domain.count.RowCount;
import org.monitorserver.domain.count.RowCount.Family;

/**
 * The maintained row counts ({@link RowCount}): writers add in their own transaction, so a count never includes
 * an uncommitted row and never misses a committed one, on any number of instances.
 */
public final class RowCounts {

    private RowCounts() {
    }

    /** Adds {@code delta} rows of {@code family} within the caller's transaction. */
    public static void add(EntityManager em, long tenant, Family family, long delta) {
        int updated = em.createNamedQuery(RowCount.ADD_BY_SHARD)
                .setParameter("delta", delta)
                .setParameter("tenant", tenant)
                .setParameter("family", family)
                .setParameter("shard", ThreadLocalRandom.current().nextInt(RowCount.SHARDS))
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("tenant " + tenant + " has no " + family + " count shards");
        }
    }

    /** The number of committed rows of {@code family}. */
    public static long total(EntityManager em, long tenant, Family family) {
        Number sum = em.createNamedQuery(RowCount.SUM_BY_FAMILY, Number.class)
                .setParameter("tenant", tenant)
                .setParameter("family", family)
                .getSingleResult();
        return sum == null ? 0 : sum.longValue();
    }
}
