package org.monitorserver.persistence.metric;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.monitorserver.domain.metric.Metric;

/** Writes of metrics. Metrics are append-only and need no session or context to exist first. */
@Stateless
public class MetricIngest {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** Stores {@code metric}; it is committed when this call returns. */
    public Metric record(Metric metric) {
        em.persist(metric);
        return metric;
    }
}
