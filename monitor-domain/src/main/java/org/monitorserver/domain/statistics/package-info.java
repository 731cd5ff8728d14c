/**
 * Planner statistics kept by the server: {@link org.monitorserver.domain.statistics.AnalyzeMark}, per table that
 * grows with writes, the row total it had at its last {@code ANALYZE} by a server, so that any server sharing the
 * database can tell when a table's statistics are stale and claim the next analysis. Nothing here runs
 * {@code ANALYZE}; that is {@code org.monitorserver.persistence.statistics}.
 */
package org.monitorserver.domain.statistics;
