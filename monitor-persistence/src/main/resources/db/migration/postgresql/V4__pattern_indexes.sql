-- PostgreSQL: prefix LIKE on SCM references needs text_pattern_ops under most collations, and substring LIKE
-- on item and variant names (items/like, variants/like) needs trigram indexes.
CREATE INDEX test_session_scm_prefix_idx ON test_session (tenant_id, scm_ref text_pattern_ops);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX metric_item_trgm_idx ON metric USING gin (item gin_trgm_ops);
CREATE INDEX metric_variant_trgm_idx ON metric USING gin (item_variant gin_trgm_ops);
