package org.monitorserver.persistence.metric;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.persistence.StorageUnavailableException;
import org.monitorserver.persistence.figures.MaintainedFigures;

/**
 * Writes of many metrics in one transaction: bulk loads and imports. Metrics are append-only and need no session
 * or context to exist first. Single POSTs go through the group commit instead
 * ({@link org.monitorserver.persistence.ingest.MetricWriter}), which writes its batches the same way.
 */
@Stateless
public class MetricIngest {

    @Inject
    MetricRows rows;

    @Inject
    MaintainedFigures figures;

    /**
     * Stores {@code metrics} (of any tenants) in the caller's transaction, or a new one: all of them, counted in
     * every maintained figure, or, if anything fails, none.
     *
     * @return how many metrics were stored
     */
    public long recordAll(List<Metric> metrics) {
        try (Connection connection = figures.connection()) {
            rows.load(connection, metrics);
            figures.addMetrics(connection, metrics);
        } catch (SQLException e) {
            throw StorageUnavailableException.refused(e);
        }
        return metrics.size();
    }
}
