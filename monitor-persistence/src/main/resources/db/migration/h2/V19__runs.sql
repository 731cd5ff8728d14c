-- Version 19: runs of Spare Cores' resource-tracker (the Sentinel run API, docs/runs.md). A run row per
-- registration: the filterable metadata in columns, everything the client sent (unknown keys included) as JSON
-- text, its state, its finish and the statistics computed then. A run finished through the object store is also
-- a background job (processing QUEUED, then RUNNING under a lease like import_job), counted by the task-queue
-- figures. Its samples are typed rows of run_sample, one per CSV row in order (seq), the tracker's known columns
-- as numbers (NULL for an empty cell) and the unknown ones as a JSON object in extra. Times are UTC. H2 has no partial indexes: the claimable index covers every run.
CREATE SEQUENCE run_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE run (
    id               BIGINT        NOT NULL,
    run_key          VARCHAR(40)   NOT NULL,
    tenant_id        BIGINT        NOT NULL,
    user_id          BIGINT,
    project_name     VARCHAR(512),
    job_name         VARCHAR(512),
    stage_name       VARCHAR(512),
    task_name        VARCHAR(512),
    team             VARCHAR(512),
    env              VARCHAR(512),
    external_run_id  VARCHAR(512),
    host_hostname    VARCHAR(512),
    metadata         VARCHAR(1048576) NOT NULL,
    tags             VARCHAR(1048576) NOT NULL,
    tag_count        INTEGER       NOT NULL,
    run_status       VARCHAR(16)   NOT NULL,
    exit_code        INTEGER,
    created_at       TIMESTAMP     NOT NULL,
    heartbeat_at     TIMESTAMP     NOT NULL,
    finished_at      TIMESTAMP,
    upload_prefix    VARCHAR(1024) NOT NULL,
    data_source      VARCHAR(8),
    data_uris        VARCHAR(1048576),
    processing       VARCHAR(16),
    processing_rows  BIGINT,
    processing_files INTEGER,
    processing_ms    BIGINT,
    processing_error VARCHAR(2048),
    sample_columns   VARCHAR(1048576),
    stats            VARCHAR(1048576),
    lease_owner      VARCHAR(128),
    lease_expires    TIMESTAMP,
    CONSTRAINT run_pk PRIMARY KEY (id),
    CONSTRAINT run_key_uq UNIQUE (run_key),
    CONSTRAINT run_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT run_status_ck CHECK (run_status IN ('RUNNING', 'FINISHED', 'FAILED')),
    CONSTRAINT run_processing_ck CHECK (processing IN ('QUEUED', 'RUNNING', 'OK', 'FAILED'))
);
-- GET /api/v1/runs, newest first, one index per filter (each led by the tenant, then the time order); the
-- task-queue figures by processing state; the runners' claim scan.
CREATE INDEX run_tenant_created_idx ON run (tenant_id, created_at, id);
CREATE INDEX run_tenant_project_idx ON run (tenant_id, project_name, created_at, id);
CREATE INDEX run_tenant_job_idx ON run (tenant_id, job_name, created_at, id);
CREATE INDEX run_tenant_stage_idx ON run (tenant_id, stage_name, created_at, id);
CREATE INDEX run_tenant_team_idx ON run (tenant_id, team, created_at, id);
CREATE INDEX run_tenant_status_idx ON run (tenant_id, run_status, created_at, id);
CREATE INDEX run_tenant_processing_idx ON run (tenant_id, processing);
CREATE INDEX run_claimable_idx ON run (processing, lease_expires);
CREATE TABLE run_sample (
    run_id                      BIGINT        NOT NULL,
    seq                         INTEGER       NOT NULL,
    ts                          DOUBLE PRECISION,
    system_processes            DOUBLE PRECISION,
    system_utime                DOUBLE PRECISION,
    system_stime                DOUBLE PRECISION,
    system_cpu_usage            DOUBLE PRECISION,
    system_memory_free_mib      DOUBLE PRECISION,
    system_memory_used_mib      DOUBLE PRECISION,
    system_memory_buffers_mib   DOUBLE PRECISION,
    system_memory_cached_mib    DOUBLE PRECISION,
    system_memory_active_mib    DOUBLE PRECISION,
    system_memory_inactive_mib  DOUBLE PRECISION,
    system_disk_read_bytes      DOUBLE PRECISION,
    system_disk_write_bytes     DOUBLE PRECISION,
    system_disk_space_total_gb  DOUBLE PRECISION,
    system_disk_space_used_gb   DOUBLE PRECISION,
    system_disk_space_free_gb   DOUBLE PRECISION,
    system_net_recv_bytes       DOUBLE PRECISION,
    system_net_sent_bytes       DOUBLE PRECISION,
    system_gpu_usage            DOUBLE PRECISION,
    system_gpu_vram_mib         DOUBLE PRECISION,
    system_gpu_utilized         DOUBLE PRECISION,
    process_pid                 DOUBLE PRECISION,
    process_children            DOUBLE PRECISION,
    process_utime               DOUBLE PRECISION,
    process_stime               DOUBLE PRECISION,
    process_cpu_usage           DOUBLE PRECISION,
    process_memory_mib          DOUBLE PRECISION,
    process_disk_read_bytes     DOUBLE PRECISION,
    process_disk_write_bytes    DOUBLE PRECISION,
    process_gpu_usage           DOUBLE PRECISION,
    process_gpu_vram_mib        DOUBLE PRECISION,
    process_gpu_utilized        DOUBLE PRECISION,
    extra                       VARCHAR(1048576),
    CONSTRAINT run_sample_pk PRIMARY KEY (run_id, seq),
    CONSTRAINT run_sample_run_fk FOREIGN KEY (run_id) REFERENCES run (id) ON DELETE CASCADE
);
