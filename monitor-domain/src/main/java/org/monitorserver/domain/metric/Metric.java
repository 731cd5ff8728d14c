package org.monitorserver.domain.metric;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.monitorserver.domain.FieldLimits;

/**
 * The resource use of one test item in one session on one context. Metrics are append-only: every POST is a
 * new row, since pytest-monitor gives them no identity of their own.
 */
@Entity
@Table(name = "metric")
@Cacheable(false)
@NamedQuery(name = Metric.COUNT_BY_TENANT,
        query = "SELECT COUNT(m) FROM Metric m WHERE m.tenantId = :tenant")
public class Metric {

    public static final String COUNT_BY_TENANT = "Metric.countByTenant";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "metric_seq")
    @SequenceGenerator(name = "metric_seq", sequenceName = "metric_seq", allocationSize = 100)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "session_h", nullable = false, updatable = false, length = FieldLimits.HASH)
    private String sessionHash;

    @Column(name = "context_h", nullable = false, updatable = false, length = FieldLimits.HASH)
    private String contextHash;

    @Column(name = "item_start_time", nullable = false)
    private LocalDateTime itemStartTime;

    @Embedded
    private TestItem item;

    @Embedded
    private ResourceUsage usage;

    protected Metric() {
    }

    /** @throws IllegalArgumentException or NullPointerException for a value the schema cannot hold */
    public Metric(long tenantId, String sessionHash, String contextHash, LocalDateTime itemStartTime, TestItem item,
            ResourceUsage usage) {
        this.tenantId = tenantId;
        this.sessionHash = FieldLimits.hash("session_h", sessionHash);
        this.contextHash = FieldLimits.hash("context_h", contextHash);
        this.itemStartTime = Objects.requireNonNull(itemStartTime, "item_start_time is required");
        this.item = Objects.requireNonNull(item, "item");
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    public Long getId() {
        return id;
    }

    public long getTenantId() {
        return tenantId;
    }

    public String getSessionHash() {
        return sessionHash;
    }

    public String getContextHash() {
        return contextHash;
    }

    public LocalDateTime getItemStartTime() {
        return itemStartTime;
    }

    public TestItem getItem() {
        return item;
    }

    public ResourceUsage getUsage() {
        return usage;
    }
}
