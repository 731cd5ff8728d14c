-- Version 12: PostgreSQL tunes page fill and autovacuum of metric_block here; H2 has neither setting. Kept so both
-- databases report the same schema version.
SELECT 1;
