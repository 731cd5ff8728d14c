package org.monitorserver.persistence.metric;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.Iterator;
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

    /** Rows per flush of a bulk insert: the JDBC batch size (persistence.xml), then the context is cleared. */
    private static final int FLUSH_EVERY = 500;

    @EJB
    private SchemaMigration schema;

    /**
     * Stores {@code metric}, adds it to the metric count and its component to the component list, all in one
     * transaction: it is committed, and counted, when this call returns.
     */
    public Metric record(Metric metric) {
        em.persist(metric);
        RowCounts.add(em, metric.getTenantId(), Family.METRIC, 1);
        addComponent(metric.getTenantId(), metric.getItem().getComponent());
        return metric;
    }

    /**
     * Stores every metric {@code metrics} yields, in one transaction: all of them or, if anything fails (the
     * database, or the request body breaking off), none. Rows are flushed in JDBC batches and then released, so
     * memory stays bounded however many there are.
     *
     * @return how many metrics were stored
     */
    public long recordAll(long tenant, Iterator<Metric> metrics) {
        long stored = 0;
        var components = new HashSet<String>();
        while (metrics.hasNext()) {
            Metric metric = metrics.next();
            em.persist(metric);
            components.add(metric.getItem().getComponent());
            if (++stored % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        if (stored > 0) {
            RowCounts.add(em, tenant, Family.METRIC, stored);
            components.forEach(component -> addComponent(tenant, component));
        }
        return stored;
    }

    private void addComponent(long tenant, String component) {
        if (!component.isEmpty()) {
            InsertIfAbsent.execute(em, schema.vendor(), Component.INSERT_IF_ABSENT_POSTGRESQL,
                    Component.INSERT_IF_ABSENT_H2, tenant, component);
        }
    }
}
