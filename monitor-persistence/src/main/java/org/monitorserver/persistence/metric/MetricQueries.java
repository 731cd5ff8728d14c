package org.monitorserver.persistence.metric;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.monitorserver.domain.metric.Metric;

/** Reads of metrics, each one named query scoped to a tenant. */
@Stateless
public class MetricQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** How many metrics the tenant has. */
    public long count(long tenant) {
        return em.createNamedQuery(Metric.COUNT_BY_TENANT, Long.class)
                .setParameter("tenant", tenant).getSingleResult();
    }
}
