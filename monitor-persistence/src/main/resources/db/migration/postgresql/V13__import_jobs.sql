-- Version 13: import jobs (POST /api/v1/imports). A job row per uploaded .pymon file, and its bytes in
-- import_upload until the job ends, so that any server sharing this database can run it. Ids come from a
-- sequence (not IDENTITY), one at a time: jobs are rare. Times are UTC. The claimable index is partial: only queued and running jobs are ever looked up by the runners.
CREATE SEQUENCE import_job_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE import_job (
    id            BIGINT        NOT NULL,
    tenant_id     BIGINT        NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    rows_read     BIGINT        NOT NULL DEFAULT 0,
    rows_stored   BIGINT        NOT NULL DEFAULT 0,
    rows_skipped  BIGINT        NOT NULL DEFAULT 0,
    error         VARCHAR(2048),
    created_at    TIMESTAMP     NOT NULL,
    started_at    TIMESTAMP,
    finished_at   TIMESTAMP,
    lease_owner   VARCHAR(128),
    lease_expires TIMESTAMP,
    CONSTRAINT import_job_pk PRIMARY KEY (id),
    CONSTRAINT import_job_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT import_job_state_ck CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
-- GET /api/v1/imports (newest first) and its count; the task-queue figures by state; the runners' claim scan.
CREATE INDEX import_job_tenant_idx ON import_job (tenant_id, id);
CREATE INDEX import_job_tenant_state_idx ON import_job (tenant_id, state);
CREATE INDEX import_job_claimable_idx ON import_job (state, lease_expires) WHERE state IN ('QUEUED', 'RUNNING');
CREATE TABLE import_upload (
    job_id  BIGINT NOT NULL,
    content BYTEA  NOT NULL,
    CONSTRAINT import_upload_pk PRIMARY KEY (job_id),
    CONSTRAINT import_upload_job_fk FOREIGN KEY (job_id) REFERENCES import_job (id) ON DELETE CASCADE
);
