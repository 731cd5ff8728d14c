-- Version 8: metric tallies, so that the size of a large group (a context, a component, a scope, an item, a
-- variant; a substring of items or variants) is a sum over a few rows instead of a count over millions. Metric
-- ingestion adds to them in the same transaction; filled here from the metrics already stored (shard 0).
CREATE TABLE metric_tally (
    tenant_id BIGINT        NOT NULL,
    dimension VARCHAR(16)   NOT NULL,
    group_key VARCHAR(2048) NOT NULL,
    shard     INTEGER       NOT NULL,
    row_total BIGINT        NOT NULL,
    CONSTRAINT metric_tally_pk PRIMARY KEY (tenant_id, dimension, group_key, shard),
    CONSTRAINT metric_tally_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
INSERT INTO metric_tally (tenant_id, dimension, group_key, shard, row_total)
    SELECT tenant_id, 'CONTEXT', context_h, 0, COUNT(*) FROM metric GROUP BY tenant_id, context_h;
INSERT INTO metric_tally (tenant_id, dimension, group_key, shard, row_total)
    SELECT tenant_id, 'COMPONENT', component, 0, COUNT(*) FROM metric GROUP BY tenant_id, component;
INSERT INTO metric_tally (tenant_id, dimension, group_key, shard, row_total)
    SELECT tenant_id, 'KIND', kind, 0, COUNT(*) FROM metric GROUP BY tenant_id, kind;
INSERT INTO metric_tally (tenant_id, dimension, group_key, shard, row_total)
    SELECT tenant_id, 'ITEM', item, 0, COUNT(*) FROM metric GROUP BY tenant_id, item;
INSERT INTO metric_tally (tenant_id, dimension, group_key, shard, row_total)
    SELECT tenant_id, 'VARIANT', item_variant, 0, COUNT(*) FROM metric GROUP BY tenant_id, item_variant;
