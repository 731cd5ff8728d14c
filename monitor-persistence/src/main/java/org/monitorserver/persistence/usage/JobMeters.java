package org.monitorserver.persistence.usage;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;
import org.monitorserver.persistence.ingest.IngestMeters;

/**
 * Background jobs by kind and state for the operators' metrics: {@code monitor_jobs{kind="import",state="queued"}}
 * and so on, over every tenant. A scrape reads the database at most once every {@value #REFRESH_MILLIS} ms (a few
 * index lookups per tenant); when the database does not answer, the gauges keep their last values.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobMeters {

    private static final Logger LOG = Logger.getLogger(JobMeters.class.getName());

    static final long REFRESH_MILLIS = 10_000;

    @EJB
    TaskQueueQueries queues;

    @Inject
    IngestMeters meters;

    private volatile Map<String, QueueFigures> figures = Map.of("import", QueueFigures.NONE, "run", QueueFigures.NONE);
    private volatile long readAt;

    @PostConstruct
    void register() {
        for (String kind : figures.keySet()) {
            meters.gauge("monitor.jobs", this, jobs -> jobs.current(kind).queued(), "kind", kind, "state", "queued");
            meters.gauge("monitor.jobs", this, jobs -> jobs.current(kind).inProgress(), "kind", kind, "state",
                    "running");
        }
    }

    private QueueFigures current(String kind) {
        long now = System.currentTimeMillis();
        if (now - readAt > REFRESH_MILLIS) {
            readAt = now;
            try {
                figures = queues.byKind();
            } catch (RuntimeException databaseDown) {
                LOG.fine(() -> "Job figures not refreshed: " + databaseDown);
            }
        }
        return figures.get(kind);
    }
}
