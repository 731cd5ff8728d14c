/**
 * Maintained row counts: the totals behind {@code /metrics/count}, {@code /sessions/count} and
 * {@code /contexts/count} and the size of the unfiltered listings, kept in the database so that every
 * instance sharing it answers the same, and split into shards so that concurrent writers do not queue on one row.
 * {@link org.monitorserver.domain.count.MetricTally} sizes groups of metrics; {@link
 * org.monitorserver.domain.count.MetricBlock} places the rows of the largest listings by id block, for deep pages.
 */
package org.monitorserver.domain.count;
