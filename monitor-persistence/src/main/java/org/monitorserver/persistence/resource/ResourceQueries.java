package org.monitorserver.persistence.resource;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.monitorserver.domain.count.MetricRank;
import org.monitorserver.domain.count.MetricRank.Scope;
import org.monitorserver.domain.metric.MetricRow;
import org.monitorserver.domain.metric.Resource;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.metric.MetricQueries;

/**
 * The top (head, highest first) or bottom (tail, lowest first) {@code n} metrics by one resource, ties in arrival
 * order, paginated like every listing. Over all metrics, a component's or a pipeline's, they are the maintained
 * lists of {@link MetricRank} (at most {@value MetricRank#LENGTH} entries each, which is the API's largest
 * {@code n}). A build is a few sessions, so its ranking sorts the build's own metrics, found through its
 * sessions.
 */
@Stateless
public class ResourceQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /**
     * @param highest true for the head (highest first), false for the tail
     * @param limit how many metrics the ranking holds at most, up to {@value MetricRank#LENGTH}
     */
    public Page<MetricRow> findRanked(long tenant, Resource resource, boolean highest, ResourceScope scope, int limit,
            PageRequest request) {
        if (limit > MetricRank.LENGTH) {
            throw new IllegalArgumentException("a ranking holds at most " + MetricRank.LENGTH + " metrics");
        }
        if (scope.build() != null) {
            return findRankedInBuild(tenant, resource, highest, scope, limit, request);
        }
        Scope list = scope.component() != null ? Scope.COMPONENT : scope.pipeline() != null ? Scope.PIPELINE
                : Scope.ALL;
        String key = list == Scope.COMPONENT ? scope.component() : list == Scope.PIPELINE ? scope.pipeline() : "";
        TypedQuery<MetricRow> rows = onList(em.createNamedQuery(MetricRank.FIND_ROWS_BY_LIST, MetricRow.class),
                tenant, resource, highest, list, key);
        long entries = onList(em.createNamedQuery(MetricRank.COUNT_BY_LIST, Long.class), tenant, resource, highest,
                list, key).getSingleResult();
        return PageQuery.fetch(rows, Math.min(limit, entries), request);
    }

    private static <T> TypedQuery<T> onList(TypedQuery<T> query, long tenant, Resource resource, boolean head,
            Scope scope, String key) {
        return query.setParameter("tenant", tenant).setParameter("resource", resource).setParameter("head", head)
                .setParameter("scope", scope).setParameter("key", key);
    }

    /**
     * A build's ranking: its metrics sorted. A build of at most {@link MetricQueries#MAX_SESSIONS} sessions is
     * read through each session's metric index range ({@code IN}); a larger one through a join of its sessions.
     * The ordering names the resource's attribute, from the {@link Resource} enum and never from the request; it
     * is the one part of this JPQL that varies.
     */
    private Page<MetricRow> findRankedInBuild(long tenant, Resource resource, boolean highest, ResourceScope scope,
            int limit, PageRequest request) {
        List<String> sessions = em.createNamedQuery(Session.FIND_HASHES_BY_BUILD, String.class)
                .setParameter("tenant", tenant).setParameter("pipeline", scope.pipeline())
                .setParameter("build", scope.build()).setMaxResults(MetricQueries.MAX_SESSIONS + 1).getResultList();
        if (sessions.isEmpty()) {
            return PageQuery.fetch((offset, rows) -> List.<MetricRow>of(), 0, request);
        }
        boolean few = sessions.size() <= MetricQueries.MAX_SESSIONS;
        String from = few ? " FROM Metric m WHERE m.tenantId = :tenant AND m.sessionHash IN :sessions"
                : " FROM Metric m, Session s WHERE s.tenantId = :tenant AND s.pipeline = :pipeline AND s.build = :build"
                        + " AND m.tenantId = s.tenantId AND m.sessionHash = s.hash";
        TypedQuery<MetricRow> rows = em.createQuery(MetricRow.SELECT + from + " ORDER BY m.usage."
                + resource.attribute() + (highest ? " DESC" : "") + ", m.id", MetricRow.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(m)" + from, Long.class);
        for (TypedQuery<?> query : List.of(rows, count)) {
            query.setParameter("tenant", tenant);
            if (few) {
                query.setParameter("sessions", sessions);
            } else {
                query.setParameter("pipeline", scope.pipeline()).setParameter("build", scope.build());
            }
        }
        return PageQuery.fetch(rows, Math.min(limit, count.getSingleResult()), request);
    }
}
