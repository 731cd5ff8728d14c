package org.monitorserver.persistence.statistics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.monitorserver.domain.statistics.AnalyzeMark;
import org.monitorserver.persistence.Dialect;
import org.monitorserver.persistence.schema.SchemaMigration;
import org.monitorserver.persistence.statistics.TableStatistics.DueTable;

/**
 * Keeps the planner's statistics fresh on PostgreSQL, which these servers run without autovacuum: every
 * {@value #PERIOD_MILLIS} ms (counted from the end of the last check) it compares the maintained row totals with
 * the {@link AnalyzeMark marks} and analyzes each table whose family grew (or shrank) by more than a tenth since its
 * last analysis, then vacuums it (its visibility map, for index-only scans, and its dead rows). The short period
 * is also what makes a large write (a bulk POST, an import chunk) analyzed soon
 * after it commits; no writer calls in here, so no write waits on an analysis. Nothing is held in memory: of
 * several servers sharing the database, the one whose conditional UPDATE claims a crossing analyzes it.
 *
 * <p>On H2 it does nothing: H2 analyzes a table itself after its first 2,000 changed rows and again each time
 * that number doubles ({@code ANALYZE_AUTO}), and its plans read its exact row counts.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
// The check reads and each analysis is a transaction of its own, in TableStatistics.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatisticsKeeper {

    private static final Logger LOG = Logger.getLogger(StatisticsKeeper.class.getName());

    /**
     * Between two checks: a bulk load's rows get statistics within a couple of seconds, and a check that finds
     * nothing due is two small queries.
     */
    static final long PERIOD_MILLIS = 2_000;

    @Resource
    TimerService timers;

    @EJB
    SchemaMigration schema;

    @EJB
    TableStatistics statistics;

    @PostConstruct
    void start() {
        if (schema.dialect() != Dialect.POSTGRESQL) {
            LOG.info("Statistics keeper off: H2 analyzes its tables itself");
            return;
        }
        scheduleNext();
        LOG.info(() -> "Statistics keeper started: tables analyzed when " + Math.round(AnalyzeMark.DUE_SHARE * 100)
                + "% of their rows changed, checked every " + PERIOD_MILLIS + " ms");
    }

    @Timeout
    void check() {
        try {
            for (DueTable due : statistics.due()) {
                analyze(due);
            }
        } catch (IllegalStateException e) {
            // The deployment is stopping under a running check (WildFly's ComponentIsStoppedException is one): the
            // check ends here, in one line rather than a stack trace per table.
            LOG.info(() -> "Statistics check ended: " + e.getMessage());
        } catch (RuntimeException e) {
            // Logged, not thrown: the next check runs anyway, and a failed one has changed nothing.
            LOG.log(Level.WARNING, "Statistics check failed; retrying in " + PERIOD_MILLIS + " ms", e);
        } finally {
            scheduleNext();
        }
    }

    /**
     * The next check, {@value #PERIOD_MILLIS} ms after this one ends: one timer at a time, so a long ANALYZE never
     * overlaps the next check (an interval timer would skip it with a warning). Not persistent: a check missed
     * while the server is down is the first one after it starts.
     */
    private void scheduleNext() {
        try {
            timers.createSingleActionTimer(PERIOD_MILLIS, new TimerConfig("statistics keeper", false));
        } catch (IllegalStateException e) {
            // The timer service refuses new timers once the deployment stops: a check that ran into the undeploy.
            LOG.info(() -> "Statistics keeper stopped: " + e.getMessage());
        }
    }

    /**
     * The crossing's VACUUM, by the server that claimed it: best effort, since the statistics are already fresh; a
     * failed one is logged and the next crossing vacuums again.
     */
    private void vacuum(DueTable due) {
        String table = due.mark().getTableName();
        long started = System.nanoTime();
        try {
            statistics.vacuum(due.mark());
            LOG.fine(() -> "Vacuumed " + table + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "VACUUM " + table + " failed; the next crossing tries again", e);
        }
    }

    private void analyze(DueTable due) {
        String table = due.mark().getTableName();
        long started = System.nanoTime();
        try {
            if (statistics.analyze(due)) {
                LOG.fine(() -> "Analyzed " + table + " in " + (System.nanoTime() - started) / 1_000_000 + " ms: "
                        + due.rows() + " " + due.mark().getFamily() + " rows, " + due.mark().getRowsAtAnalyze()
                        + " at its last analysis");
                vacuum(due);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            // One table's failure (a lock, a dropped table) leaves the others to be analyzed.
            LOG.log(Level.WARNING, "ANALYZE " + table + " failed; retrying in " + PERIOD_MILLIS + " ms", e);
        }
    }
}
