-- Version 10: PostgreSQL tunes page fill and autovacuum of its counter tables here; H2 has neither setting.
-- Kept so both databases report the same schema version.
SELECT 1;
