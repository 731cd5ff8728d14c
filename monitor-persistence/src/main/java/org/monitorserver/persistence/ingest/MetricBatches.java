package org.monitorserver.persistence.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.persistence.StorageUnavailableException;
import org.monitorserver.persistence.figures.MaintainedFigures;
import org.monitorserver.persistence.metric.MetricRows;

/**
 * Stores one group-commit batch: its rows and every figure they count in, in one JTA transaction begun and
 * committed here, on the transaction's one connection of MonitorDS.
 */
@ApplicationScoped
public class MetricBatches {

    private static final Logger LOG = Logger.getLogger(MetricBatches.class.getName());

    @Inject
    UserTransaction transaction;

    @Inject
    MetricRows rows;

    @Inject
    MaintainedFigures figures;

    /**
     * Stores {@code metrics}; they are committed when this returns.
     *
     * @throws RuntimeException when they were not, and nothing of them was kept
     */
    public void store(List<Metric> metrics) {
        try {
            transaction.begin();
            try (Connection connection = figures.connection()) {
                rows.insert(connection, metrics);
                figures.addMetrics(connection, metrics);
            }
            transaction.commit();
        } catch (Exception | Error e) {
            // An Error too: the transaction must not stay bound to the writer thread.
            rollBack();
            if (e instanceof Error error) {
                throw error;
            }
            throw e instanceof RuntimeException runtime ? runtime
                    : new StorageUnavailableException("the batch was not committed: " + e.getMessage(), e);
        }
    }

    private void rollBack() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            LOG.log(Level.WARNING, "A failed batch's transaction could not be rolled back", e);
        }
    }
}
