package org.monitorserver.persistence.ingest;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.monitorserver.domain.HashIdentified;
import org.monitorserver.domain.context.ExecutionContext;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.ConflictException;
import org.monitorserver.persistence.HashIdentifiedWriter;
import org.monitorserver.persistence.HashIdentifiedWriter.DuplicateKeyException;
import org.monitorserver.persistence.StorageUnavailableException;
import org.monitorserver.persistence.context.ContextIngest;
import org.monitorserver.persistence.figures.MaintainedFigures;
import org.monitorserver.persistence.imports.PymonFile.Chunk;
import org.monitorserver.persistence.metric.MetricIngest;

/**
 * The writes of a {@code .pymon} import. Identity is the session hash: a session the tenant already has is
 * skipped whole, with its metrics, since pytest-monitor writes a session's metrics during that session only. The
 * new sessions of a chunk are stored together with all their metrics in one transaction, so that no session is
 * ever stored without its metrics, and a job taken over after a crash skips what was stored before. Every
 * maintained figure is kept as the REST writes keep it, through the same code: row counts, metric tallies and id
 * blocks, component lists ({@link MetricIngest}), pipeline and build lists ({@link MaintainedFigures}).
 */
@Stateless
public class ImportIngest {

    /** Hashes per lookup query: well under any driver's parameter limit. */
    private static final int HASHES_PER_QUERY = 1000;

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    @Inject
    IngestMeters meters;

    @EJB
    private MetricIngest metrics;

    @Inject
    private MaintainedFigures figures;

    @EJB
    private ContextIngest contexts;

    /** What one call stored and skipped, in rows (sessions, contexts and metrics together). */
    public record Outcome(long stored, long skipped) {
    }

    /**
     * Stores the contexts of a file that the tenant does not have yet, each as {@code POST /contexts/} would
     * (racing writers included). A stored context is kept as it is: an identical one, or one with the same hash
     * and other content, is skipped and counted as skipped; the file's metrics still refer to it by hash.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome storeContexts(long tenant, List<ExecutionContext> candidates) {
        long stored = 0;
        for (int from = 0; from < candidates.size(); from += HASHES_PER_QUERY) {
            List<ExecutionContext> part = candidates.subList(from, Math.min(candidates.size(), from
                    + HASHES_PER_QUERY));
            Set<String> known = storedHashes(ExecutionContext.FIND_BY_HASHES, ExecutionContext.class, tenant, part);
            List<ExecutionContext> fresh = part.stream().filter(c -> !known.contains(c.getHash())).toList();
            Map<Integer, ConflictException> conflicts = contexts.registerAll(fresh);
            stored += fresh.size() - conflicts.size();
        }
        return new Outcome(stored, candidates.size() - stored);
    }

    /**
     * Stores, in one transaction, the sessions of {@code chunk} that the tenant does not have, with all their
     * metrics; the others are skipped with theirs.
     *
     * @throws DuplicateKeyException when a concurrent writer stored one of the sessions first: nothing of the
     *         chunk is stored, and the caller runs it again (that session is then skipped)
     */
    public Outcome storeChunk(long tenant, Long user, Chunk chunk) {
        Set<String> known = storedHashes(Session.FIND_BY_HASHES, Session.class, tenant, chunk.sessions());
        List<Session> fresh = chunk.sessions().stream().filter(s -> !known.contains(s.getHash())).toList();
        Set<String> freshHashes = new HashSet<>();
        fresh.forEach(s -> freshHashes.add(s.getHash()));
        List<Metric> freshMetrics = chunk.metrics().stream().filter(m -> freshHashes.contains(m.getSessionHash()))
                .toList();
        if (!fresh.isEmpty()) {
            try {
                fresh.forEach(session -> em.persist(session.sentBy(user)));
                em.flush();
            } catch (PersistenceException e) {
                if (HashIdentifiedWriter.isUniqueViolation(e)) {
                    throw new DuplicateKeyException();
                }
                throw e;
            }
            try (Connection connection = figures.connection()) {
                figures.addSessions(connection, fresh);
                figures.addRows(connection, tenant, Family.SESSION, fresh.size());
            } catch (SQLException e) {
                throw StorageUnavailableException.refused(e);
            }
            metrics.recordAll(freshMetrics);
            meters.stored(IngestMeters.Path.IMPORT, freshMetrics.size());
        }
        long stored = fresh.size() + freshMetrics.size();
        return new Outcome(stored, chunk.sessions().size() + chunk.metrics().size() - stored);
    }

    private <T extends HashIdentified<T>> Set<String> storedHashes(String findByHashes, Class<T> type, long tenant,
            List<T> candidates) {
        var known = new HashSet<String>();
        for (int from = 0; from < candidates.size(); from += HASHES_PER_QUERY) {
            List<String> hashes = new ArrayList<>();
            candidates.subList(from, Math.min(candidates.size(), from + HASHES_PER_QUERY))
                    .forEach(c -> hashes.add(c.getHash()));
            em.createNamedQuery(findByHashes, type).setParameter("tenant", tenant).setParameter("hashes", hashes)
                    .getResultStream().forEach(stored -> known.add(stored.getHash()));
        }
        return known;
    }
}
