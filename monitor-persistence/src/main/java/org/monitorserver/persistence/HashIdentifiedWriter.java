package org.monitorserver.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.SessionContext;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import org.monitorserver.domain.HashIdentified;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.persistence.figures.MaintainedFigures;

/**
 * Stores sessions and contexts exactly once per (tenant, hash). pytest-monitor stops sending on anything but a
 * 201, so a repeated identical post must succeed and return the stored row, also when identical posts race:
 * the unique key decides the race, and the loser reads the winner's row.
 */
@Stateless
public class HashIdentifiedWriter {

    private static final Logger LOG = Logger.getLogger(HashIdentifiedWriter.class.getName());

    /** SQLSTATE of a unique-key violation, the same on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private MaintainedFigures figures;

    /**
     * Returns the stored row for {@code candidate}'s hash, inserting {@code candidate} if there is none.
     *
     * @param findByHash the entity's named query with parameters {@code tenant} and {@code hash}
     * @param family the row count that a new row adds to
     * @throws ConflictException when the stored row has other content
     */
    // No transaction here: the insert runs in its own, so that a lost race can be rolled back and then read.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T extends HashIdentified<T>> T storeOnce(T candidate, Class<T> type, String findByHash, Family family) {
        return storeOnce(candidate, type, findByHash, family, (connection, inserted) -> {
        });
    }

    /**
     * Same, and {@code onInsert} runs in the insert's transaction, on its connection, when {@code candidate} is
     * new: for the maintained figures a new row adds to, which then commit or roll back with it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T extends HashIdentified<T>> T storeOnce(T candidate, Class<T> type, String findByHash, Family family,
            BiConsumer<Connection, List<T>> onInsert) {
        Optional<T> stored = find(candidate, type, findByHash);
        if (stored.isEmpty()) {
            try {
                self().insert(List.of(candidate), family, onInsert);
                return candidate;
            } catch (DuplicateKeyException raced) {
                LOG.fine(() -> type.getSimpleName() + " " + candidate.getHash() + " was stored concurrently");
                stored = find(candidate, type, findByHash);
            }
        }
        T existing = stored.orElseThrow(() -> new IllegalStateException(
                type.getSimpleName() + " " + candidate.getHash() + " violated its unique key but cannot be read"));
        if (!existing.sameContentAs(candidate)) {
            throw conflict(type, candidate);
        }
        return existing;
    }

    /**
     * {@link #storeOnce} for many rows of one tenant at a time: the stored rows of their hashes are read with one
     * query ({@code findByHashes}, parameters {@code tenant} and {@code hashes}), and the new ones inserted in one
     * transaction. A hash repeated among the candidates is compared with its first occurrence. Should another
     * writer store one of the new hashes meanwhile, the whole transaction rolls back and the rows are stored one
     * by one instead, so the outcome is the same as {@link #storeOnce} row after row.
     *
     * @return the conflicts, by the candidate's position in {@code candidates}; every other candidate is stored
     *         (or was already)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T extends HashIdentified<T>> Map<Integer, ConflictException> storeAllOnce(List<T> candidates,
            Class<T> type, String findByHash, String findByHashes, Family family,
            BiConsumer<Connection, List<T>> onInsert) {
        var conflicts = new TreeMap<Integer, ConflictException>();
        if (candidates.isEmpty()) {
            return conflicts;
        }
        long tenant = candidates.get(0).getTenantId();
        if (candidates.stream().anyMatch(c -> c.getTenantId() != tenant)) {
            throw new IllegalArgumentException("rows of several tenants");
        }
        var known = new HashMap<String, T>();
        em.createNamedQuery(findByHashes, type).setParameter("tenant", tenant)
                .setParameter("hashes", candidates.stream().map(HashIdentified::getHash).distinct().toList())
                .getResultStream().forEach(stored -> known.put(stored.getHash(), stored));
        var fresh = new ArrayList<T>();
        for (int i = 0; i < candidates.size(); i++) {
            T candidate = candidates.get(i);
            T existing = known.putIfAbsent(candidate.getHash(), candidate);
            if (existing == null) {
                fresh.add(candidate);
            } else if (!existing.sameContentAs(candidate)) {
                conflicts.put(i, conflict(type, candidate));
            }
        }
        if (!fresh.isEmpty()) {
            try {
                self().insert(fresh, family, onInsert);
            } catch (DuplicateKeyException raced) {
                LOG.fine(() -> "Some of " + fresh.size() + " new " + type.getSimpleName()
                        + " rows were stored concurrently; storing them one by one");
                conflicts.clear();
                for (int i = 0; i < candidates.size(); i++) {
                    try {
                        storeOnce(candidates.get(i), type, findByHash, family, onInsert);
                    } catch (ConflictException e) {
                        conflicts.put(i, e);
                    }
                }
            }
        }
        return conflicts;
    }

    /**
     * Inserts {@code entities} in a transaction of their own. Called only through the container by
     * {@link #storeOnce} and {@link #storeAllOnce}; public because a no-interface view exposes only public
     * methods.
     *
     * @throws DuplicateKeyException when another transaction stored one of the same keys first
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T extends HashIdentified<T>> void insert(List<T> entities, Family family,
            BiConsumer<Connection, List<T>> onInsert) {
        try {
            entities.forEach(em::persist);
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateKeyException();
            }
            throw e;
        }
        try (Connection connection = figures.connection()) {
            // The family's figures (sessions: their locks first) before the row count, as MaintainedFigures orders.
            onInsert.accept(connection, entities);
            figures.addRows(connection, entities.get(0).getTenantId(), family, entities.size());
        } catch (SQLException e) {
            throw StorageUnavailableException.refused(e);
        }
    }

    private HashIdentifiedWriter self() {
        return context.getBusinessObject(HashIdentifiedWriter.class);
    }

    private static ConflictException conflict(Class<?> type, HashIdentified<?> candidate) {
        return new ConflictException(type.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase()
                + " " + candidate.getHash() + " already exists with different content");
    }

    private <T extends HashIdentified<T>> Optional<T> find(T candidate, Class<T> type, String findByHash) {
        return em.createNamedQuery(findByHash, type)
                .setParameter("tenant", candidate.getTenantId())
                .setParameter("hash", candidate.getHash())
                .getResultStream()
                .findFirst();
    }

    /** Whether {@code e} or one of its causes is a unique-key violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The insert lost a race on the natural key; its transaction is rolled back. */
    @ApplicationException(rollback = true)
    public static class DuplicateKeyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public DuplicateKeyException() {
            super(null, null, false, false);
        }
    }
}
