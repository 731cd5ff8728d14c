package org.monitorserver.persistence.session;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.domain.session.Session;
import org.monitorserver.domain.session.SessionRow;
import org.monitorserver.domain.session.SessionTagRow;
import org.monitorserver.domain.session.Tag;
import org.monitorserver.persistence.LikePattern;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.RowCounts;

/**
 * Reads of test sessions, each one named query scoped to a tenant, in arrival order: {@link SessionRow} projections,
 * then the page's tags in one more query.
 */
@Stateless
public class SessionQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** Every session of the tenant. */
    public Page<SessionRow> findAll(long tenant, PageRequest request) {
        return withTags(PageQuery.fetch(sessions(Session.FIND_BY_TENANT, tenant), count(tenant), request));
    }

    /** Sessions whose hash starts with {@code prefix} (taken literally). */
    public Page<SessionRow> findByHashPrefix(long tenant, String prefix, PageRequest request) {
        String pattern = LikePattern.startingWith(prefix);
        return withTags(PageQuery.fetch(
                sessions(Session.FIND_BY_HASH_PREFIX, tenant).setParameter("prefix", pattern),
                counter(Session.COUNT_BY_HASH_PREFIX, tenant).setParameter("prefix", pattern),
                request));
    }

    /** Sessions whose hash starts with {@code prefix} (empty: all) and that meet the flag filter. */
    public Page<SessionRow> findByHashPrefixAndFlags(long tenant, String prefix, FlagFilter flags,
            PageRequest request) {
        String pattern = LikePattern.startingWith(prefix);
        TypedQuery<SessionRow> list = sessions(flags.matchAll() ? Session.FIND_BY_HASH_PREFIX_AND_ALL_FLAGS
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
    public Page<SessionRow> findByScmPrefix(long tenant, String prefix, PageRequest request) {
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

    private TypedQuery<SessionRow> sessions(String name, long tenant) {
        return em.createNamedQuery(name, SessionRow.class).setParameter("tenant", tenant);
    }

    private TypedQuery<Long> counter(String name, long tenant) {
        return em.createNamedQuery(name, Long.class).setParameter("tenant", tenant);
    }

    /** The page with each row's tags, from one query over the page's sessions. */
    private Page<SessionRow> withTags(Page<SessionRow> page) {
        if (page.isEmpty()) {
            return page;
        }
        var tags = new HashMap<Long, List<Tag>>();
        em.createNamedQuery(Session.FIND_TAGS_BY_SESSION_IDS, SessionTagRow.class)
                .setParameter("ids", page.items().stream().map(SessionRow::id).toList())
                .getResultList()
                .forEach(tag -> tags.computeIfAbsent(tag.sessionId(), id -> new ArrayList<>())
                        .add(new Tag(tag.key(), tag.value())));
        return page.map(row -> row.withTags(tags.getOrDefault(row.id(), List.of())));
    }
}
