package org.monitorserver.domain.imports;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The background load of one uploaded {@code .pymon} file into a tenant's data. A job is {@code QUEUED} when
 * uploaded, {@code RUNNING} while a server holds its lease ({@code leaseOwner} until {@code leaseExpires}, renewed
 * while it runs), and ends {@code DONE} or {@code FAILED}. A running job whose lease expired (its server stopped)
 * is claimable again, so it is taken over and never left running. Rows read, stored and skipped count the
 * file's sessions, contexts and metrics together: {@code read = stored + skipped} once done. Times are UTC.
 * State changes are conditional updates (the named {@code claim}, {@code renew}, {@code progress} and
 * {@code finish} queries), so that of several servers only the lease holder writes.
 */
@Entity
@Table(name = "import_job", indexes = {
        @Index(name = "import_job_tenant_idx", columnList = "tenant_id, id"),
        @Index(name = "import_job_tenant_state_idx", columnList = "tenant_id, state"),
        @Index(name = "import_job_claimable_idx", columnList = "state, lease_expires")})
@Cacheable(false)
@NamedQuery(name = ImportJob.FIND_BY_ID_AND_TENANT,
        query = "SELECT j FROM ImportJob j WHERE j.id = :id AND j.tenantId = :tenant")
@NamedQuery(name = ImportJob.FIND_BY_TENANT,
        query = "SELECT j FROM ImportJob j WHERE j.tenantId = :tenant ORDER BY j.id DESC")
@NamedQuery(name = ImportJob.COUNT_BY_TENANT,
        query = "SELECT COUNT(j) FROM ImportJob j WHERE j.tenantId = :tenant")
@NamedQuery(name = ImportJob.COUNT_BY_STATE_AND_TENANT,
        query = "SELECT COUNT(j) FROM ImportJob j WHERE j.tenantId = :tenant AND j.state = :state")
@NamedQuery(name = ImportJob.FIND_CLAIMABLE,
        query = "SELECT j.id FROM ImportJob j WHERE j.state = :queued OR (j.state = :running AND j.leaseExpires < :now)"
                + " ORDER BY j.id")
@NamedQuery(name = ImportJob.CLAIM,
        query = "UPDATE ImportJob j SET j.state = :running, j.leaseOwner = :owner, j.leaseExpires = :expires,"
                + " j.startedAt = :now, j.rowsRead = 0, j.rowsStored = 0, j.rowsSkipped = 0 WHERE j.id = :id AND"
                + " (j.state = :queued OR (j.state = :running AND j.leaseExpires < :now))")
@NamedQuery(name = ImportJob.RENEW,
        query = "UPDATE ImportJob j SET j.leaseExpires = :expires WHERE j.id = :id AND j.state = :running"
                + " AND j.leaseOwner = :owner")
@NamedQuery(name = ImportJob.PROGRESS,
        query = "UPDATE ImportJob j SET j.rowsRead = :read, j.rowsStored = :stored, j.rowsSkipped = :skipped"
                + " WHERE j.id = :id AND j.state = :running AND j.leaseOwner = :owner")
@NamedQuery(name = ImportJob.FINISH,
        query = "UPDATE ImportJob j SET j.state = :state, j.rowsRead = :read, j.rowsStored = :stored,"
                + " j.rowsSkipped = :skipped, j.error = :error, j.finishedAt = :now, j.leaseOwner = NULL,"
                + " j.leaseExpires = NULL WHERE j.id = :id AND j.state = :running AND j.leaseOwner = :owner")
public class ImportJob {

    public static final String FIND_BY_ID_AND_TENANT = "ImportJob.findByIdAndTenant";
    public static final String FIND_BY_TENANT = "ImportJob.findByTenant";
    public static final String COUNT_BY_TENANT = "ImportJob.countByTenant";
    public static final String COUNT_BY_STATE_AND_TENANT = "ImportJob.countByStateAndTenant";
    public static final String FIND_CLAIMABLE = "ImportJob.findClaimable";
    public static final String CLAIM = "ImportJob.claim";
    public static final String RENEW = "ImportJob.renew";
    public static final String PROGRESS = "ImportJob.progress";
    public static final String FINISH = "ImportJob.finish";

    /** The longest error text kept; longer messages are cut. */
    public static final int ERROR_LENGTH = 2048;

    /** Where a job is in its life. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        /** Whether a job in this state has ended (its upload is gone). */
        public boolean isFinal() {
            return this == DONE || this == FAILED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_job_seq")
    @SequenceGenerator(name = "import_job_seq", sequenceName = "import_job_seq", allocationSize = 1)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    /** The user whose key uploaded the file, recorded on the sessions it stores; null with authentication off. */
    @Column(name = "user_id", updatable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "rows_read", nullable = false)
    private long rowsRead;

    @Column(name = "rows_stored", nullable = false)
    private long rowsStored;

    @Column(name = "rows_skipped", nullable = false)
    private long rowsSkipped;

    @Column(name = "error", length = ERROR_LENGTH)
    private String error;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "started_at")
    private LocalDateTime startedAt;

    @Column(name = "finished_at")
    private LocalDateTime finishedAt;

    @Column(name = "lease_owner", length = 128)
    private String leaseOwner;

    @Column(name = "lease_expires")
    private LocalDateTime leaseExpires;

    protected ImportJob() {
    }

    /** A queued job for an upload of {@code size} bytes, created at {@code createdAt} (UTC). */
    public ImportJob(long tenantId, Long userId, long size, LocalDateTime createdAt) {
        if (size < 1) {
            throw new IllegalArgumentException("an import needs a non-empty upload");
        }
        this.tenantId = tenantId;
        this.userId = userId;
        this.size = size;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.state = State.QUEUED;
    }

    /** {@code message} cut to {@link #ERROR_LENGTH} characters, as the error column holds it. */
    public static String errorText(String message) {
        String text = message == null || message.isBlank() ? "unknown error" : message;
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 3) + "...";
    }

    public Long getId() {
        return id;
    }

    public long getTenantId() {
        return tenantId;
    }

    /** The user who uploaded the file, null with authentication off. */
    public Long getUserId() {
        return userId;
    }

    public State getState() {
        return state;
    }

    /** The upload's size in bytes. */
    public long getSize() {
        return size;
    }

    public long getRowsRead() {
        return rowsRead;
    }

    public long getRowsStored() {
        return rowsStored;
    }

    public long getRowsSkipped() {
        return rowsSkipped;
    }

    /** Why the job failed, or null. */
    public String getError() {
        return error;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    /** When the current (or last) run started, or null while queued. */
    public LocalDateTime getStartedAt() {
        return startedAt;
    }

    public LocalDateTime getFinishedAt() {
        return finishedAt;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public LocalDateTime getLeaseExpires() {
        return leaseExpires;
    }
}
