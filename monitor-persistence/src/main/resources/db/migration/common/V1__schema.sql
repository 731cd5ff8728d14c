-- Monitor Server schema, version 1: tenants, execution contexts, sessions with tags, metrics.
-- Column sizes match org.monitorserver.domain.FieldLimits. Every row belongs to a tenant; natural keys are
-- (tenant, hash). Metrics name their session and context by hash without a foreign key, because clients may
-- post a metric before its session or context.

CREATE TABLE tenant (
    id   BIGINT       NOT NULL,
    name VARCHAR(128) NOT NULL,
    CONSTRAINT tenant_pk PRIMARY KEY (id),
    CONSTRAINT tenant_name_uk UNIQUE (name)
);
INSERT INTO tenant (id, name) VALUES (1, 'default');

-- Increments match the entities' allocationSize: EclipseLink hands out ids in blocks without a round trip.
-- It reads each value as the end of its block, so a sequence starts at its increment (the block 1..50).
CREATE SEQUENCE context_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE session_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE metric_seq START WITH 100 INCREMENT BY 100;

CREATE TABLE execution_context (
    id            BIGINT           NOT NULL,
    tenant_id     BIGINT           NOT NULL,
    context_h     VARCHAR(128)     NOT NULL,
    cpu_count     INTEGER          NOT NULL,
    cpu_frequency DOUBLE PRECISION NOT NULL,
    cpu_type      VARCHAR(64)      NOT NULL,
    cpu_vendor    VARCHAR(256),
    ram_total     BIGINT           NOT NULL,
    machine_node  VARCHAR(512)     NOT NULL,
    machine_type  VARCHAR(64)      NOT NULL,
    machine_arch  VARCHAR(64)      NOT NULL,
    system_info   VARCHAR(256)     NOT NULL,
    python_info   VARCHAR(512)     NOT NULL,
    CONSTRAINT execution_context_pk PRIMARY KEY (id),
    CONSTRAINT execution_context_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    -- Also serves exact lookups and, on H2, prefix lookups by hash.
    CONSTRAINT execution_context_hash_uk UNIQUE (tenant_id, context_h)
);

CREATE TABLE test_session (
    id        BIGINT       NOT NULL,
    tenant_id BIGINT       NOT NULL,
    session_h VARCHAR(128) NOT NULL,
    run_date  TIMESTAMP    NOT NULL,
    scm_ref   VARCHAR(128),
    CONSTRAINT test_session_pk PRIMARY KEY (id),
    CONSTRAINT test_session_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT test_session_hash_uk UNIQUE (tenant_id, session_h)
);

CREATE TABLE session_tag (
    session_id BIGINT        NOT NULL,
    position   INTEGER       NOT NULL,
    tag_key    VARCHAR(256)  NOT NULL,
    tag_value  VARCHAR(1024),
    CONSTRAINT session_tag_pk PRIMARY KEY (session_id, position),
    CONSTRAINT session_tag_session_fk FOREIGN KEY (session_id) REFERENCES test_session (id) ON DELETE CASCADE,
    CONSTRAINT session_tag_key_uk UNIQUE (session_id, tag_key)
);

CREATE TABLE metric (
    id              BIGINT           NOT NULL,
    tenant_id       BIGINT           NOT NULL,
    session_h       VARCHAR(128)     NOT NULL,
    context_h       VARCHAR(128)     NOT NULL,
    item_start_time TIMESTAMP        NOT NULL,
    item_path       VARCHAR(4096)    NOT NULL,
    item            VARCHAR(2048)    NOT NULL,
    item_variant    VARCHAR(2048)    NOT NULL,
    item_fs_loc     VARCHAR(2048)    NOT NULL,
    kind            VARCHAR(64)      NOT NULL,
    component       VARCHAR(512)     NOT NULL,
    total_time      DOUBLE PRECISION NOT NULL,
    user_time       DOUBLE PRECISION NOT NULL,
    kernel_time     DOUBLE PRECISION NOT NULL,
    cpu_usage       DOUBLE PRECISION NOT NULL,
    mem_usage       DOUBLE PRECISION NOT NULL,
    CONSTRAINT metric_pk PRIMARY KEY (id),
    CONSTRAINT metric_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
-- A session's and a context's metrics, in arrival order; the leading tenant_id also serves the tenant count.
CREATE INDEX metric_session_idx ON metric (tenant_id, session_h, id);
CREATE INDEX metric_context_idx ON metric (tenant_id, context_h, id);
