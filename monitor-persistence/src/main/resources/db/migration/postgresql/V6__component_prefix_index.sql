-- PostgreSQL: /components/<prefix> is a prefix LIKE on the component list, which the primary key cannot serve
-- under most collations; text_pattern_ops can.
CREATE INDEX component_name_prefix_idx ON component (tenant_id, name text_pattern_ops);
