package org.monitorserver.domain.count;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.monitorserver.domain.metric.MetricRow;
import org.monitorserver.domain.metric.Resource;

/**
 * One entry of a maintained ranking: a metric among the {@value #LENGTH} that use the most (head) or the least
 * (tail) of one resource, over all of a tenant's metrics, a component's or a pipeline's. The API ranks at most
 * {@value #LENGTH} metrics, so these lists answer every ranking exactly, and no index over the resource columns of
 * {@code metric} is kept up on each insert: a new metric enters a list only if it beats the list's last entry,
 * which after the first few hundred metrics almost none does.
 *
 * <p>A list is ordered by {@link #sortKey} and then arrival (the metric id): the value for a tail, its negation
 * for a head, so both read in ascending order. Writers add and trim in the metrics' own transaction, so a list is
 * right on any number of instances; concurrent trims may leave a few entries past the last place, which no read
 * reaches.
 */
@Entity
@Table(name = "metric_rank")
@IdClass(MetricRank.Key.class)
@Cacheable(false)
@NamedQuery(name = MetricRank.FIND_ROWS_BY_LIST,
        query = MetricRow.SELECT + " FROM MetricRank r, Metric m WHERE r.tenantId = :tenant"
                + " AND r.resource = :resource AND r.head = :head AND r.scope = :scope AND r.scopeKey = :key"
                + " AND m.id = r.metricId ORDER BY r.sortKey, r.metricId")
@NamedQuery(name = MetricRank.COUNT_BY_LIST,
        query = "SELECT COUNT(r) FROM MetricRank r WHERE r.tenantId = :tenant AND r.resource = :resource"
                + " AND r.head = :head AND r.scope = :scope AND r.scopeKey = :key")
public class MetricRank {

    public static final String FIND_ROWS_BY_LIST = "MetricRank.findRowsByList";
    public static final String COUNT_BY_LIST = "MetricRank.countByList";

    /** Places per list: the API's largest {@code n}. */
    public static final int LENGTH = 500;

    /** The metrics a list ranks. */
    public enum Scope {
        /** All of a tenant's metrics; the key is empty. */
        ALL,
        /** A component's metrics; the key is the component (empty for metrics without one). */
        COMPONENT,
        /** The metrics of a pipeline's sessions; the key is the pipeline. */
        PIPELINE
    }

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "resource", length = 16)
    private Resource resource;

    @Id
    @Column(name = "head")
    private boolean head;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "scope", length = 16)
    private Scope scope;

    @Id
    @Column(name = "scope_key", length = 2048)
    private String scopeKey;

    @Id
    @Column(name = "sort_key")
    private double sortKey;

    @Id
    @Column(name = "metric_id")
    private long metricId;

    protected MetricRank() {
    }

    /**
     * Where a value sorts in a list: itself in a tail, its negation in a head, so that both read ascending. The
     * arithmetic turns -0.0 into 0.0, as the database compares them equal.
     */
    public static double sortKey(double value, boolean head) {
        return head ? 0.0 - value : value + 0.0;
    }

    /** The primary key: the list (tenant, resource, end, scope, key) and the place (sort key, metric). */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long tenantId;
        private Resource resource;
        private boolean head;
        private Scope scope;
        private String scopeKey;
        private double sortKey;
        private long metricId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && tenantId == other.tenantId && resource == other.resource
                    && head == other.head && scope == other.scope && Objects.equals(scopeKey, other.scopeKey)
                    && Double.compare(sortKey, other.sortKey) == 0 && metricId == other.metricId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, resource, head, scope, scopeKey, sortKey, metricId);
        }
    }
}
