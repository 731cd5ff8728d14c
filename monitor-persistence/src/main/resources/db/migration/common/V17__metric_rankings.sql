-- Version 17: maintained rankings (MetricRank, docs/indexes.md). For each tenant, resource and end (head: most
-- first, tail: least first), the 500 metrics the API can rank over all metrics, per component and per pipeline;
-- sort_key is the value for a tail and its negation for a head, so a list reads ascending, ties by id. Filled here
-- from the metrics stored; metric ingestion keeps them from now on. They replace the ten resource indexes of V3,
-- which every insert had to update and which cost three quarters of the insert time.
CREATE TABLE metric_rank (
    tenant_id BIGINT           NOT NULL,
    resource  VARCHAR(16)      NOT NULL,
    head      BOOLEAN          NOT NULL,
    scope     VARCHAR(16)      NOT NULL,
    scope_key VARCHAR(2048)    NOT NULL,
    sort_key  DOUBLE PRECISION NOT NULL,
    metric_id BIGINT           NOT NULL,
    CONSTRAINT metric_rank_pk PRIMARY KEY (tenant_id, resource, head, scope, scope_key, sort_key, metric_id),
    CONSTRAINT metric_rank_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
-- Every list at once: each metric in each of its scopes (all, its component, its session's pipeline), for each
-- resource and end, numbered within its list.
INSERT INTO metric_rank (tenant_id, resource, head, scope, scope_key, sort_key, metric_id)
    SELECT tenant_id, resource, head, scope, scope_key, sort_key, id FROM (
        SELECT e.tenant_id, e.resource, e.head, e.scope, e.scope_key, e.id,
               CASE WHEN e.head THEN 0.0 - e.used ELSE e.used + 0.0 END AS sort_key,
               ROW_NUMBER() OVER (PARTITION BY e.tenant_id, e.resource, e.head, e.scope, e.scope_key
                                  ORDER BY CASE WHEN e.head THEN 0.0 - e.used ELSE e.used + 0.0 END, e.id) AS place
        FROM (SELECT c.tenant_id, r.resource, r.head, c.scope, c.scope_key, c.id,
                     CASE r.resource WHEN 'MEMORY' THEN c.mem_usage WHEN 'CPU' THEN c.cpu_usage
                         WHEN 'KERNEL_TIME' THEN c.kernel_time WHEN 'USER_TIME' THEN c.user_time
                         ELSE c.total_time END AS used
              FROM (SELECT tenant_id, 'ALL' AS scope, '' AS scope_key, id, total_time, user_time, kernel_time,
                           cpu_usage, mem_usage FROM metric
                    UNION ALL SELECT tenant_id, 'COMPONENT', component, id, total_time, user_time, kernel_time,
                           cpu_usage, mem_usage FROM metric
                    UNION ALL SELECT m.tenant_id, 'PIPELINE', s.pipeline, m.id, m.total_time, m.user_time,
                           m.kernel_time, m.cpu_usage, m.mem_usage FROM metric m
                        JOIN test_session s ON s.tenant_id = m.tenant_id AND s.session_h = m.session_h
                        WHERE s.pipeline IS NOT NULL) c
              CROSS JOIN (VALUES ('MEMORY', TRUE), ('MEMORY', FALSE), ('CPU', TRUE), ('CPU', FALSE),
                                 ('KERNEL_TIME', TRUE), ('KERNEL_TIME', FALSE), ('USER_TIME', TRUE),
                                 ('USER_TIME', FALSE), ('TOTAL_TIME', TRUE), ('TOTAL_TIME', FALSE))
                  AS r (resource, head)) e) ranked
    WHERE place <= 500;

DROP INDEX metric_total_time_idx;
DROP INDEX metric_user_time_idx;
DROP INDEX metric_kernel_time_idx;
DROP INDEX metric_cpu_usage_idx;
DROP INDEX metric_mem_usage_idx;
DROP INDEX metric_component_total_time_idx;
DROP INDEX metric_component_user_time_idx;
DROP INDEX metric_component_kernel_time_idx;
DROP INDEX metric_component_cpu_usage_idx;
DROP INDEX metric_component_mem_usage_idx;
