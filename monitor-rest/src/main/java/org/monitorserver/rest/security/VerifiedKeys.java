package org.monitorserver.rest.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.monitorserver.domain.tenant.Credential;
import org.monitorserver.domain.tenant.KeyHash;
import org.monitorserver.persistence.tenant.ApiKeys;

/**
 * What presented keys stand for, looked up by hash and kept for at most {@link #MAX_AGE_NANOS} so that a busy
 * client costs one query every few seconds instead of one per request. A revocation, rotation or disabled user
 * takes effect at once on the server that made it ({@link #forgetAll}) and within {@link #MAX_AGE_NANOS} on the
 * others. Only known keys are kept, and at most {@link #MAX_ENTRIES}, so random keys cannot fill the heap.
 */
@ApplicationScoped
public class VerifiedKeys {

    private static final Logger LOG = Logger.getLogger(VerifiedKeys.class.getName());

    /**
     * How long a looked-up key is trusted without asking the database again: 4 s, so that a key revoked on one
     * server stops working on every other within 5 s, the request that notices included.
     */
    static final long MAX_AGE_NANOS = 4_000_000_000L;

    static final int MAX_ENTRIES = 10_000;

    private static final long TOUCH_EVERY_NANOS = ApiKeys.LAST_USED_PRECISION.toNanos();

    @EJB
    ApiKeys keys;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Credential credential, long fetchedAt, long touchedAt) {
    }

    /** What {@code key} stands for, active or not; empty for an unknown key. */
    public Optional<Credential> lookUp(String key) {
        KeyHash hash = KeyHash.of(key);
        long now = System.nanoTime();
        Entry entry = entries.get(hash.hex());
        if (entry == null || now - entry.fetchedAt() > MAX_AGE_NANOS) {
            Optional<Credential> stored = keys.credential(hash);
            if (stored.isEmpty()) {
                entries.remove(hash.hex());
                return Optional.empty();
            }
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry(stored.get(), now, entry == null ? lastUsedNanos(stored.get(), now) : entry.touchedAt());
            entries.put(hash.hex(), entry);
        }
        if (entry.credential().isActive() && now - entry.touchedAt() >= TOUCH_EVERY_NANOS) {
            entries.put(hash.hex(), new Entry(entry.credential(), entry.fetchedAt(), now));
            touch(entry.credential().keyId());
        }
        return Optional.of(entry.credential());
    }

    /** Drops every kept key: called after a revocation, rotation or a user's change, on this server. */
    public void forgetAll() {
        entries.clear();
    }

    /** When, on this JVM's nano clock, the key's stored "last used" was: so it is written once a minute at most. */
    private static long lastUsedNanos(Credential credential, long now) {
        if (credential.lastUsedAt() == null) {
            return now - TOUCH_EVERY_NANOS;
        }
        long agoNanos = java.time.Duration.between(credential.lastUsedAt(), LocalDateTime.now(ZoneOffset.UTC))
                .toNanos();
        return now - Math.max(0, agoNanos);
    }

    private void touch(long keyId) {
        try {
            keys.touch(keyId);
        } catch (RuntimeException e) {
            // "Last used" is advisory: a failed write must not fail the request.
            LOG.log(Level.FINE, "Could not record the use of key " + keyId, e);
        }
    }
}
