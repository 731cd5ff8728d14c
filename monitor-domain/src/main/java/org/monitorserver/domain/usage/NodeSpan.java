package org.monitorserver.domain.usage;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Objects;
import org.monitorserver.domain.FieldLimits;

/**
 * The time one session kept one node (execution context) busy: from its earliest metric start
 * ({@code item_start_time}) to its latest metric end ({@code item_start_time + total_time}), UTC. Metric ingestion
 * widens the row in the metrics' own transaction (an upsert taking the least start and greatest end), so node
 * usage reads these rows, never the metrics. The named queries return {@code (tenant_id, context_h, start_at,
 * end_at)} of the spans overlapping {@code [:start, :end)}; the {@code ...AndUser} twins keep the sessions sent by
 * a user of that name (joined through the session's {@code user_id}).
 */
@Entity
@Table(name = "node_span", indexes = {
        @Index(name = "node_span_tenant_start_idx", columnList = "tenant_id, start_at"),
        @Index(name = "node_span_tenant_end_idx", columnList = "tenant_id, end_at, start_at")})
@IdClass(NodeSpan.Key.class)
@Cacheable(false)
@NamedQuery(name = NodeSpan.FIND_OVERLAPPING_BY_TENANTS,
        query = "SELECT s.tenantId, s.contextHash, s.startAt, s.endAt FROM NodeSpan s"
                + " WHERE s.tenantId IN :tenants AND s.endAt > :start AND s.startAt < :end")
@NamedQuery(name = NodeSpan.FIND_OVERLAPPING_BY_TENANTS_AND_USER,
        query = "SELECT s.tenantId, s.contextHash, s.startAt, s.endAt FROM NodeSpan s, Session t, User u"
                + " WHERE s.tenantId IN :tenants AND s.endAt > :start AND s.startAt < :end"
                + " AND t.tenantId = s.tenantId AND t.hash = s.sessionHash"
                + " AND u.id = t.userId AND u.tenantId = s.tenantId AND u.name = :user")
// One tenant at a time: the first entry of node_span_tenant_start_idx; with IN, PostgreSQL reads every entry.
@NamedQuery(name = NodeSpan.FIND_EARLIEST_START_BY_TENANT,
        query = "SELECT MIN(s.startAt) FROM NodeSpan s WHERE s.tenantId = :tenant")
@NamedQuery(name = NodeSpan.FIND_EARLIEST_START_BY_TENANTS_AND_USER,
        query = "SELECT MIN(s.startAt) FROM NodeSpan s, Session t, User u WHERE s.tenantId IN :tenants"
                + " AND t.tenantId = s.tenantId AND t.hash = s.sessionHash"
                + " AND u.id = t.userId AND u.tenantId = s.tenantId AND u.name = :user")
public class NodeSpan {

    public static final String FIND_OVERLAPPING_BY_TENANTS = "NodeSpan.findOverlappingByTenants";
    public static final String FIND_OVERLAPPING_BY_TENANTS_AND_USER = "NodeSpan.findOverlappingByTenantsAndUser";
    public static final String FIND_EARLIEST_START_BY_TENANT = "NodeSpan.findEarliestStartByTenant";
    public static final String FIND_EARLIEST_START_BY_TENANTS_AND_USER = "NodeSpan.findEarliestStartByTenantsAndUser";

    /**
     * The longest a metric can keep its node busy. A {@code total_time} beyond it (or below zero) is a client's
     * error that must neither fail the metric's batch nor overflow a timestamp, so it is clamped to
     * {@code [0, MAX_METRIC_TIME]}; migration 16 clamps the same way.
     */
    public static final Duration MAX_METRIC_TIME = Duration.ofDays(365);

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Id
    @Column(name = "session_h", length = FieldLimits.HASH)
    private String sessionHash;

    @Id
    @Column(name = "context_h", length = FieldLimits.HASH)
    private String contextHash;

    @Column(name = "start_at", nullable = false)
    private LocalDateTime startAt;

    @Column(name = "end_at", nullable = false)
    private LocalDateTime endAt;

    protected NodeSpan() {
    }

    /**
     * The span of a tracked run: its host busy from {@code start} to {@code end} (an end before the start counts
     * as the start). The run stands in for the session, its host for the context ({@link #runKey},
     * {@link #hostKey}), so node usage counts runs and test sessions alike.
     */
    public NodeSpan(long tenantId, String sessionHash, String contextHash, LocalDateTime start, LocalDateTime end) {
        this.tenantId = tenantId;
        this.sessionHash = Objects.requireNonNull(sessionHash, "sessionHash");
        this.contextHash = Objects.requireNonNull(contextHash, "contextHash");
        cover(start, end);
    }

    /** Sets the span to {@code [start, end]}, an end before the start counting as the start. */
    public void cover(LocalDateTime start, LocalDateTime end) {
        this.startAt = Objects.requireNonNull(start, "start");
        this.endAt = end.isBefore(start) ? start : end;
    }

    /**
     * The session key of run {@code runKey}'s span: no session hash has a colon, so it never meets a session's.
     */
    public static String runKey(String runKey) {
        return "run:" + runKey;
    }

    /**
     * The node key of a run's host: {@code host:} and the SHA-256 of its hostname, so that runs on one host are
     * one node and no hostname outgrows the column; {@code run:} and the run's key for a run without hostname.
     */
    public static String hostKey(String hostname, String runKey) {
        if (hostname == null || hostname.isEmpty()) {
            return runKey(runKey);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(hostname.getBytes(StandardCharsets.UTF_8));
            return "host:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * When a metric that started at {@code start} and took {@code totalSeconds} ends: the start plus the clamped
     * duration, to the microsecond (the precision of a {@code TIMESTAMP}).
     */
    public static LocalDateTime metricEnd(LocalDateTime start, double totalSeconds) {
        double clamped = Math.max(0, Math.min(totalSeconds, MAX_METRIC_TIME.toSeconds()));
        return start.plusNanos(Math.round(clamped * 1_000_000) * 1_000);
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

    public LocalDateTime getStartAt() {
        return startAt;
    }

    public LocalDateTime getEndAt() {
        return endAt;
    }

    /** The primary key: tenant, session and context. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long tenantId;
        private String sessionHash;
        private String contextHash;

        public Key() {
        }

        /** The key of the span of {@code sessionHash} on {@code contextHash} in tenant {@code tenantId}. */
        public Key(long tenantId, String sessionHash, String contextHash) {
            this.tenantId = tenantId;
            this.sessionHash = sessionHash;
            this.contextHash = contextHash;
        }

        public String sessionHash() {
            return sessionHash;
        }

        public String contextHash() {
            return contextHash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && tenantId == other.tenantId
                    && Objects.equals(sessionHash, other.sessionHash) && Objects.equals(contextHash, other.contextHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, sessionHash, contextHash);
        }
    }
}
