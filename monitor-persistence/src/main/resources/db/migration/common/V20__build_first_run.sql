-- Version 20: each build's earliest session run_date, kept on its pipeline_build row (the least run_date of the
-- build's sessions, lowered by session ingestion when an earlier one arrives). Comparisons and histories order a
-- pipeline's builds by it (docs/verdicts.md), so that build names need not sort; the index serves "the builds of
-- this pipeline before that one, newest first". Filled here from the sessions already stored.
ALTER TABLE pipeline_build ADD COLUMN first_run_date TIMESTAMP;
UPDATE pipeline_build SET first_run_date = (SELECT MIN(s.run_date) FROM test_session s
    WHERE s.tenant_id = pipeline_build.tenant_id AND s.pipeline = pipeline_build.pipeline
      AND s.build = pipeline_build.build);
ALTER TABLE pipeline_build ALTER COLUMN first_run_date SET NOT NULL;
CREATE INDEX pipeline_build_first_run_idx ON pipeline_build (tenant_id, pipeline, first_run_date, build);

-- Per-component thresholds of the comparison (PUT /api/v1/admin/thresholds/<component>): a change smaller than
-- this many percent never counts for the component's tests. Absent: the server's setting.
CREATE TABLE component_threshold (
    tenant_id         BIGINT           NOT NULL,
    component         VARCHAR(256)     NOT NULL,
    threshold_percent DOUBLE PRECISION NOT NULL,
    CONSTRAINT component_threshold_pk PRIMARY KEY (tenant_id, component),
    CONSTRAINT component_threshold_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT component_threshold_range_ck CHECK (threshold_percent >= 0 AND threshold_percent <= 1000)
);
