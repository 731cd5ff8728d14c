package org.monitorserver.persistence.figures;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;
import org.monitorserver.persistence.Dialect;
import org.monitorserver.persistence.StorageUnavailableException;

/**
 * Orders the arrival of a session against the arrival of its metrics, for the pipeline rankings: a metric enters
 * its pipeline's lists either in its own transaction (its session was there) or in its session's (the metric was
 * there first), never in both and never in neither. Metric writers take a shared lock per session whose pipeline
 * they read, session writers an exclusive one before they read the session's metrics, each held to the end of the
 * transaction; whichever commits second then sees the other's rows.
 *
 * <p>On PostgreSQL these are transaction-scoped advisory locks, so they hold across every server sharing the
 * database. H2 is embedded in one server, so a lock in its memory is as good: stripes of {@link StampedLock},
 * released when the transaction completes. Locks are taken in key order, before any row lock of the rankings, so
 * that writers cannot deadlock on them.
 */
final class SessionLocks {

    /** H2's lock stripes: sessions that share one only wait for each other a little more. */
    private static final int STRIPES = 1024;

    /** How long a writer waits for a session lock on H2 before it gives up (PostgreSQL: the lock timeout). */
    private static final long WAIT_SECONDS = 60;

    /** Keys per statement on PostgreSQL. */
    private static final int KEYS_PER_STATEMENT = 500;

    private final Dialect dialect;
    private final TransactionSynchronizationRegistry transactions;
    private final StampedLock[] stripes = new StampedLock[STRIPES];

    SessionLocks(Dialect dialect, TransactionSynchronizationRegistry transactions) {
        this.dialect = dialect;
        this.transactions = transactions;
        Arrays.setAll(stripes, i -> new StampedLock());
    }

    /** Shared locks on {@code hashes} of {@code tenant}, for a writer of their metrics. */
    void share(Connection connection, long tenant, Collection<String> hashes) throws SQLException {
        lock(connection, tenant, hashes, false);
    }

    /** Exclusive locks on {@code hashes} of {@code tenant}, for the writer of these new sessions. */
    void hold(Connection connection, long tenant, Collection<String> hashes) throws SQLException {
        lock(connection, tenant, hashes, true);
    }

    private void lock(Connection connection, long tenant, Collection<String> hashes, boolean exclusive)
            throws SQLException {
        if (hashes.isEmpty()) {
            return;
        }
        long[] keys = hashes.stream().mapToLong(hash -> key(tenant, hash)).distinct().sorted().toArray();
        if (dialect == Dialect.H2) {
            lockStripes(keys, exclusive);
        } else {
            for (int from = 0; from < keys.length; from += KEYS_PER_STATEMENT) {
                advisory(connection, Arrays.copyOfRange(keys, from, Math.min(keys.length,
                        from + KEYS_PER_STATEMENT)), exclusive);
            }
        }
    }

    /** One statement locks all {@code keys}, in their order (a {@code VALUES} list is scanned in order). */
    private static void advisory(Connection connection, long[] keys, boolean exclusive) throws SQLException {
        var sql = new StringBuilder("SELECT COUNT(")
                .append(exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                .append("(k)::text) FROM (VALUES ");
        var parameters = new ArrayList<Object>();
        for (int i = 0; i < keys.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("(CAST(? AS BIGINT))");
            parameters.add(keys[i]);
        }
        Sql.query(connection, sql.append(") AS t (k)").toString(), parameters, 1);
    }

    /**
     * Takes the stripes of {@code keys} that this transaction does not hold yet, and releases them when it
     * completes. A transaction that holds a stripe in either mode keeps it: an import writes its new sessions and
     * then their metrics in one transaction.
     */
    private void lockStripes(long[] keys, boolean exclusive) {
        Object heldKey = SessionLocks.class;
        @SuppressWarnings("unchecked")
        Map<Integer, Long> held = (Map<Integer, Long>) transactions.getResource(heldKey);
        if (held == null) {
            var stamps = new HashMap<Integer, Long>();
            transactions.putResource(heldKey, stamps);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    stamps.forEach((stripe, stamp) -> stripes[stripe].unlock(stamp));
                    stamps.clear();
                }
            });
            held = stamps;
        }
        int[] wanted = Arrays.stream(keys).mapToInt(key -> (int) Math.floorMod(key, (long) STRIPES)).distinct()
                .sorted().toArray();
        for (int stripe : wanted) {
            if (held.containsKey(stripe)) {
                continue;
            }
            try {
                long stamp = exclusive ? stripes[stripe].tryWriteLock(WAIT_SECONDS, TimeUnit.SECONDS)
                        : stripes[stripe].tryReadLock(WAIT_SECONDS, TimeUnit.SECONDS);
                if (stamp == 0) {
                    throw new StorageUnavailableException("a session's metrics waited over " + WAIT_SECONDS
                            + " s for the session's writer; retry shortly");
                }
                held.put(stripe, stamp);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageUnavailableException("interrupted while waiting for a session's writer");
            }
        }
    }

    /** A session's lock key: its tenant and hash mixed into 64 bits (FNV-1a); a collision only adds waiting. */
    static long key(long tenant, String hash) {
        long key = 0xcbf29ce484222325L ^ tenant;
        for (byte b : hash.getBytes(StandardCharsets.UTF_8)) {
            key = (key ^ (b & 0xff)) * 0x100000001b3L;
        }
        return key;
    }
}
