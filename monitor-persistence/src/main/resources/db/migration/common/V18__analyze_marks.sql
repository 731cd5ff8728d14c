-- Version 18: the planner statistics the server keeps (StatisticsKeeper; the databases run without autovacuum).
-- One row per table that grows with writes: the tenant_row_count family it grows with, that family's total over
-- every tenant at the table's last ANALYZE by a server, when, and how many analyses the servers ran. A server
-- claims an analysis with a conditional UPDATE on `analyses`, so of several servers one analyzes a table per
-- crossing. A later table that grows with writes gets its row in the migration that creates it.
CREATE TABLE analyze_mark (
    table_name      VARCHAR(63) NOT NULL,
    family          VARCHAR(16) NOT NULL,
    rows_at_analyze BIGINT      NOT NULL,
    analyzed_at     TIMESTAMP,
    analyses        BIGINT      NOT NULL,
    CONSTRAINT analyze_mark_pk PRIMARY KEY (table_name),
    CONSTRAINT analyze_mark_family_ck CHECK (family IN ('METRIC', 'SESSION', 'CONTEXT'))
);
-- Never analyzed: on an upgrade, the first check analyzes every table that holds rows.
INSERT INTO analyze_mark (table_name, family, rows_at_analyze, analyzed_at, analyses) VALUES
    ('metric', 'METRIC', 0, NULL, 0),
    ('metric_tally', 'METRIC', 0, NULL, 0),
    ('metric_block', 'METRIC', 0, NULL, 0),
    ('node_span', 'METRIC', 0, NULL, 0),
    ('component', 'METRIC', 0, NULL, 0),
    ('test_session', 'SESSION', 0, NULL, 0),
    ('session_tag', 'SESSION', 0, NULL, 0),
    ('pipeline', 'SESSION', 0, NULL, 0),
    ('pipeline_build', 'SESSION', 0, NULL, 0),
    ('metric_rank', 'METRIC', 0, NULL, 0),
    ('execution_context', 'CONTEXT', 0, NULL, 0);
