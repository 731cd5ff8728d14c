-- Version 9: PostgreSQL drops its trigram indexes here; H2 never had them. Kept so both databases report the
-- same schema version.
SELECT 1;
