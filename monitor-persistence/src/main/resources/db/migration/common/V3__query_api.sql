-- Version 3: what the query API (every GET route) needs: pipeline and build columns on sessions, the
-- maintained component list and row counts, and an index for every filter and sort of the listings.

-- Sessions keep their CI pipeline and build (tags pipeline_branch and pipeline_build_no) as indexed columns.
ALTER TABLE test_session ADD COLUMN pipeline VARCHAR(256);
ALTER TABLE test_session ADD COLUMN build VARCHAR(256);
UPDATE test_session SET pipeline = (SELECT SUBSTRING(t.tag_value, 1, 256) FROM session_tag t
    WHERE t.session_id = test_session.id AND t.tag_key = 'pipeline_branch' AND t.tag_value <> '');
UPDATE test_session SET build = (SELECT SUBSTRING(t.tag_value, 1, 256) FROM session_tag t
    WHERE t.session_id = test_session.id AND t.tag_key = 'pipeline_build_no' AND t.tag_value <> '');

-- Components named by at least one metric, maintained by metric ingestion.
CREATE TABLE component (
    tenant_id BIGINT       NOT NULL,
    name      VARCHAR(512) NOT NULL,
    CONSTRAINT component_pk PRIMARY KEY (tenant_id, name),
    CONSTRAINT component_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
INSERT INTO component (tenant_id, name) SELECT DISTINCT tenant_id, component FROM metric WHERE component <> '';

-- Row counts per tenant and family in 16 shards (RowCount.SHARDS): writers add to a random shard.
CREATE TABLE tenant_row_count (
    tenant_id BIGINT      NOT NULL,
    family    VARCHAR(16) NOT NULL,
    shard     INTEGER     NOT NULL,
    row_total BIGINT      NOT NULL,
    CONSTRAINT row_count_pk PRIMARY KEY (tenant_id, family, shard),
    CONSTRAINT row_count_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
INSERT INTO tenant_row_count (tenant_id, family, shard, row_total)
    SELECT t.id, f.family, s.shard, 0
    FROM tenant t,
         (SELECT 'METRIC' AS family UNION ALL SELECT 'SESSION' UNION ALL SELECT 'CONTEXT') f,
         (SELECT 0 AS shard UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
          UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
          UNION ALL SELECT 10 UNION ALL SELECT 11 UNION ALL SELECT 12 UNION ALL SELECT 13 UNION ALL SELECT 14
          UNION ALL SELECT 15) s;
UPDATE tenant_row_count SET row_total = (SELECT COUNT(*) FROM metric m WHERE m.tenant_id = tenant_row_count.tenant_id)
    WHERE family = 'METRIC' AND shard = 0;
UPDATE tenant_row_count SET row_total = (SELECT COUNT(*) FROM test_session s WHERE s.tenant_id = tenant_row_count.tenant_id)
    WHERE family = 'SESSION' AND shard = 0;
UPDATE tenant_row_count SET row_total = (SELECT COUNT(*) FROM execution_context c WHERE c.tenant_id = tenant_row_count.tenant_id)
    WHERE family = 'CONTEXT' AND shard = 0;

-- Listings in arrival order, per tenant.
CREATE INDEX execution_context_tenant_idx ON execution_context (tenant_id, id);
CREATE INDEX test_session_tenant_idx ON test_session (tenant_id, id);
CREATE INDEX metric_tenant_idx ON metric (tenant_id, id);

-- Sessions by pipeline and build; metrics of a session with a given component (per-component pipelines).
CREATE INDEX test_session_build_idx ON test_session (tenant_id, pipeline, build, id);
CREATE INDEX metric_session_component_idx ON metric (tenant_id, session_h, component);

-- Metric filters, each ending in id so that a page is read in order from the index.
CREATE INDEX metric_kind_idx ON metric (tenant_id, kind, id);
CREATE INDEX metric_item_idx ON metric (tenant_id, item, id);
CREATE INDEX metric_variant_idx ON metric (tenant_id, item_variant, id);
CREATE INDEX metric_component_idx ON metric (tenant_id, component, id);

-- Highest and lowest resource use, overall and per component (ties are sorted by id on top of the index).
CREATE INDEX metric_total_time_idx ON metric (tenant_id, total_time);
CREATE INDEX metric_user_time_idx ON metric (tenant_id, user_time);
CREATE INDEX metric_kernel_time_idx ON metric (tenant_id, kernel_time);
CREATE INDEX metric_cpu_usage_idx ON metric (tenant_id, cpu_usage);
CREATE INDEX metric_mem_usage_idx ON metric (tenant_id, mem_usage);
CREATE INDEX metric_component_total_time_idx ON metric (tenant_id, component, total_time);
CREATE INDEX metric_component_user_time_idx ON metric (tenant_id, component, user_time);
CREATE INDEX metric_component_kernel_time_idx ON metric (tenant_id, component, kernel_time);
CREATE INDEX metric_component_cpu_usage_idx ON metric (tenant_id, component, cpu_usage);
CREATE INDEX metric_component_mem_usage_idx ON metric (tenant_id, component, mem_usage);
