/**
 * Planner statistics the server keeps itself, because its databases run without autovacuum and a plan made for
 * an empty table can be a thousand times slower: {@link org.monitorserver.persistence.statistics.StatisticsKeeper}
 * checks every few seconds, through {@link org.monitorserver.persistence.statistics.TableStatistics}, which tables
 * grew by more than a tenth since their last {@code ANALYZE}, and analyzes them outside every writer's transaction.
 * Nothing here is on the path of a request.
 */
package org.monitorserver.persistence.statistics;
