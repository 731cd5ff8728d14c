package org.monitorserver.persistence.statistics;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.monitorserver.domain.count.RowCount;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.domain.statistics.AnalyzeMark;
import org.monitorserver.persistence.StorageUnavailableException;
import org.monitorserver.persistence.UtcClock;

/**
 * The tables' analysis marks ({@link AnalyzeMark}) against the maintained row totals, and the claimed
 * {@code ANALYZE} of one table (PostgreSQL). The totals are those writers keep in their own transactions, so they
 * count every write path (POSTs, bulk, imports) on every server sharing the database.
 */
@Stateless
public class TableStatistics {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/MonitorDS")
    DataSource dataSource;

    /** A table whose statistics are stale: its mark, and its family's total over every tenant now. */
    public record DueTable(AnalyzeMark mark, long rows) {
    }

    /** The tables due for an analysis, from one read of the row totals. */
    public List<DueTable> due() {
        Map<Family, Long> totals = new EnumMap<>(Family.class);
        for (Object[] row : em.createNamedQuery(RowCount.SUM_PER_FAMILY, Object[].class).getResultList()) {
            totals.put((Family) row[0], ((Number) row[1]).longValue());
        }
        return em.createNamedQuery(AnalyzeMark.FIND_ALL, AnalyzeMark.class).getResultStream()
                .map(mark -> new DueTable(mark, totals.getOrDefault(mark.getFamily(), 0L)))
                .filter(due -> due.mark().isDueAt(due.rows()))
                .toList();
    }

    /**
     * Claims the analysis of {@code due}'s table and runs it, in one transaction of its own. The claim's row lock
     * lasts until the {@code ANALYZE} commits: a server claiming the same crossing waits, then finds the mark moved
     * and updates nothing. An {@code ANALYZE} that fails rolls its claim back, so the table stays due.
     *
     * @return false when another server claimed this crossing first
     */
    // REQUIRES_NEW: never inside a writer's transaction, and ANALYZE holds its table lock only until this commits.
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean analyze(DueTable due) {
        AnalyzeMark mark = due.mark();
        int claimed = em.createNamedQuery(AnalyzeMark.CLAIM)
                .setParameter("rows", due.rows())
                .setParameter("now", UtcClock.now())
                .setParameter("table", mark.getTableName())
                .setParameter("analyses", mark.getAnalyses())
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        // Native: JPQL has no ANALYZE. PostgreSQL runs it inside a transaction (unlike VACUUM).
        em.createNativeQuery(mark.analyzeStatement()).executeUpdate();
        return true;
    }

    /**
     * Vacuums {@code mark}'s table, after an analysis this server claimed: PostgreSQL sets the visibility map only
     * in a VACUUM, and index-only scans (the per-component builds' probes, for one) read the table wherever it is
     * not set; without autovacuum nothing else would run one. VACUUM runs only outside a transaction, so this
     * takes its own connection of MonitorDS in autocommit mode.
     *
     * @throws StorageUnavailableException when the database refused it
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void vacuum(AnalyzeMark mark) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            statement.execute(mark.vacuumStatement());
        } catch (SQLException e) {
            throw StorageUnavailableException.refused(e);
        }
    }
}
