package org.monitorserver.persistence.resource;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.metric.MetricQueries;

/**
 * The top (head, highest first) or bottom (tail, lowest first) {@code n} metrics by one resource, ties in arrival
 * order, paginated like every listing. The sort column comes from the {@link Resource} enum, never from the
 * request, so the query is built with the Criteria API: five resources times four scopes would otherwise be forty
 * near-identical named queries. The filters are those of the named queries (see {@code Metric}).
 */
@Stateless
public class ResourceQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    @EJB
    private MetricQueries metrics;

    /**
     * @param highest true for the head (highest first), false for the tail
     * @param limit how many metrics the ranking holds at most
     */
    public Page<Metric> findRanked(long tenant, Resource resource, boolean highest, ResourceScope scope, int limit,
            PageRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Metric> query = cb.createQuery(Metric.class);
        Root<Metric> metric = query.from(Metric.class);
        List<String> sessions = buildSessions(tenant, scope);
        Path<Double> column = metric.get("usage").get(resource.attribute());
        // For a build's few sessions, sort by "value + 0": no index serves that order, so the planner fetches the
        // build's rows and sorts them, instead of walking the resource's index over every metric in the hope of
        // meeting ten of them early (842 ms → 1 ms at 10M).
        Expression<Double> value = sessions != null && !sessions.isEmpty() ? cb.sum(column, 0.0) : column;
        // The scope's equality columns lead the sort, in the value's direction, so that H2 too reads the
        // (tenant_id[, component], resource) index in order; they are constant, so the order is unchanged.
        var order = new ArrayList<Order>();
        order.add(direction(cb, metric.get("tenantId"), highest));
        if (scope.component() != null) {
            order.add(direction(cb, metric.get("item").get("component"), highest));
        }
        order.add(direction(cb, value, highest));
        order.add(cb.asc(metric.get("id")));
        query.select(metric).where(scoped(cb, query, metric, tenant, scope, sessions)).orderBy(order);
        TypedQuery<Metric> list = em.createQuery(query).setHint("eclipselink.read-only", "true");
        return PageQuery.fetch(list, sessions != null && sessions.isEmpty() ? 0
                : size(cb, tenant, scope, sessions, limit), request);
    }

    /**
     * The hashes of a build's sessions when the scope is a build of at most {@link MetricQueries#MAX_SESSIONS}
     * sessions, else null. A build is usually a few sessions: ranking their metrics (their own index ranges,
     * sorted) beats walking the resource's index over every metric and probing each one's session, which the
     * planner may pick when it misjudges the build's size.
     */
    private List<String> buildSessions(long tenant, ResourceScope scope) {
        if (scope.build() == null) {
            return null;
        }
        List<String> sessions = em.createNamedQuery(Session.FIND_HASHES_BY_BUILD, String.class)
                .setParameter("tenant", tenant).setParameter("pipeline", scope.pipeline())
                .setParameter("build", scope.build()).setMaxResults(MetricQueries.MAX_SESSIONS + 1).getResultList();
        return sessions.size() <= MetricQueries.MAX_SESSIONS ? sessions : null;
    }

    /**
     * How many metrics the ranking holds: the scope's size, but never counted past {@code limit}, so that a
     * large pipeline or component costs at most {@code limit} rows (500) instead of a count of all of them.
     */
    private long size(CriteriaBuilder cb, long tenant, ResourceScope scope, List<String> sessions, int limit) {
        if (scope.component() == null && scope.pipeline() == null) {
            return Math.min(limit, metrics.count(tenant));
        }
        CriteriaQuery<Long> ids = cb.createQuery(Long.class);
        Root<Metric> metric = ids.from(Metric.class);
        ids.select(metric.get("id")).where(scoped(cb, ids, metric, tenant, scope, sessions));
        return em.createQuery(ids).setMaxResults(limit).getResultList().size();
    }

    /**
     * The scope's filter: the tenant, and the component or the pipeline (and build) through the session; or,
     * given the build's {@code sessions}, their hashes.
     */
    private static Predicate[] scoped(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Metric> metric, long tenant,
            ResourceScope scope, List<String> sessions) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(metric.get("tenantId"), tenant));
        if (scope.component() != null) {
            where.add(cb.equal(metric.get("item").get("component"), scope.component()));
        }
        if (sessions != null && !sessions.isEmpty()) {
            where.add(metric.get("sessionHash").in(sessions));
        } else if (scope.pipeline() != null) {
            Root<Session> session = query.from(Session.class);
            where.add(cb.equal(session.get("tenantId"), tenant));
            where.add(cb.equal(session.get("hash"), metric.get("sessionHash")));
            where.add(cb.equal(session.get("pipeline"), scope.pipeline()));
            if (scope.build() != null) {
                where.add(cb.equal(session.get("build"), scope.build()));
            }
        }
        return where.toArray(Predicate[]::new);
    }

    private static Order direction(CriteriaBuilder cb, Expression<?> expression, boolean descending) {
        return descending ? cb.desc(expression) : cb.asc(expression);
    }
}
