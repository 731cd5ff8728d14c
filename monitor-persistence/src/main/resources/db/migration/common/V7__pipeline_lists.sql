-- Version 7: pipelines and builds as maintained lists, so that /pipelines and /pipelines/<p>/builds read one
-- row per pipeline or build instead of every session. Session ingestion adds to them; filled here from the
-- sessions already stored.
CREATE TABLE pipeline (
    tenant_id BIGINT       NOT NULL,
    name      VARCHAR(256) NOT NULL,
    CONSTRAINT pipeline_pk PRIMARY KEY (tenant_id, name),
    CONSTRAINT pipeline_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
INSERT INTO pipeline (tenant_id, name)
    SELECT DISTINCT tenant_id, pipeline FROM test_session WHERE pipeline IS NOT NULL;

CREATE TABLE pipeline_build (
    tenant_id BIGINT       NOT NULL,
    pipeline  VARCHAR(256) NOT NULL,
    build     VARCHAR(256) NOT NULL,
    CONSTRAINT pipeline_build_pk PRIMARY KEY (tenant_id, pipeline, build),
    CONSTRAINT pipeline_build_pipeline_fk FOREIGN KEY (tenant_id, pipeline) REFERENCES pipeline (tenant_id, name)
);
INSERT INTO pipeline_build (tenant_id, pipeline, build)
    SELECT DISTINCT tenant_id, pipeline, build FROM test_session WHERE pipeline IS NOT NULL AND build IS NOT NULL;
