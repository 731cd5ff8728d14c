-- Version 5: an item's or a variant's metrics within one component (/components/<c>/items/<i>/metrics and the
-- component-less forms) read their own range instead of filtering the component's or the item's rows.
-- Entries stay under PostgreSQL's B-tree limit (about 2,700 bytes) because components are limited to 256
-- bytes and items and variants to 2,048 (FieldLimits).
CREATE INDEX metric_component_item_idx ON metric (tenant_id, component, item, id);
CREATE INDEX metric_component_variant_idx ON metric (tenant_id, component, item_variant, id);
