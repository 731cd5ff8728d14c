package org.monitorserver.persistence.metric;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.monitorserver.domain.count.MetricBlock;
import org.monitorserver.domain.count.MetricBlock.Listing;
import org.monitorserver.domain.count.MetricTally;
import org.monitorserver.domain.count.MetricTally.Dimension;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.metric.MetricRow;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.IdBlocks;
import org.monitorserver.persistence.LikePattern;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.RowCounts;

/**
 * Reads of metrics: one named query per filter, scoped to a tenant and listed in arrival order. A listing's size
 * is its count twin where groups are small (a session, an SCM prefix, a component's item), and the maintained
 * {@link MetricTally tallies} where they can be millions. Names and patterns from users are bound as parameters; LIKE patterns are escaped, so every
 * character is literal and matching is case-sensitive.
 */
@Stateless
public class MetricQueries {

    /** The most names an {@code IN} list of a substring search holds. */
    static final int MAX_NAMES = 1000;

    /** The most names of a substring search whose first pages merge the names' own id ranges. */
    static final int MAX_MERGED_NAMES = 32;

    /** How deep such a merge goes: the first five pages at the default size; deeper pages use the {@code IN}. */
    static final int MAX_MERGED_ROWS = 2_500;

    /** The most sessions whose metrics are listed through an {@code IN} list of their hashes. */
    public static final int MAX_SESSIONS = 100;

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** How many metrics the tenant has: the maintained count, not a scan. */
    public long count(long tenant) {
        return RowCounts.total(em, tenant, Family.METRIC);
    }

    /** Every metric of the tenant. */
    public Page<MetricRow> findAll(long tenant, PageRequest request) {
        return PageQuery.fetch(list(Metric.FIND_BY_TENANT, tenant), list(Metric.FIND_NEWEST_BY_TENANT, tenant),
                count(tenant), request, blocks(tenant, Listing.ALL, ""));
    }

    /** The metrics of one session (exact hash). */
    public Page<MetricRow> findBySession(long tenant, String session, PageRequest request) {
        return page(Metric.FIND_BY_SESSION, Metric.COUNT_BY_SESSION, tenant, "session", session, request);
    }

    public long countBySession(long tenant, String session) {
        return count(Metric.COUNT_BY_SESSION, tenant, "session", session);
    }

    /** The metrics of one context (exact hash). */
    public Page<MetricRow> findByContext(long tenant, String context, PageRequest request) {
        return tallied(Metric.FIND_BY_CONTEXT, Metric.FIND_NEWEST_BY_CONTEXT, tenant, "context", context,
                Dimension.CONTEXT, Listing.CONTEXT, request);
    }

    public long countByContext(long tenant, String context) {
        return tally(tenant, Dimension.CONTEXT, context);
    }

    /** The metrics of sessions whose SCM reference starts with {@code prefix}. */
    public Page<MetricRow> findByScmPrefix(long tenant, String prefix, PageRequest request) {
        ScmSelection selection = scmSelection(tenant, prefix);
        // No session: an empty listing, read without a query (an empty IN is not SQL).
        return selection == null ? PageQuery.fetch((offset, rows) -> List.of(), 0, request)
                : PageQuery.fetch(selection.list(), selection.count(), request);
    }

    public long countByScmPrefix(long tenant, String prefix) {
        ScmSelection selection = scmSelection(tenant, prefix);
        return selection == null ? 0 : selection.count().getSingleResult();
    }

    /** The list and count queries of one SCM prefix, parameters bound. */
    private record ScmSelection(TypedQuery<MetricRow> list, TypedQuery<Long> count) {
    }

    /**
     * How the metrics of an SCM prefix are selected, or null when no session matches. The matching sessions are
     * read first, at most {@value #MAX_SESSIONS} + 1: a few sessions are listed through their own metric index
     * ranges ({@code IN} their hashes); only a prefix that matches many sessions walks the metrics in arrival
     * order, joined to the sessions, where matches are then dense.
     */
    private ScmSelection scmSelection(long tenant, String prefix) {
        String pattern = LikePattern.startingWith(prefix);
        List<String> sessions = em.createNamedQuery(Session.FIND_HASHES_BY_SCM_PREFIX, String.class)
                .setParameter("tenant", tenant).setParameter("prefix", pattern).setMaxResults(MAX_SESSIONS + 1)
                .getResultList();
        if (sessions.isEmpty()) {
            return null;
        }
        if (sessions.size() <= MAX_SESSIONS) {
            return new ScmSelection(list(Metric.FIND_BY_SESSIONS, tenant).setParameter("sessions", sessions),
                    counter(Metric.COUNT_BY_SESSIONS, tenant).setParameter("sessions", sessions));
        }
        return new ScmSelection(list(Metric.FIND_BY_SCM_PREFIX, tenant).setParameter("prefix", pattern),
                counter(Metric.COUNT_BY_SCM_PREFIX, tenant).setParameter("prefix", pattern));
    }

    /** The metrics of one scope ({@code function}, {@code module}...), the item's kind. */
    public Page<MetricRow> findByKind(long tenant, String kind, PageRequest request) {
        return tallied(Metric.FIND_BY_KIND, Metric.FIND_NEWEST_BY_KIND, tenant, "kind", kind, Dimension.KIND,
                Listing.KIND, request);
    }

    public long countByKind(long tenant, String kind) {
        return tally(tenant, Dimension.KIND, kind);
    }

    /** The metrics of one test item, whatever its variants. */
    public Page<MetricRow> findByItem(long tenant, String item, PageRequest request) {
        return tallied(Metric.FIND_BY_ITEM, null, tenant, "item", item, Dimension.ITEM, null, request);
    }

    public long countByItem(long tenant, String item) {
        return tally(tenant, Dimension.ITEM, item);
    }

    /** The metrics whose item name contains {@code part}. */
    public Page<MetricRow> findByItemContaining(long tenant, String part, PageRequest request) {
        return containing(tenant, Dimension.ITEM, part, Metric.FIND_BY_ITEMS, Metric.FIND_IDS_BY_ITEM,
                Metric.FIND_BY_ITEM_LIKE, request);
    }

    /** The metrics of one variant (the item with its parameters). */
    public Page<MetricRow> findByVariant(long tenant, String variant, PageRequest request) {
        return tallied(Metric.FIND_BY_VARIANT, null, tenant, "variant", variant, Dimension.VARIANT, null, request);
    }

    public long countByVariant(long tenant, String variant) {
        return tally(tenant, Dimension.VARIANT, variant);
    }

    /** The metrics whose variant contains {@code part}. */
    public Page<MetricRow> findByVariantContaining(long tenant, String part, PageRequest request) {
        return containing(tenant, Dimension.VARIANT, part, Metric.FIND_BY_VARIANTS, Metric.FIND_IDS_BY_VARIANT,
                Metric.FIND_BY_VARIANT_LIKE, request);
    }

    /** The metrics of one component; the empty component selects the metrics that have none. */
    public Page<MetricRow> findByComponent(long tenant, String component, PageRequest request) {
        return tallied(Metric.FIND_BY_COMPONENT, Metric.FIND_NEWEST_BY_COMPONENT, tenant, "component", component,
                Dimension.COMPONENT, Listing.COMPONENT, request);
    }

    /** The metrics of one item within one component (empty: without component). */
    public Page<MetricRow> findByComponentAndItem(long tenant, String component, String item, PageRequest request) {
        return PageQuery.fetch(
                list(Metric.FIND_BY_COMPONENT_AND_ITEM, tenant).setParameter("component", component)
                        .setParameter("item", item),
                counter(Metric.COUNT_BY_COMPONENT_AND_ITEM, tenant).setParameter("component", component)
                        .setParameter("item", item),
                request);
    }

    /** The metrics of one variant within one component (empty: without component). */
    public Page<MetricRow> findByComponentAndVariant(long tenant, String component, String variant,
            PageRequest request) {
        return PageQuery.fetch(
                list(Metric.FIND_BY_COMPONENT_AND_VARIANT, tenant).setParameter("component", component)
                        .setParameter("variant", variant),
                counter(Metric.COUNT_BY_COMPONENT_AND_VARIANT, tenant).setParameter("component", component)
                        .setParameter("variant", variant),
                request);
    }

    private Page<MetricRow> page(String find, String count, long tenant, String parameter, String value,
            PageRequest request) {
        return PageQuery.fetch(list(find, tenant).setParameter(parameter, value),
                counter(count, tenant).setParameter(parameter, value), request);
    }

    /**
     * A page of the metrics whose item or variant contains {@code part}. The matching names come from the
     * tallies' keys (one row per name), so the listing is an {@code IN} over exact names, which their index
     * serves, instead of a substring test of every metric. Past {@value #MAX_NAMES} names the substring test on
     * the metrics in arrival order is used: with that many names matching, matches are dense and a page is
     * found early. With few names ({@value #MAX_MERGED_NAMES} at most) the first pages merge the names' own id
     * ranges instead (see {@link #merged}).
     */
    private Page<MetricRow> containing(long tenant, Dimension dimension, String part, String findByNames,
            String findIdsByName, String findLike, PageRequest request) {
        String pattern = LikePattern.containing(part);
        List<String> names = em.createNamedQuery(MetricTally.FIND_KEYS_BY_KEY_LIKE, String.class)
                .setParameter("tenant", tenant).setParameter("dimension", dimension).setParameter("pattern", pattern)
                .setMaxResults(MAX_NAMES + 1).getResultList();
        TypedQuery<MetricRow> list = names.isEmpty() || names.size() > MAX_NAMES
                ? list(findLike, tenant).setParameter("pattern", pattern)
                : list(findByNames, tenant).setParameter("names", names);
        long total = tallyLike(tenant, dimension, pattern);
        if (names.isEmpty() || names.size() > MAX_MERGED_NAMES) {
            return PageQuery.fetch(list, total, request);
        }
        PageQuery.Slice<MetricRow> deeper = PageQuery.slice(list);
        return PageQuery.fetch((offset, rows) -> offset + rows <= MAX_MERGED_ROWS
                ? merged(findIdsByName, tenant, names, (int) offset, rows) : deeper.read(offset, rows), total,
                request);
    }

    /**
     * Rows {@code offset} to {@code offset + rows} of the metrics of a few names, in id order, from each name's
     * first ids. Each name's ids come in order from its own index range, so only the ids up to the page's end
     * are read per name, then the page's rows by id. The {@code IN} form instead makes the database choose
     * between sorting every row of the names and walking all metrics in id order until a page of them is found:
     * both read tens of thousands of rows when the names are rare.
     */
    private List<MetricRow> merged(String findIdsByName, long tenant, List<String> names, int offset, int rows) {
        var ids = new ArrayList<Long>();
        for (String name : names) {
            ids.addAll(em.createNamedQuery(findIdsByName, Long.class).setParameter("tenant", tenant)
                    .setParameter("name", name).setMaxResults(offset + rows).getResultList());
        }
        Collections.sort(ids);
        List<Long> page = ids.subList(Math.min(offset, ids.size()), Math.min(offset + rows, ids.size()));
        return page.isEmpty() ? List.of()
                : em.createNamedQuery(Metric.FIND_BY_IDS, MetricRow.class).setParameter("ids", page).getResultList();
    }

    /**
     * A page of a group whose size is a {@link MetricTally tally}: a sum over a few rows, not a count. Groups large
     * enough to have a newest-first twin ({@code findNewest}, else null) read their last pages from the far end,
     * and their deep pages from the {@link MetricBlock block} that holds the page ({@code listing}, else null).
     */
    private Page<MetricRow> tallied(String find, String findNewest, long tenant, String parameter, String value,
            Dimension dimension, Listing listing, PageRequest request) {
        return PageQuery.fetch(list(find, tenant).setParameter(parameter, value),
                findNewest == null ? null : list(findNewest, tenant).setParameter(parameter, value),
                tally(tenant, dimension, value), request, listing == null ? null : blocks(tenant, listing, value));
    }

    /** The listing's rows per id block, read only when a page is deep enough to seek. */
    private IdBlocks blocks(long tenant, Listing listing, String key) {
        return new IdBlocks(MetricBlock.IDS_PER_BLOCK, () -> em
                .createNamedQuery(MetricBlock.SUM_BY_LISTING, Object[].class).setParameter("tenant", tenant)
                .setParameter("listing", listing).setParameter("key", key).getResultList().stream()
                .map(row -> new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()}).toList());
    }

    private long tally(long tenant, Dimension dimension, String key) {
        return sum(em.createNamedQuery(MetricTally.SUM_BY_KEY, Number.class).setParameter("key", key), tenant,
                dimension);
    }

    /** The size of every group whose key matches {@code pattern}: the groups are few, their metrics many. */
    private long tallyLike(long tenant, Dimension dimension, String pattern) {
        return sum(em.createNamedQuery(MetricTally.SUM_BY_KEY_LIKE, Number.class).setParameter("pattern", pattern),
                tenant, dimension);
    }

    private static long sum(TypedQuery<Number> tallies, long tenant, Dimension dimension) {
        Number sum = tallies.setParameter("tenant", tenant).setParameter("dimension", dimension).getSingleResult();
        return sum == null ? 0 : sum.longValue();
    }

    private long count(String count, long tenant, String parameter, String value) {
        return counter(count, tenant).setParameter(parameter, value).getSingleResult();
    }

    private TypedQuery<MetricRow> list(String name, long tenant) {
        return em.createNamedQuery(name, MetricRow.class).setParameter("tenant", tenant);
    }

    private TypedQuery<Long> counter(String name, long tenant) {
        return em.createNamedQuery(name, Long.class).setParameter("tenant", tenant);
    }
}
