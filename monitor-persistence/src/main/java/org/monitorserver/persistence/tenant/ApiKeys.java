package org.monitorserver.persistence.tenant;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.monitorserver.domain.tenant.ApiKey;
import org.monitorserver.domain.tenant.Credential;
import org.monitorserver.domain.tenant.KeyHash;
import org.monitorserver.domain.tenant.User;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.UtcClock;

/**
 * API keys: issued (the only time a key exists outside its holder's hands), listed, revoked, rotated, and looked
 * up by hash when a request presents one. Who may manage which keys is decided by the admin routes
 * ({@code Caller}). Logs name keys by id, never by key or hash.
 */
@Stateless
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());

    /** How often "last used" is written per key at most. */
    public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** Random bytes per key: 192 bits, above the 128 that make guessing hopeless. */
    private static final int KEY_BYTES = 24;

    /** Keys start with this, so that secret scanners and people can tell one when they see it. */
    public static final String KEY_PREFIX = "msk_";

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** A key just issued: its record and the key itself, to be shown once. */
    public record IssuedKey(ApiKey record, String key) {

        @Override
        public String toString() {
            return "IssuedKey[id=" + record.getId() + "]";
        }
    }

    /** A new random key. */
    public static String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Issues a new random key to user {@code user}. */
    public IssuedKey issue(long user) {
        return store(user, newKey());
    }

    /** Stores {@code key}, chosen by the caller (the superadmin's first key may come from the environment). */
    private IssuedKey store(long user, String key) {
        var record = new ApiKey(user, KeyHash.of(key), UtcClock.now());
        em.persist(record);
        em.flush();
        LOG.info(() -> "API key " + record.getId() + " issued to user " + user);
        return new IssuedKey(record, key);
    }

    /** The keys of user {@code user}, revoked ones too, oldest first. */
    public Page<ApiKey> list(long user, PageRequest request) {
        return PageQuery.fetch(em.createNamedQuery(ApiKey.FIND_BY_USER, ApiKey.class).setParameter("user", user),
                em.createNamedQuery(ApiKey.COUNT_BY_USER, Long.class).setParameter("user", user), request);
    }

    /** Key {@code id} if it belongs to user {@code user}. */
    public Optional<ApiKey> find(long user, long id) {
        return em.createNamedQuery(ApiKey.FIND_BY_ID_AND_USER, ApiKey.class).setParameter("id", id)
                .setParameter("user", user).getResultStream().findFirst();
    }

    /**
     * Revokes key {@code id} of user {@code user}.
     *
     * @return false when the user has no such key; revoking a revoked key changes nothing and answers true
     */
    public boolean revoke(long user, long id) {
        if (find(user, id).isEmpty()) {
            return false;
        }
        if (em.createNamedQuery(ApiKey.REVOKE).setParameter("now", UtcClock.now()).setParameter("id", id)
                .executeUpdate() == 1) {
            LOG.info(() -> "API key " + id + " of user " + user + " revoked");
        }
        return true;
    }

    /**
     * Replaces key {@code id} of user {@code user}: revokes it and issues a new one, in one transaction.
     *
     * @return empty when the user has no such key, or it is revoked already (a rotation happens once)
     */
    public Optional<IssuedKey> rotate(long user, long id) {
        Optional<ApiKey> old = find(user, id);
        if (old.isEmpty() || em.createNamedQuery(ApiKey.REVOKE).setParameter("now", UtcClock.now())
                .setParameter("id", id).executeUpdate() != 1) {
            return Optional.empty();
        }
        IssuedKey fresh = issue(user);
        LOG.info(() -> "API key " + id + " of user " + user + " rotated to key " + fresh.record().getId());
        return Optional.of(fresh);
    }

    /** Writes the superadmin's generated first key where the admin finds it; a failure undoes the key. */
    @FunctionalInterface
    public interface FirstKeyWriter {
        void write(String key) throws IOException;
    }

    /**
     * Gives the superadmin a first key if they never had one: {@code chosen} (from the environment) or, when it is
     * null, a generated key handed to {@code writer} before the transaction commits, so that a key nobody could
     * read is never stored. Servers starting together on one database serialize on the superadmin's row: one
     * issues the key, the others find it.
     *
     * @return the key issued now; empty when the superadmin has, or had, a key
     */
    public Optional<IssuedKey> issueFirstSuperadminKey(String chosen, FirstKeyWriter writer) {
        em.find(User.class, User.SUPERADMIN_ID, LockModeType.PESSIMISTIC_WRITE);
        if (em.createNamedQuery(ApiKey.COUNT_BY_USER, Long.class).setParameter("user", User.SUPERADMIN_ID)
                .getSingleResult() > 0) {
            return Optional.empty();
        }
        IssuedKey issued = store(User.SUPERADMIN_ID, chosen != null ? chosen : newKey());
        if (chosen == null) {
            try {
                writer.write(issued.key());
            } catch (IOException e) {
                // A system exception: the transaction rolls back, and the next start tries again.
                throw new UncheckedIOException(e);
            }
        }
        return Optional.of(issued);
    }

    /** What the key with hash {@code hash} stands for, active or not; empty for an unknown key. */
    public Optional<Credential> credential(KeyHash hash) {
        return em.createNamedQuery(ApiKey.FIND_CREDENTIAL, Credential.class).setParameter("hash", hash.hex())
                .getResultStream().findFirst();
    }

    /**
     * Records that key {@code id} was used now, unless that was recorded less than {@link #LAST_USED_PRECISION}
     * ago (by any server: the condition is in the UPDATE). Its own transaction, so that a read-only request that
     * presents the key stays read-only, and a failure here never fails the request.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void touch(long id) {
        var now = UtcClock.now();
        em.createNamedQuery(ApiKey.TOUCH).setParameter("now", now)
                .setParameter("before", now.minus(LAST_USED_PRECISION)).setParameter("id", id).executeUpdate();
    }
}
