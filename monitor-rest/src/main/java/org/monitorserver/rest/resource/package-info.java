/**
 * The {@code /api/v1/resources} routes: the metrics that use the most ({@code head}) or the least ({@code tail})
 * of one resource, over all metrics or within a component, pipeline or build. Path parameters are read and
 * checked in {@link org.monitorserver.rest.resource.RankingParams}; the ranking itself is
 * {@code ResourceQueries} in monitor-persistence, and nothing here builds a query.
 */
package org.monitorserver.rest.resource;
