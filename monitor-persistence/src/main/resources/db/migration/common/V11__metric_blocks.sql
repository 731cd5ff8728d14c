-- Version 11: metrics per block of 8,192 ids for the largest listings (all of a tenant's metrics, a context's,
-- a component's, a scope's), so that a deep page starts reading at the block that holds its first row instead of
-- skipping every row before it. Metric ingestion adds to them in the same transaction; filled here from the
-- metrics already stored (shard 0).
CREATE TABLE metric_block (
    tenant_id BIGINT        NOT NULL,
    listing   VARCHAR(16)   NOT NULL,
    group_key VARCHAR(2048) NOT NULL,
    block     BIGINT        NOT NULL,
    shard     INTEGER       NOT NULL,
    row_total BIGINT        NOT NULL,
    CONSTRAINT metric_block_pk PRIMARY KEY (tenant_id, listing, group_key, block, shard),
    CONSTRAINT metric_block_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
INSERT INTO metric_block (tenant_id, listing, group_key, block, shard, row_total)
    SELECT tenant_id, 'ALL', '', id / 8192, 0, COUNT(*) FROM metric GROUP BY tenant_id, id / 8192;
INSERT INTO metric_block (tenant_id, listing, group_key, block, shard, row_total)
    SELECT tenant_id, 'CONTEXT', context_h, id / 8192, 0, COUNT(*) FROM metric GROUP BY tenant_id, context_h, id / 8192;
INSERT INTO metric_block (tenant_id, listing, group_key, block, shard, row_total)
    SELECT tenant_id, 'COMPONENT', component, id / 8192, 0, COUNT(*) FROM metric GROUP BY tenant_id, component, id / 8192;
INSERT INTO metric_block (tenant_id, listing, group_key, block, shard, row_total)
    SELECT tenant_id, 'KIND', kind, id / 8192, 0, COUNT(*) FROM metric GROUP BY tenant_id, kind, id / 8192;
