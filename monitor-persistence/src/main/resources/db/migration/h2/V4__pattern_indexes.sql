-- H2: a B-tree serves prefix LIKE (binary collation); substring LIKE has no index type here, so the embedded
-- database scans item and variant names for items/like and variants/like.
CREATE INDEX test_session_scm_prefix_idx ON test_session (tenant_id, scm_ref);
