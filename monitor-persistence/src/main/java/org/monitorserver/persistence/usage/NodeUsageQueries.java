package org.monitorserver.persistence.usage;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.monitorserver.domain.tenant.Tenant;
import org.monitorserver.domain.usage.NodeSpan;

/**
 * Node usage (the {@code /metrics/nodes/usage} figures of issue 10): node-seconds of the tenants in scope, read
 * from the node spans that overlap the window, never from metrics. Times are UTC; the window is whole seconds.
 */
@Stateless
public class NodeUsageQueries {

    private static final Logger LOG = Logger.getLogger(NodeUsageQueries.class.getName());

    /** The most buckets one answer holds: ten thousand hours is over a year. */
    public static final int MAX_BUCKETS = 10_000;

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /**
     * The node usage of {@code tenants}, optionally only of the sessions sent by users named {@code user} (in any
     * of those tenants), over {@code [start, end)} in epoch seconds, split by {@code groupby}.
     *
     * @param start defaults to the earliest span start in scope (rounded down to the second), or to {@code end}
     *        when there is none
     * @param end defaults to now, or to {@code start} if that is later
     * @throws IllegalArgumentException if both are given and {@code start > end}
     * @throws TooManyBucketsException if {@code groupby} splits the window into more than {@link #MAX_BUCKETS}
     */
    public UsageReport usage(TenantScope tenants, Optional<String> user, OptionalLong start, OptionalLong end,
            Grouping groupby) {
        if (start.isPresent() && end.isPresent() && start.getAsLong() > end.getAsLong()) {
            throw new IllegalArgumentException("start " + start.getAsLong() + " is after end " + end.getAsLong());
        }
        List<Long> ids = List.copyOf(tenants.ids().orElseGet(this::allTenantIds));
        long now = Clock.systemUTC().instant().getEpochSecond();
        long to = end.orElse(Math.max(now, start.orElse(now)));
        long from = start.isPresent() ? start.getAsLong()
                : earliestStart(ids, user).map(earliest -> Math.min(earliest, to)).orElse(to);
        if (groupby != Grouping.NONE && (to - from) / groupby.shortestSeconds() + 2 > MAX_BUCKETS) {
            throw new TooManyBucketsException("the window from " + from + " to " + to + " holds more than "
                    + MAX_BUCKETS + " buckets of a " + groupby.name().toLowerCase(Locale.ROOT)
                    + ": narrow it with start and end, or group by a longer period");
        }
        var window = new NodeSeconds(time(from), time(to));
        if (!ids.isEmpty()) {
            for (Object[] span : overlapping(ids, user, time(from), time(to))) {
                window.add(((Number) span[0]).longValue(), (String) span[1], (LocalDateTime) span[2],
                        (LocalDateTime) span[3]);
            }
        }
        LOG.fine(() -> "node usage of " + tenants + (user.isPresent() ? ", user " + user.get() : "") + " from "
                + from + " to " + to + " by " + groupby);
        return new UsageReport(from, to, window.by(groupby));
    }

    private Set<Long> allTenantIds() {
        return Set.copyOf(em.createNamedQuery(Tenant.FIND_ALL, Tenant.class).getResultStream()
                .map(Tenant::getId).toList());
    }

    /** The earliest span start in scope, in epoch seconds rounded down. */
    private Optional<Long> earliestStart(List<Long> tenants, Optional<String> user) {
        if (tenants.isEmpty()) {
            return Optional.empty();
        }
        Stream<LocalDateTime> earliest = user.isPresent()
                ? Stream.of(em.createNamedQuery(NodeSpan.FIND_EARLIEST_START_BY_TENANTS_AND_USER, LocalDateTime.class)
                        .setParameter("tenants", tenants).setParameter("user", user.get()).getSingleResult())
                : tenants.stream().map(tenant -> em.createNamedQuery(NodeSpan.FIND_EARLIEST_START_BY_TENANT,
                        LocalDateTime.class).setParameter("tenant", tenant).getSingleResult());
        return earliest.filter(Objects::nonNull).min(Comparator.naturalOrder())
                .map(time -> time.toEpochSecond(ZoneOffset.UTC));
    }

    /** {@code (tenant_id, context_h, start_at, end_at)} of the spans in scope that overlap {@code [from, to)}. */
    private List<Object[]> overlapping(List<Long> tenants, Optional<String> user, LocalDateTime from,
            LocalDateTime to) {
        TypedQuery<Object[]> query = user.isPresent()
                ? em.createNamedQuery(NodeSpan.FIND_OVERLAPPING_BY_TENANTS_AND_USER, Object[].class)
                        .setParameter("user", user.get())
                : em.createNamedQuery(NodeSpan.FIND_OVERLAPPING_BY_TENANTS, Object[].class);
        return query.setParameter("tenants", tenants).setParameter("start", from).setParameter("end", to)
                .getResultList();
    }

    private static LocalDateTime time(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }
}
