-- Version 16: node spans, for node usage (docs/admin-metrics.md). One row per (tenant, session, context) seen in
-- metrics: the earliest metric start and the latest metric end (item_start_time + total_time, total_time clamped
-- to [0, 365 days] as NodeSpan.metricEnd does), UTC. Metric ingestion widens the rows in the metrics' own
-- transaction; filled here from the metrics already stored. The end index serves the spans of given tenants
-- that overlap a time range (end after its start, start before its end, both read in the index); the start
-- index a tenant's earliest start (the first entry).
CREATE TABLE node_span (
    tenant_id BIGINT       NOT NULL,
    session_h VARCHAR(128) NOT NULL,
    context_h VARCHAR(128) NOT NULL,
    start_at  TIMESTAMP    NOT NULL,
    end_at    TIMESTAMP    NOT NULL,
    CONSTRAINT node_span_pk PRIMARY KEY (tenant_id, session_h, context_h),
    CONSTRAINT node_span_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
INSERT INTO node_span (tenant_id, session_h, context_h, start_at, end_at)
    SELECT tenant_id, session_h, context_h, MIN(item_start_time),
           MAX(item_start_time + GREATEST(0, LEAST(total_time, 31536000)) * INTERVAL '1 second')
    FROM metric GROUP BY tenant_id, session_h, context_h;
CREATE INDEX node_span_tenant_start_idx ON node_span (tenant_id, start_at);
CREATE INDEX node_span_tenant_end_idx ON node_span (tenant_id, end_at, start_at);
