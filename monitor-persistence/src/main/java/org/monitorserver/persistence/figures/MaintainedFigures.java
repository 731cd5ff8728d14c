package org.monitorserver.persistence.figures;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.monitorserver.domain.count.RowCount;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.Dialect;
import org.monitorserver.persistence.AfterCommits;
import org.monitorserver.persistence.StorageUnavailableException;
import org.monitorserver.persistence.schema.SchemaMigration;

/**
 * The one room where the maintained figures are written: row counts, metric tallies, id blocks, node spans,
 * rankings, and the insert-if-absent lists (components, pipelines, builds). Every writer of metrics, sessions and
 * contexts (single POSTs, bulk, imports) calls it in its own transaction, on a connection of MonitorDS taken in
 * that transaction (the pool hands out the transaction's one connection), so a figure commits or rolls back with
 * the rows it counts, on any number of servers. JDBC, not JPA: the statements are upserts and lists of values
 * that JPQL cannot say, and the single-metric writer runs them without an entity manager.
 *
 * <p>Order matters for deadlocks: the rankings' session locks come before any row lock; then every figure's rows
 * are written in key order; the id blocks, which every writer shares, come last.
 */
@ApplicationScoped
public class MaintainedFigures {

    @Resource(lookup = "java:jboss/datasources/MonitorDS")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @EJB
    SchemaMigration schema;

    private Dialect dialect;

    private Rankings rankings;

    private String componentInsert;
    private String pipelineInsert;
    private String buildUpsert;

    @PostConstruct
    void start() {
        dialect = schema.dialect();
        AfterCommit afterCommit = this::afterCommit;
        rankings = new Rankings(new SessionLocks(dialect, transactions), afterCommit);
        componentInsert = dialect.insertIfAbsent("component", List.of("tenant_id", "name"));
        pipelineInsert = dialect.insertIfAbsent("pipeline", List.of("tenant_id", "name"));
        buildUpsert = dialect.upsertBuild();
    }

    /** The database's dialect, resolved once at start. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * A connection of MonitorDS in the caller's transaction, for writers that have none of their own: close it
     * when done (the transaction goes on).
     */
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw StorageUnavailableException.refused(e);
        }
    }

    /**
     * Adds {@code metrics}, stored in this transaction with their ids, to every figure they count in: rankings,
     * metric counts, tallies, the component lists, node spans and id blocks.
     */
    public void addMetrics(Connection connection, List<Metric> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        try {
            rankings.addMetrics(connection, metrics);
            var added = new MetricTallies();
            metrics.forEach(added::count);
            for (Map.Entry<Long, Long> tenant : added.metricsByTenant().entrySet()) {
                addRows(connection, tenant.getKey(), Family.METRIC, tenant.getValue());
            }
            for (Map.Entry<Long, String> component : added.addTalliesTo(connection, dialect)) {
                // Metrics without a component are tallied under "", which the component list never shows.
                if (!component.getValue().isEmpty()) {
                    Sql.update(connection, componentInsert, List.of(component.getKey(), component.getValue()));
                }
            }
            added.addSpansTo(connection, dialect);
            added.addBlocksTo(connection, dialect);
        } catch (SQLException e) {
            throw StorageUnavailableException.refused(e);
        }
    }

    /**
     * Adds new {@code sessions} (of one tenant, stored in this transaction) to their pipelines' rankings (the
     * metrics that came before them) and to the pipeline and build lists, each once, in a fixed order; a build's
     * first run date goes down to the earliest of its sessions.
     */
    public void addSessions(Connection connection, List<Session> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        try {
            rankings.addSessions(connection, sessions);
            long tenant = sessions.get(0).getTenantId();
            var pipelines = new TreeSet<String>();
            // Each build once, with the earliest run date of its sessions here, in key order.
            var builds = new TreeMap<List<String>, LocalDateTime>(Comparator.<List<String>, String>comparing(
                    b -> b.get(0)).thenComparing(b -> b.get(1)));
            for (Session session : sessions) {
                if (session.getPipeline() != null) {
                    pipelines.add(session.getPipeline());
                    if (session.getBuild() != null) {
                        builds.merge(List.of(session.getPipeline(), session.getBuild()), session.getRunDate(),
                                (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            }
            for (String pipeline : pipelines) {
                Sql.update(connection, pipelineInsert, List.of(tenant, pipeline));
            }
            for (Map.Entry<List<String>, LocalDateTime> build : builds.entrySet()) {
                Sql.update(connection, buildUpsert, List.of(tenant, build.getKey().get(0), build.getKey().get(1),
                        Timestamp.valueOf(build.getValue())));
            }
        } catch (SQLException e) {
            throw StorageUnavailableException.refused(e);
        }
    }

    /** Adds {@code delta} rows of {@code family} to one random shard of the tenant's count. */
    public void addRows(Connection connection, long tenant, Family family, long delta) {
        try {
            int updated = Sql.update(connection, "UPDATE tenant_row_count SET row_total = row_total + ?"
                    + " WHERE tenant_id = ? AND family = ? AND shard = ?", List.of(delta, tenant, family.name(),
                            ThreadLocalRandom.current().nextInt(RowCount.SHARDS)));
            if (updated != 1) {
                throw new IllegalStateException("tenant " + tenant + " has no " + family + " count shards");
            }
        } catch (SQLException e) {
            throw StorageUnavailableException.refused(e);
        }
    }

    private void afterCommit(Runnable learnt) {
        AfterCommits.register(transactions, learnt);
    }

}
