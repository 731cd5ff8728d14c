package org.monitorserver.persistence.metric;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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
     * Stores {@code metrics} (of any tenants), adds them to the metric counts and tallies and their components to
     * the component lists, all in one transaction: they are committed, and counted, when this call returns.
     * {@link org.monitorserver.persistence.ingest.MetricWriter} groups concurrent single POSTs into such batches.
     */
    public void recordBatch(List<Metric> metrics) {
        var added = new MetricTallies();
        for (Metric metric : metrics) {
            em.persist(metric);
            added.count(metric);
        }
        addFigures(added);
    }

    /**
     * Stores {@code metrics} (of any tenants) in one transaction: all of them or, if anything fails, none. Rows
     * are flushed in JDBC batches and then released from the persistence context, so that it stays small however
     * many there are.
     *
     * @return how many metrics were stored
     */
    public long recordAll(List<Metric> metrics) {
        long stored = 0;
        var added = new MetricTallies();
        for (Metric metric : metrics) {
            em.persist(metric);
            added.count(metric);
            if (++stored % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        addFigures(added);
        return stored;
    }

    /**
     * Adds what {@code added} counted to the maintained figures: the metric counts, the tallies, the component
     * lists, the node spans and the id blocks, in the caller's transaction. Tenants, groups and components come in a fixed order,
     * so that concurrent writers take these rows' locks in one order: no deadlock.
     */
    private void addFigures(MetricTallies added) {
        added.metricsByTenant().forEach((tenant, count) -> RowCounts.add(em, tenant, Family.METRIC, count));
        String vendor = schema.vendor();
        for (var component : added.addTalliesTo(em, vendor)) {
            if (!component.getValue().isEmpty()) {
                InsertIfAbsent.execute(em, vendor, Component.INSERT_IF_ABSENT_POSTGRESQL, Component.INSERT_IF_ABSENT_H2,
                        component.getKey(), component.getValue());
            }
        }
        added.addSpansTo(em, vendor);
        added.addBlocksTo(em, vendor);
    }
}
