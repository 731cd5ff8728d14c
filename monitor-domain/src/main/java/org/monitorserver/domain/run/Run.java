package org.monitorserver.domain.run;

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
import java.util.Locale;
import java.util.Objects;

/**
 * One run of a program watched by Spare Cores' resource-tracker, registered through the Sentinel run API. A run is
 * {@code RUNNING} from its registration until a finish names its outcome ({@code FINISHED} or {@code FAILED}).
 * Its data is processed at the finish: at once for inline CSV, or in the background for object-store chunks,
 * where the run is also a job ({@link Processing#QUEUED}, then {@link Processing#RUNNING} under a lease held by one
 * server, as import jobs are). A run whose processing failed may be finished again; one processed {@code OK}
 * may not. What the client sent at registration is kept whole as JSON text ({@code metadata}), unknown keys
 * included; the keys the listing filters on are columns of their own. Times are UTC.
 */
@Entity
@Table(name = "run", indexes = {
        @Index(name = "run_tenant_created_idx", columnList = "tenant_id, created_at, id"),
        @Index(name = "run_tenant_project_idx", columnList = "tenant_id, project_name, created_at, id"),
        @Index(name = "run_tenant_job_idx", columnList = "tenant_id, job_name, created_at, id"),
        @Index(name = "run_tenant_stage_idx", columnList = "tenant_id, stage_name, created_at, id"),
        @Index(name = "run_tenant_team_idx", columnList = "tenant_id, team, created_at, id"),
        @Index(name = "run_tenant_status_idx", columnList = "tenant_id, run_status, created_at, id"),
        @Index(name = "run_tenant_processing_idx", columnList = "tenant_id, processing"),
        @Index(name = "run_claimable_idx", columnList = "processing, lease_expires")})
@Cacheable(false)
@NamedQuery(name = Run.FIND_BY_KEY_AND_TENANT,
        query = "SELECT r FROM Run r WHERE r.runKey = :key AND r.tenantId = :tenant")
@NamedQuery(name = Run.COUNT_BY_PROCESSING_AND_TENANT,
        query = "SELECT COUNT(r) FROM Run r WHERE r.tenantId = :tenant AND r.processing = :processing")
@NamedQuery(name = Run.FIND_CLAIMABLE,
        query = "SELECT r.id FROM Run r WHERE r.processing = :queued"
                + " OR (r.processing = :running AND r.leaseExpires < :now) ORDER BY r.id")
@NamedQuery(name = Run.CLAIM,
        query = "UPDATE Run r SET r.processing = :running, r.leaseOwner = :owner, r.leaseExpires = :expires"
                + " WHERE r.id = :id AND (r.processing = :queued OR (r.processing = :running AND r.leaseExpires < :now))")
@NamedQuery(name = Run.RENEW,
        query = "UPDATE Run r SET r.leaseExpires = :expires WHERE r.id = :id AND r.processing = :running"
                + " AND r.leaseOwner = :owner")
public class Run {

    public static final String FIND_BY_KEY_AND_TENANT = "Run.findByKeyAndTenant";
    public static final String COUNT_BY_PROCESSING_AND_TENANT = "Run.countByProcessingAndTenant";
    public static final String FIND_CLAIMABLE = "Run.findClaimable";
    public static final String CLAIM = "Run.claim";
    public static final String RENEW = "Run.renew";

    /** The longest value of a filterable metadata column; longer values are refused. */
    public static final int NAME_LENGTH = 512;

    /** The longest processing error kept; longer messages are cut. */
    public static final int ERROR_LENGTH = 2048;

    /** The run's outcome as its client reports it. */
    public enum Status {
        RUNNING, FINISHED, FAILED;

        /** The wire spelling: lower case. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the data of a finished run is. */
    public enum DataSource {
        INLINE, S3;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The processing of a finish's data; none before the first finish. */
    public enum Processing {
        QUEUED, RUNNING, OK, FAILED;

        /** The wire spelling: lower case. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_seq")
    @SequenceGenerator(name = "run_seq", sequenceName = "run_seq", allocationSize = 1)
    private Long id;

    /** The public id ({@code run_id}): random, so that ids say nothing about other runs. */
    @Column(name = "run_key", nullable = false, updatable = false, length = 40)
    private String runKey;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "user_id", updatable = false)
    private Long userId;

    @Column(name = "project_name", length = NAME_LENGTH, updatable = false)
    private String projectName;

    @Column(name = "job_name", length = NAME_LENGTH, updatable = false)
    private String jobName;

    @Column(name = "stage_name", length = NAME_LENGTH, updatable = false)
    private String stageName;

    @Column(name = "task_name", length = NAME_LENGTH, updatable = false)
    private String taskName;

    @Column(name = "team", length = NAME_LENGTH, updatable = false)
    private String team;

    @Column(name = "env", length = NAME_LENGTH, updatable = false)
    private String env;

    @Column(name = "external_run_id", length = NAME_LENGTH, updatable = false)
    private String externalRunId;

    @Column(name = "host_hostname", length = NAME_LENGTH, updatable = false)
    private String hostHostname;

    /** The registration's keys and values as a JSON object, unknown keys included. */
    @Column(name = "metadata", nullable = false, updatable = false)
    private String metadata;

    /** The tags as a JSON array of {@code {key, value}}. */
    @Column(name = "tags", nullable = false, updatable = false)
    private String tags;

    @Column(name = "tag_count", nullable = false, updatable = false)
    private int tagCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_status", nullable = false, length = 16)
    private Status status;

    @Column(name = "exit_code")
    private Integer exitCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "heartbeat_at", nullable = false)
    private LocalDateTime heartbeatAt;

    @Column(name = "finished_at")
    private LocalDateTime finishedAt;

    /** {@code s3://bucket/prefix} where the client uploads, or empty without an object store. */
    @Column(name = "upload_prefix", nullable = false, updatable = false, length = 1024)
    private String uploadPrefix;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_source", length = 8)
    private DataSource dataSource;

    /** The object-store chunks of the last finish, as a JSON array of URIs. */
    @Column(name = "data_uris")
    private String dataUris;

    @Enumerated(EnumType.STRING)
    @Column(name = "processing", length = 16)
    private Processing processing;

    @Column(name = "processing_rows")
    private Long processingRows;

    @Column(name = "processing_files")
    private Integer processingFiles;

    @Column(name = "processing_ms")
    private Long processingMillis;

    @Column(name = "processing_error", length = ERROR_LENGTH)
    private String processingError;

    /** The CSV header of the stored samples, as a JSON array of names. */
    @Column(name = "sample_columns")
    private String sampleColumns;

    /** The statistics of the stored samples, as a JSON object in the tracker's layout. */
    @Column(name = "stats")
    private String stats;

    @Column(name = "lease_owner", length = 128)
    private String leaseOwner;

    @Column(name = "lease_expires")
    private LocalDateTime leaseExpires;

    protected Run() {
    }

    /** A run registered now ({@code createdAt}, UTC) for {@code tenantId}, running, with nothing processed yet. */
    public Run(String runKey, long tenantId, Long userId, RunMetadata metadata, String uploadPrefix,
            LocalDateTime createdAt) {
        this.runKey = Objects.requireNonNull(runKey, "runKey");
        this.tenantId = tenantId;
        this.userId = userId;
        this.projectName = metadata.projectName();
        this.jobName = metadata.jobName();
        this.stageName = metadata.stageName();
        this.taskName = metadata.taskName();
        this.team = metadata.team();
        this.env = metadata.env();
        this.externalRunId = metadata.externalRunId();
        this.hostHostname = metadata.hostHostname();
        this.metadata = metadata.json();
        this.tags = metadata.tagsJson();
        this.tagCount = metadata.tagCount();
        this.uploadPrefix = Objects.requireNonNull(uploadPrefix, "uploadPrefix");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.heartbeatAt = createdAt;
        this.status = Status.RUNNING;
    }

    /** {@code message} cut to {@link #ERROR_LENGTH} characters, as the error column holds it. */
    public static String errorText(String message) {
        String text = message == null || message.isBlank() ? "unknown error" : message;
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 3) + "...";
    }

    /**
     * Whether the run takes a finish now: before its first, and after one whose processing failed. A finish that
     * is queued, being processed or done is final.
     */
    public boolean isOpen() {
        return processing == null || processing == Processing.FAILED;
    }

    /** Records a heartbeat (a credentials refresh) at {@code now}. */
    public void beat(LocalDateTime now) {
        heartbeatAt = now;
    }

    /**
     * Records the client's finish: its outcome, exit code and time, and where its data is. The processing is
     * cleared, to be set by {@link #processed}, {@link #queue} or {@link #failProcessing}.
     */
    public void finish(Status outcome, Integer exitCode, LocalDateTime finishedAt, DataSource source,
            String dataUrisJson) {
        if (!isOpen()) {
            throw new IllegalStateException("run " + runKey + " is finished");
        }
        if (outcome == Status.RUNNING) {
            throw new IllegalArgumentException("a run finishes finished or failed");
        }
        this.status = outcome;
        this.exitCode = exitCode;
        this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
        this.dataSource = Objects.requireNonNull(source, "source");
        this.dataUris = dataUrisJson;
        this.processing = null;
        this.processingRows = null;
        this.processingFiles = null;
        this.processingMillis = null;
        this.processingError = null;
        this.sampleColumns = null;
        this.stats = null;
    }

    /** Queues the finish's object-store chunks for a background job. */
    public void queue() {
        processing = Processing.QUEUED;
        processingFiles = null;
    }

    /** Records the finish's data as stored: rows, files read, time taken, header and statistics. */
    public void processed(long rows, int files, long millis, String columnsJson, String statsJson) {
        processing = Processing.OK;
        processingRows = rows;
        processingFiles = files;
        processingMillis = millis;
        processingError = null;
        sampleColumns = columnsJson;
        stats = statsJson;
        leaseOwner = null;
        leaseExpires = null;
    }

    /** Records that the finish's data could not be stored, and why: the run may be finished again. */
    public void failProcessing(int files, long millis, String error) {
        processing = Processing.FAILED;
        processingRows = 0L;
        processingFiles = files;
        processingMillis = millis;
        processingError = errorText(error);
        leaseOwner = null;
        leaseExpires = null;
    }

    /** Whether {@code owner} holds this run's processing lease. */
    public boolean isLeasedTo(String owner) {
        return processing == Processing.RUNNING && owner.equals(leaseOwner);
    }

    public Long getId() {
        return id;
    }

    public String getRunKey() {
        return runKey;
    }

    public long getTenantId() {
        return tenantId;
    }

    public Long getUserId() {
        return userId;
    }

    public String getProjectName() {
        return projectName;
    }

    public String getJobName() {
        return jobName;
    }

    public String getStageName() {
        return stageName;
    }

    public String getTaskName() {
        return taskName;
    }

    public String getTeam() {
        return team;
    }

    public String getEnv() {
        return env;
    }

    public String getExternalRunId() {
        return externalRunId;
    }

    public String getHostHostname() {
        return hostHostname;
    }

    public String getMetadata() {
        return metadata;
    }

    public String getTags() {
        return tags;
    }

    public int getTagCount() {
        return tagCount;
    }

    public Status getStatus() {
        return status;
    }

    public Integer getExitCode() {
        return exitCode;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getHeartbeatAt() {
        return heartbeatAt;
    }

    public LocalDateTime getFinishedAt() {
        return finishedAt;
    }

    public String getUploadPrefix() {
        return uploadPrefix;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public String getDataUris() {
        return dataUris;
    }

    public Processing getProcessing() {
        return processing;
    }

    public Long getProcessingRows() {
        return processingRows;
    }

    public Integer getProcessingFiles() {
        return processingFiles;
    }

    public Long getProcessingMillis() {
        return processingMillis;
    }

    public String getProcessingError() {
        return processingError;
    }

    public String getSampleColumns() {
        return sampleColumns;
    }

    public String getStats() {
        return stats;
    }
}
