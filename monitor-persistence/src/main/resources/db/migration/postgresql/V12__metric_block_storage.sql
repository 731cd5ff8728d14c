-- Version 12: the newest rows of metric_block are rewritten by every metric write, as those of metric_tally
-- (version 10): free space for in-place (HOT) updates, and vacuum after every thousand dead rows.
ALTER TABLE metric_block SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
