-- H2 serves LIKE 'abc%' from the unique keys of V1 (binary collation), so prefix lookups need no extra index.
-- This version exists so that both databases share one version history.
SELECT 1;
