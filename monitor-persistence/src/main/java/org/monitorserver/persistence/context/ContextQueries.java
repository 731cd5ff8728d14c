package org.monitorserver.persistence.context;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.monitorserver.domain.context.ContextRow;
import org.monitorserver.domain.context.ExecutionContext;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.persistence.LikePattern;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.RowCounts;

/** Reads of execution contexts, each one named query scoped to a tenant; listings read {@link ContextRow}s. */
@Stateless
public class ContextQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** Contexts whose hash starts with {@code prefix} (taken literally), in arrival order. */
    public Page<ContextRow> findByHashPrefix(long tenant, String prefix, PageRequest request) {
        String pattern = LikePattern.startingWith(prefix);
        return PageQuery.fetch(
                em.createNamedQuery(ExecutionContext.FIND_BY_HASH_PREFIX, ContextRow.class)
                        .setParameter("tenant", tenant).setParameter("prefix", pattern),
                em.createNamedQuery(ExecutionContext.COUNT_BY_HASH_PREFIX, Long.class)
                        .setParameter("tenant", tenant).setParameter("prefix", pattern),
                request);
    }

    /** Every context of the tenant, in arrival order. */
    public Page<ContextRow> findAll(long tenant, PageRequest request) {
        return PageQuery.fetch(em.createNamedQuery(ExecutionContext.FIND_BY_TENANT, ContextRow.class)
                .setParameter("tenant", tenant), count(tenant), request);
    }

    /** How many contexts the tenant has: the maintained count, not a scan. */
    public long count(long tenant) {
        return RowCounts.total(em, tenant, Family.CONTEXT);
    }
}
