package org.monitorserver.persistence.resource;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
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
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(metric.get("tenantId"), tenant));
        if (scope.component() != null) {
            where.add(cb.equal(metric.get("item").get("component"), scope.component()));
        }
        if (scope.pipeline() != null) {
            Root<Session> session = query.from(Session.class);
            where.add(cb.equal(session.get("tenantId"), tenant));
            where.add(cb.equal(session.get("hash"), metric.get("sessionHash")));
            where.add(cb.equal(session.get("pipeline"), scope.pipeline()));
            if (scope.build() != null) {
                where.add(cb.equal(session.get("build"), scope.build()));
            }
        }
        Path<Double> value = metric.get("usage").get(resource.attribute());
        query.select(metric).where(where.toArray(Predicate[]::new))
                .orderBy(highest ? cb.desc(value) : cb.asc(value), cb.asc(metric.get("id")));
        TypedQuery<Metric> list = em.createQuery(query).setHint("eclipselink.read-only", "true");
        return PageQuery.fetch(list, Math.min(limit, size(tenant, scope)), request);
    }

    /** How many metrics the scope holds, from the named count queries. */
    private long size(long tenant, ResourceScope scope) {
        if (scope.component() != null) {
            return metrics.countByComponent(tenant, scope.component());
        }
        if (scope.build() != null) {
            return metrics.countByBuild(tenant, scope.pipeline(), scope.build());
        }
        if (scope.pipeline() != null) {
            return metrics.countByPipeline(tenant, scope.pipeline());
        }
        return metrics.count(tenant);
    }
}
