-- Prefix lookups by hash (GET /contexts/<prefix>, /sessions/<prefix>): under most collations a plain B-tree
-- cannot serve LIKE 'abc%', text_pattern_ops can.
CREATE INDEX execution_context_hash_prefix_idx ON execution_context (tenant_id, context_h text_pattern_ops);
CREATE INDEX test_session_hash_prefix_idx ON test_session (tenant_id, session_h text_pattern_ops);
