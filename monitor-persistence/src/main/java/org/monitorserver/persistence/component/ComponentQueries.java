package org.monitorserver.persistence.component;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.monitorserver.domain.metric.Component;
import org.monitorserver.persistence.LikePattern;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;

/** Reads of the component list, sorted by name. The empty component is never part of it. */
@Stateless
public class ComponentQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** Component names starting with {@code prefix} (empty: all), taken literally. */
    public Page<String> findByPrefix(long tenant, String prefix, PageRequest request) {
        String pattern = LikePattern.startingWith(prefix);
        return PageQuery.fetch(
                em.createNamedQuery(Component.FIND_BY_NAME_PREFIX, String.class)
                        .setParameter("tenant", tenant).setParameter("prefix", pattern),
                em.createNamedQuery(Component.COUNT_BY_NAME_PREFIX, Long.class)
                        .setParameter("tenant", tenant).setParameter("prefix", pattern),
                request);
    }

    /** How many components the tenant has. */
    public long count(long tenant) {
        return em.createNamedQuery(Component.COUNT_BY_NAME_PREFIX, Long.class)
                .setParameter("tenant", tenant).setParameter("prefix", "%").getSingleResult();
    }
}
