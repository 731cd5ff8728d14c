package org.monitorserver.persistence.figures;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.monitorserver.domain.count.MetricRank;
import org.monitorserver.domain.count.MetricRank.Scope;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.metric.Resource;
import org.monitorserver.domain.metric.ResourceUsage;
import org.monitorserver.domain.session.Session;

/**
 * Keeps the maintained rankings ({@link MetricRank}) in the writers' transactions: every new metric is offered to
 * the head and tail lists of each resource over all of its tenant's metrics, its component's and its pipeline's,
 * and a new session with a pipeline offers the metrics that arrived before it to that pipeline's lists.
 *
 * <p>Most offers are refused in memory: once a list is full, this server remembers its last place, and a metric
 * that does not beat it cannot enter, now or later (metrics are never deleted, so a list's last place only
 * improves). The memory is learnt only from committed transactions and only ever raised, so it is never better
 * than the database's list, whatever other servers write: at worst an offer is written and trimmed again. Offers
 * that pass are inserted, then each touched list is cut back to {@value MetricRank#LENGTH} entries, lists in a
 * fixed order so that concurrent writers do not deadlock.
 */
final class Rankings {

    /** Rows per insert statement: 7 parameters each. */
    private static final int ROWS_PER_INSERT = 300;

    /** Lists and sessions remembered at most; past it the memory starts over (it is only a shortcut). */
    private static final int REMEMBERED = 100_000;

    /** The sessions' pipelines per statement. */
    private static final int SESSIONS_PER_QUERY = 500;

    /** The pipeline of a session without one. */
    private static final String NO_PIPELINE = "";

    private final SessionLocks locks;
    private final AfterCommit afterCommit;

    /** The last place of lists known to be full. */
    private final Map<ListKey, Place> lastPlaces = new ConcurrentHashMap<>();

    /** The pipelines of stored sessions ({@link #NO_PIPELINE} for none): a session never changes. */
    private final Map<SessionKey, String> pipelines = new ConcurrentHashMap<>();

    Rankings(SessionLocks locks, AfterCommit afterCommit) {
        this.locks = locks;
        this.afterCommit = afterCommit;
    }

    /** One ranking list. */
    record ListKey(long tenant, Resource resource, boolean head, Scope scope, String key) {
    }

    /** A place in a list: lower sorts first. Primitive comparison, so -0.0 equals 0.0 as in the database. */
    record Place(double sortKey, long metricId) implements Comparable<Place> {

        @Override
        public int compareTo(Place other) {
            if (sortKey != other.sortKey) {
                return sortKey < other.sortKey ? -1 : 1;
            }
            return Long.compare(metricId, other.metricId);
        }
    }

    private record SessionKey(long tenant, String hash) {
    }

    private static final Comparator<ListKey> LIST_ORDER = Comparator.comparingLong(ListKey::tenant)
            .thenComparing(ListKey::resource).thenComparing(ListKey::head).thenComparing(ListKey::scope)
            .thenComparing(ListKey::key);

    /** What one transaction offers: per list, its best {@value MetricRank#LENGTH} offers. */
    private final class Offers {

        /** Hashed while offering (30 lookups per metric); sorted only to be written. */
        private final Map<ListKey, TreeSet<Place>> lists = new HashMap<>();

        void offer(long tenant, Scope scope, String key, long metricId, ResourceUsage usage) {
            for (Resource resource : Resource.values()) {
                double value = resource.of(usage);
                offer(new ListKey(tenant, resource, true, scope, key), new Place(MetricRank.sortKey(value, true),
                        metricId));
                offer(new ListKey(tenant, resource, false, scope, key), new Place(MetricRank.sortKey(value, false),
                        metricId));
            }
        }

        private void offer(ListKey list, Place place) {
            Place last = lastPlaces.get(list);
            if (last != null && place.compareTo(last) > 0) {
                return;
            }
            TreeSet<Place> best = lists.computeIfAbsent(list, l -> new TreeSet<>());
            best.add(place);
            if (best.size() > MetricRank.LENGTH) {
                best.pollLast();
            }
        }
    }

    /**
     * Offers {@code metrics} (stored in the caller's transaction, with their ids) to their lists. Reads the
     * pipelines of their sessions under shared session locks, except those already known.
     */
    void addMetrics(Connection connection, List<Metric> metrics) throws SQLException {
        var offers = new Offers();
        Map<SessionKey, String> found = sessionPipelines(connection, metrics);
        for (Metric metric : metrics) {
            long tenant = metric.getTenantId();
            long id = metric.getId();
            var usage = metric.getUsage();
            offers.offer(tenant, Scope.ALL, "", id, usage);
            offers.offer(tenant, Scope.COMPONENT, metric.getItem().getComponent(), id, usage);
            String pipeline = found.get(new SessionKey(tenant, metric.getSessionHash()));
            if (pipeline != null && !pipeline.equals(NO_PIPELINE)) {
                offers.offer(tenant, Scope.PIPELINE, pipeline, id, usage);
            }
        }
        write(connection, offers);
    }

    /**
     * Offers the metrics already stored of {@code sessions} (new, of one tenant, stored in the caller's
     * transaction) to their pipelines' lists, under exclusive session locks: those metrics arrived before their
     * session, so their own transaction could not place them.
     */
    void addSessions(Connection connection, List<Session> sessions) throws SQLException {
        var byHash = new HashMap<String, String>();
        sessions.stream().filter(s -> s.getPipeline() != null).forEach(s -> byHash.put(s.getHash(), s.getPipeline()));
        if (byHash.isEmpty()) {
            return;
        }
        long tenant = sessions.get(0).getTenantId();
        locks.hold(connection, tenant, byHash.keySet());
        var offers = new Offers();
        var hashes = new ArrayList<>(byHash.keySet());
        for (int from = 0; from < hashes.size(); from += SESSIONS_PER_QUERY) {
            List<String> part = hashes.subList(from, Math.min(hashes.size(), from + SESSIONS_PER_QUERY));
            var parameters = new ArrayList<Object>();
            parameters.add(tenant);
            parameters.addAll(part);
            for (Object[] row : Sql.query(connection, "SELECT session_h, id, total_time, user_time, kernel_time,"
                    + " cpu_usage, mem_usage FROM metric WHERE tenant_id = ? AND session_h IN (" + marks(part.size())
                    + ")", parameters, 7)) {
                offers.offer(tenant, Scope.PIPELINE, byHash.get((String) row[0]), ((Number) row[1]).longValue(),
                        new ResourceUsage(number(row[2]), number(row[3]), number(row[4]), number(row[5]),
                                number(row[6])));
            }
        }
        write(connection, offers);
    }

    /**
     * The pipelines of the sessions of {@code metrics}: remembered ones, and the others read under shared locks
     * (absent from the result when the session is not stored yet).
     */
    private Map<SessionKey, String> sessionPipelines(Connection connection, List<Metric> metrics)
            throws SQLException {
        var known = new HashMap<SessionKey, String>();
        var unknown = new TreeMap<Long, TreeSet<String>>();
        for (Metric metric : metrics) {
            var session = new SessionKey(metric.getTenantId(), metric.getSessionHash());
            String pipeline = pipelines.get(session);
            if (pipeline != null) {
                known.put(session, pipeline);
            } else {
                unknown.computeIfAbsent(session.tenant(), t -> new TreeSet<>()).add(session.hash());
            }
        }
        var found = new HashMap<SessionKey, String>();
        for (var tenantSessions : unknown.entrySet()) {
            long tenant = tenantSessions.getKey();
            var sorted = List.copyOf(tenantSessions.getValue());
            locks.share(connection, tenant, sorted);
            for (int from = 0; from < sorted.size(); from += SESSIONS_PER_QUERY) {
                List<String> part = sorted.subList(from, Math.min(sorted.size(), from + SESSIONS_PER_QUERY));
                var parameters = new ArrayList<Object>();
                parameters.add(tenant);
                parameters.addAll(part);
                for (Object[] row : Sql.query(connection, "SELECT session_h, pipeline FROM test_session"
                        + " WHERE tenant_id = ? AND session_h IN (" + marks(part.size()) + ")", parameters, 2)) {
                    found.put(new SessionKey(tenant, (String) row[0]), row[1] == null ? NO_PIPELINE : (String) row[1]);
                }
            }
        }
        known.putAll(found);
        rememberAfterCommit(found);
        return known;
    }

    /** Inserts the offers, cuts each touched list back to its length and learns the lists' last places. */
    private void write(Connection connection, Offers offers) throws SQLException {
        if (offers.lists.isEmpty()) {
            return;
        }
        var sorted = new TreeMap<ListKey, TreeSet<Place>>(LIST_ORDER);
        sorted.putAll(offers.lists);
        var rows = new ArrayList<Object[]>();
        sorted.forEach((list, places) -> places.forEach(place -> rows.add(new Object[] {list.tenant(),
                list.resource().name(), list.head(), list.scope().name(), list.key(), place.sortKey(),
                place.metricId()})));
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            insert(connection, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)));
        }
        var last = new HashMap<ListKey, Place>();
        for (ListKey list : sorted.keySet()) {
            Place place = trim(connection, list);
            if (place != null) {
                last.put(list, place);
            }
        }
        raiseAfterCommit(last);
    }

    private static void insert(Connection connection, List<Object[]> rows) throws SQLException {
        var sql = new StringBuilder("INSERT INTO metric_rank (tenant_id, resource, head, scope, scope_key, sort_key,"
                + " metric_id) VALUES ");
        var parameters = new ArrayList<Object>();
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)");
            parameters.addAll(List.of(rows.get(i)));
        }
        Sql.update(connection, sql.toString(), parameters);
    }

    /** The filter of one list's rows. */
    private static final String LIST = "tenant_id = ? AND resource = ? AND head = ? AND scope = ? AND scope_key = ?";

    /**
     * Deletes what sorts after {@code list}'s last place, as this transaction sees the list.
     *
     * @return the last place, or null while the list is not full
     */
    private static Place trim(Connection connection, ListKey list) throws SQLException {
        List<Object> key = List.of(list.tenant(), list.resource().name(), list.head(), list.scope().name(),
                list.key());
        List<Object[]> last = Sql.query(connection, "SELECT sort_key, metric_id FROM metric_rank WHERE " + LIST
                + " ORDER BY sort_key, metric_id OFFSET " + (MetricRank.LENGTH - 1) + " ROWS FETCH NEXT 1 ROWS ONLY",
                key, 2);
        if (last.isEmpty()) {
            return null;
        }
        var place = new Place(number(last.get(0)[0]), ((Number) last.get(0)[1]).longValue());
        var parameters = new ArrayList<Object>(key);
        parameters.addAll(List.of(place.sortKey(), place.sortKey(), place.metricId()));
        Sql.update(connection, "DELETE FROM metric_rank WHERE " + LIST
                + " AND (sort_key > ? OR (sort_key = ? AND metric_id > ?))", parameters);
        return place;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** {@code n} parameter marks, for an {@code IN} list. */
    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Raises the remembered last places once the transaction that saw them has committed. */
    private void raiseAfterCommit(Map<ListKey, Place> seen) {
        afterCommit.run(() -> {
            if (lastPlaces.size() > REMEMBERED) {
                lastPlaces.clear();
            }
            seen.forEach((list, place) -> lastPlaces.merge(list, place, (old, now) -> now.compareTo(old) < 0 ? now
                    : old));
        });
    }

    private void rememberAfterCommit(Map<SessionKey, String> found) {
        if (!found.isEmpty()) {
            afterCommit.run(() -> {
                if (pipelines.size() > REMEMBERED) {
                    pipelines.clear();
                }
                pipelines.putAll(found);
            });
        }
    }
}
