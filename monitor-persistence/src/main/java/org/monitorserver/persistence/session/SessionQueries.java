package org.monitorserver.persistence.session;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.LikePattern;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;

/** Reads of test sessions, each one named query scoped to a tenant. */
@Stateless
public class SessionQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** Sessions whose hash starts with {@code prefix} (taken literally), in arrival order, tags loaded. */
    public Page<Session> findByHashPrefix(long tenant, String prefix, PageRequest request) {
        String pattern = LikePattern.startingWith(prefix);
        Page<Session> page = PageQuery.fetch(
                em.createNamedQuery(Session.FIND_BY_HASH_PREFIX, Session.class)
                        .setParameter("tenant", tenant).setParameter("prefix", pattern),
                em.createNamedQuery(Session.COUNT_BY_HASH_PREFIX, Long.class)
                        .setParameter("tenant", tenant).setParameter("prefix", pattern),
                request);
        page.items().forEach(Session::getTags); // load inside the transaction (one batched query)
        return page;
    }

    /** How many sessions the tenant has, with or without an SCM reference. */
    public long count(long tenant) {
        return em.createNamedQuery(Session.COUNT_BY_TENANT, Long.class)
                .setParameter("tenant", tenant).getSingleResult();
    }
}
