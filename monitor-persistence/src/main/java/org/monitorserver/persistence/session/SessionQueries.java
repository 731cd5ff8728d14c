package org.monitorserver.persistence.session;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.LikePattern;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.RowCounts;

/** Reads of test sessions, each one named query scoped to a tenant, in arrival order, with their tags loaded. */
@Stateless
public class SessionQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** Every session of the tenant. */
    public Page<Session> findAll(long tenant, PageRequest request) {
        return withTags(PageQuery.fetch(sessions(Session.FIND_BY_TENANT, tenant), count(tenant), request));
    }

    /** Sessions whose hash starts with {@code prefix} (taken literally). */
    public Page<Session> findByHashPrefix(long tenant, String prefix, PageRequest request) {
        String pattern = LikePattern.startingWith(prefix);
        return withTags(PageQuery.fetch(
                sessions(Session.FIND_BY_HASH_PREFIX, tenant).setParameter("prefix", pattern),
                counter(Session.COUNT_BY_HASH_PREFIX, tenant).setParameter("prefix", pattern),
                request));
    }

    /** Sessions whose hash starts with {@code prefix} (empty: all) and that meet the flag filter. */
    public Page<Session> findByHashPrefixAndFlags(long tenant, String prefix, FlagFilter flags,
            PageRequest request) {
        String pattern = LikePattern.startingWith(prefix);
        TypedQuery<Session> list = sessions(flags.matchAll() ? Session.FIND_BY_HASH_PREFIX_AND_ALL_FLAGS
                : Session.FIND_BY_HASH_PREFIX_AND_ANY_FLAG, tenant);
        TypedQuery<Long> count = counter(flags.matchAll() ? Session.COUNT_BY_HASH_PREFIX_AND_ALL_FLAGS
                : Session.COUNT_BY_HASH_PREFIX_AND_ANY_FLAG, tenant);
        for (TypedQuery<?> query : new TypedQuery<?>[] {list, count}) {
            query.setParameter("prefix", pattern)
                    .setParameter("present", flags.present())
                    .setParameter("pairs", flags.pairs())
                    .setParameter("separator", Session.FLAG_SEPARATOR);
            if (flags.matchAll()) {
                query.setParameter("conditions", flags.conditions());
            }
        }
        return withTags(PageQuery.fetch(list, count, request));
    }

    /** Sessions whose SCM reference starts with {@code prefix} (taken literally). */
    public Page<Session> findByScmPrefix(long tenant, String prefix, PageRequest request) {
        String pattern = LikePattern.startingWith(prefix);
        return withTags(PageQuery.fetch(
                sessions(Session.FIND_BY_SCM_PREFIX, tenant).setParameter("prefix", pattern),
                counter(Session.COUNT_BY_SCM_PREFIX, tenant).setParameter("prefix", pattern),
                request));
    }

    /** How many sessions the tenant has, with or without an SCM reference: the maintained count. */
    public long count(long tenant) {
        return RowCounts.total(em, tenant, Family.SESSION);
    }

    private TypedQuery<Session> sessions(String name, long tenant) {
        return em.createNamedQuery(name, Session.class).setParameter("tenant", tenant);
    }

    private TypedQuery<Long> counter(String name, long tenant) {
        return em.createNamedQuery(name, Long.class).setParameter("tenant", tenant);
    }

    /** Loads the page's tags inside the transaction, in one batched query, for rendering after it. */
    private static Page<Session> withTags(Page<Session> page) {
        page.items().forEach(Session::getTags);
        return page;
    }
}
