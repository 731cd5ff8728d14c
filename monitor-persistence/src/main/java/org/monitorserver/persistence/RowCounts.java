package org.monitorserver.persistence;

import jakarta.persistence.EntityManager;
import org.monitorserver.domain.count.RowCount;
import org.monitorserver.domain.count.RowCount.Family;

/**
 * Reads the maintained row counts ({@link RowCount}). Writers add to them in their own transaction
 * ({@code MaintainedFigures}), so a count never includes an uncommitted row and never misses a committed one, on
 * any number of instances.
 */
public final class RowCounts {

    private RowCounts() {
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
