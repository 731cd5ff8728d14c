package org.monitorserver.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import org.monitorserver.domain.HashIdentified;
import org.monitorserver.domain.count.RowCount.Family;

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
        return storeOnce(candidate, type, findByHash, family, (em, inserted) -> {
        });
    }

    /**
     * Same, and {@code onInsert} runs in the insert's transaction when {@code candidate} is new: for the
     * maintained lists a new row adds to, which then commit or roll back with it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T extends HashIdentified<T>> T storeOnce(T candidate, Class<T> type, String findByHash, Family family,
            BiConsumer<EntityManager, T> onInsert) {
        Optional<T> stored = find(candidate, type, findByHash);
        if (stored.isEmpty()) {
            try {
                return context.getBusinessObject(HashIdentifiedWriter.class).insert(candidate, family, onInsert);
            } catch (DuplicateKeyException raced) {
                LOG.fine(() -> type.getSimpleName() + " " + candidate.getHash() + " was stored concurrently");
                stored = find(candidate, type, findByHash);
            }
        }
        T existing = stored.orElseThrow(() -> new IllegalStateException(
                type.getSimpleName() + " " + candidate.getHash() + " violated its unique key but cannot be read"));
        if (!existing.sameContentAs(candidate)) {
            throw new ConflictException(type.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase()
                    + " " + candidate.getHash() + " already exists with different content");
        }
        return existing;
    }

    /**
     * Inserts {@code entity} in a transaction of its own. Called only through the container by
     * {@link #storeOnce}; public because a no-interface view exposes only public methods.
     *
     * @throws DuplicateKeyException when another transaction stored the same key first
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T extends HashIdentified<T>> T insert(T entity, Family family, BiConsumer<EntityManager, T> onInsert) {
        try {
            em.persist(entity);
            em.flush();
            RowCounts.add(em, entity.getTenantId(), family, 1);
            onInsert.accept(em, entity);
            return entity;
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateKeyException();
            }
            throw e;
        }
    }

    private <T extends HashIdentified<T>> Optional<T> find(T candidate, Class<T> type, String findByHash) {
        return em.createNamedQuery(findByHash, type)
                .setParameter("tenant", candidate.getTenantId())
                .setParameter("hash", candidate.getHash())
                .getResultStream()
                .findFirst();
    }

    private static boolean isUniqueViolation(Throwable e) {
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

        DuplicateKeyException() {
            super(null, null, false, false);
        }
    }
}
