package org.monitorserver.persistence.metric;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.persistence.LikePattern;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.RowCounts;

/**
 * Reads of metrics: one named query per filter, each with its count twin, scoped to a tenant and listed in
 * arrival order. Names and patterns from users are bound as parameters; LIKE patterns are escaped, so every
 * character is literal and matching is case-sensitive.
 */
@Stateless
public class MetricQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** How many metrics the tenant has: the maintained count, not a scan. */
    public long count(long tenant) {
        return RowCounts.total(em, tenant, Family.METRIC);
    }

    /** Every metric of the tenant. */
    public Page<Metric> findAll(long tenant, PageRequest request) {
        return PageQuery.fetch(list(Metric.FIND_BY_TENANT, tenant), count(tenant), request);
    }

    /** The metrics of one session (exact hash). */
    public Page<Metric> findBySession(long tenant, String session, PageRequest request) {
        return page(Metric.FIND_BY_SESSION, Metric.COUNT_BY_SESSION, tenant, "session", session, request);
    }

    public long countBySession(long tenant, String session) {
        return count(Metric.COUNT_BY_SESSION, tenant, "session", session);
    }

    /** The metrics of one context (exact hash). */
    public Page<Metric> findByContext(long tenant, String context, PageRequest request) {
        return page(Metric.FIND_BY_CONTEXT, Metric.COUNT_BY_CONTEXT, tenant, "context", context, request);
    }

    public long countByContext(long tenant, String context) {
        return count(Metric.COUNT_BY_CONTEXT, tenant, "context", context);
    }

    /** The metrics of sessions whose SCM reference starts with {@code prefix}. */
    public Page<Metric> findByScmPrefix(long tenant, String prefix, PageRequest request) {
        return page(Metric.FIND_BY_SCM_PREFIX, Metric.COUNT_BY_SCM_PREFIX, tenant, "prefix",
                LikePattern.startingWith(prefix), request);
    }

    public long countByScmPrefix(long tenant, String prefix) {
        return count(Metric.COUNT_BY_SCM_PREFIX, tenant, "prefix", LikePattern.startingWith(prefix));
    }

    /** The metrics of one scope ({@code function}, {@code module}...), the item's kind. */
    public Page<Metric> findByKind(long tenant, String kind, PageRequest request) {
        return page(Metric.FIND_BY_KIND, Metric.COUNT_BY_KIND, tenant, "kind", kind, request);
    }

    public long countByKind(long tenant, String kind) {
        return count(Metric.COUNT_BY_KIND, tenant, "kind", kind);
    }

    /** The metrics of one test item, whatever its variants. */
    public Page<Metric> findByItem(long tenant, String item, PageRequest request) {
        return page(Metric.FIND_BY_ITEM, Metric.COUNT_BY_ITEM, tenant, "item", item, request);
    }

    public long countByItem(long tenant, String item) {
        return count(Metric.COUNT_BY_ITEM, tenant, "item", item);
    }

    /** The metrics whose item name contains {@code part}. */
    public Page<Metric> findByItemContaining(long tenant, String part, PageRequest request) {
        return page(Metric.FIND_BY_ITEM_LIKE, Metric.COUNT_BY_ITEM_LIKE, tenant, "pattern",
                LikePattern.containing(part), request);
    }

    /** The metrics of one variant (the item with its parameters). */
    public Page<Metric> findByVariant(long tenant, String variant, PageRequest request) {
        return page(Metric.FIND_BY_VARIANT, Metric.COUNT_BY_VARIANT, tenant, "variant", variant, request);
    }

    public long countByVariant(long tenant, String variant) {
        return count(Metric.COUNT_BY_VARIANT, tenant, "variant", variant);
    }

    /** The metrics whose variant contains {@code part}. */
    public Page<Metric> findByVariantContaining(long tenant, String part, PageRequest request) {
        return page(Metric.FIND_BY_VARIANT_LIKE, Metric.COUNT_BY_VARIANT_LIKE, tenant, "pattern",
                LikePattern.containing(part), request);
    }

    /** The metrics of one component; the empty component selects the metrics that have none. */
    public Page<Metric> findByComponent(long tenant, String component, PageRequest request) {
        return page(Metric.FIND_BY_COMPONENT, Metric.COUNT_BY_COMPONENT, tenant, "component", component, request);
    }

    /** The metrics of one item within one component (empty: without component). */
    public Page<Metric> findByComponentAndItem(long tenant, String component, String item, PageRequest request) {
        return PageQuery.fetch(
                list(Metric.FIND_BY_COMPONENT_AND_ITEM, tenant).setParameter("component", component)
                        .setParameter("item", item),
                counter(Metric.COUNT_BY_COMPONENT_AND_ITEM, tenant).setParameter("component", component)
                        .setParameter("item", item),
                request);
    }

    /** The metrics of one variant within one component (empty: without component). */
    public Page<Metric> findByComponentAndVariant(long tenant, String component, String variant,
            PageRequest request) {
        return PageQuery.fetch(
                list(Metric.FIND_BY_COMPONENT_AND_VARIANT, tenant).setParameter("component", component)
                        .setParameter("variant", variant),
                counter(Metric.COUNT_BY_COMPONENT_AND_VARIANT, tenant).setParameter("component", component)
                        .setParameter("variant", variant),
                request);
    }

    private Page<Metric> page(String find, String count, long tenant, String parameter, String value,
            PageRequest request) {
        return PageQuery.fetch(list(find, tenant).setParameter(parameter, value),
                counter(count, tenant).setParameter(parameter, value), request);
    }

    private long count(String count, long tenant, String parameter, String value) {
        return counter(count, tenant).setParameter(parameter, value).getSingleResult();
    }

    private TypedQuery<Metric> list(String name, long tenant) {
        return em.createNamedQuery(name, Metric.class).setParameter("tenant", tenant);
    }

    private TypedQuery<Long> counter(String name, long tenant) {
        return em.createNamedQuery(name, Long.class).setParameter("tenant", tenant);
    }
}
