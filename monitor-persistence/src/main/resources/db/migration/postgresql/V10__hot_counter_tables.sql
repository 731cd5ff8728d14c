-- Version 10: the maintained figures (tenant_row_count, metric_tally) are updated by every write, so their rows
-- are rewritten thousands of times a second. Free space in each page lets PostgreSQL update them in place (HOT
-- updates, no index change), and vacuuming after every thousand dead rows instead of a share of the table keeps
-- them from swelling: a count then reads a few pages, not thousands of dead row versions.
ALTER TABLE tenant_row_count SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
ALTER TABLE metric_tally SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
