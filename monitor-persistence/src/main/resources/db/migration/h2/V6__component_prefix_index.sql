-- H2 serves the prefix LIKE on component names from the primary key (binary collation). This version exists
-- so that both databases share one version history.
SELECT 1;
