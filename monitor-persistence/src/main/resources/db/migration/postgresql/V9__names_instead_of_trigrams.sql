-- Version 9: items/like and variants/like find the matching names in metric_tally (one row per item or
-- variant name) and list their metrics through metric_item_idx and metric_variant_idx. The trigram indexes on
-- every metric are no longer read, and they were the costliest to maintain on insert.
DROP INDEX metric_item_trgm_idx;
DROP INDEX metric_variant_trgm_idx;
