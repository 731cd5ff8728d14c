package org.monitorserver.persistence.ingest;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.monitorserver.domain.context.ExecutionContext;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.ConflictException;
import org.monitorserver.persistence.context.ContextIngest;
import org.monitorserver.persistence.metric.MetricIngest;
import org.monitorserver.persistence.session.SessionIngest;

/**
 * The door writers of results go through: the REST resources, the {@code .pymon} import jobs and, later, run
 * tracking. It takes domain objects that their front door has already read and validated whole, and decides how
 * they are written: many metrics in one transaction, sessions and contexts in chunks of {@value #CHUNK}
 * (idempotent, so a chunk may commit alone). Single metrics skip it for the group commit's queue
 * ({@link MetricWriter}), whose batches are written the same way.
 * It never reads a request body or a file, so no transaction waits on a client.
 */
@Stateless
// Each write below is one transaction of its own (or several, chunked): none spans two calls.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IngestService {

    /** Sessions or contexts per transaction: one query for the stored hashes, one insert batch for the new ones. */
    static final int CHUNK = 500;

    @Inject
    IngestMeters meters;

    @EJB
    private ContextIngest contexts;

    @EJB
    private SessionIngest sessions;

    @EJB
    private MetricIngest metrics;


    /**
     * Stores {@code context}, or answers the identical one already stored.
     *
     * @throws ConflictException when its hash is stored with other content
     */
    public ExecutionContext registerContext(ExecutionContext context) {
        return contexts.register(context);
    }

    /**
     * Stores {@code session} with its tags, or answers the identical one already stored.
     *
     * @throws ConflictException when its hash is stored with other content
     */
    public Session registerSession(Session session) {
        return sessions.register(session);
    }

    /**
     * Stores {@code all} (of any tenants) in one transaction: every one of them, counted, or none.
     *
     * @return how many were stored
     */
    public long recordMetrics(List<Metric> all) {
        long stored = all.isEmpty() ? 0 : metrics.recordAll(all);
        meters.stored(IngestMeters.Path.BULK, stored);
        return stored;
    }

    /**
     * Stores {@code all} (of one tenant) as {@link #registerContext} would one after the other, {@value #CHUNK}
     * per transaction.
     *
     * @return the conflicts, by position in {@code all}
     */
    public Map<Integer, ConflictException> registerContexts(List<ExecutionContext> all) {
        return inChunks(all, contexts::registerAll);
    }

    /**
     * Stores {@code all} (of one tenant) as {@link #registerSession} would one after the other, {@value #CHUNK}
     * per transaction.
     *
     * @return the conflicts, by position in {@code all}
     */
    public Map<Integer, ConflictException> registerSessions(List<Session> all) {
        return inChunks(all, sessions::registerAll);
    }

    private static <T> Map<Integer, ConflictException> inChunks(List<T> all,
            Function<List<T>, Map<Integer, ConflictException>> store) {
        var conflicts = new HashMap<Integer, ConflictException>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            int offset = from;
            store.apply(all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .forEach((position, conflict) -> conflicts.put(offset + position, conflict));
        }
        return conflicts;
    }
}
