package org.monitorserver.persistence.metric;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.domain.metric.Component;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.persistence.InsertIfAbsent;
import org.monitorserver.persistence.RowCounts;
import org.monitorserver.persistence.schema.SchemaMigration;

/** Writes of metrics. Metrics are append-only and need no session or context to exist first. */
@Stateless
public class MetricIngest {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    @EJB
    private SchemaMigration schema;

    /**
     * Stores {@code metric}, adds it to the metric count and its component to the component list, all in one
     * transaction: it is committed, and counted, when this call returns.
     */
    public Metric record(Metric metric) {
        em.persist(metric);
        RowCounts.add(em, metric.getTenantId(), Family.METRIC, 1);
        String component = metric.getItem().getComponent();
        if (!component.isEmpty()) {
            InsertIfAbsent.execute(em, schema.vendor(), Component.INSERT_IF_ABSENT_POSTGRESQL,
                    Component.INSERT_IF_ABSENT_H2, metric.getTenantId(), component);
        }
        return metric;
    }
}
