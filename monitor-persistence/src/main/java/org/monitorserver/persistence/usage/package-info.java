/**
 * Admin metrics: node usage ({@link org.monitorserver.persistence.usage.NodeUsageQueries}, node-seconds summed over
 * the maintained {@link org.monitorserver.domain.usage.NodeSpan node spans}, never over metrics, with the interval
 * and bucket arithmetic in {@link org.monitorserver.persistence.usage.NodeSeconds}) and task queues
 * ({@link org.monitorserver.persistence.usage.TaskQueueQueries}, background jobs per tenant and state). The spans
 * themselves are written by metric ingestion ({@code MetricIngest}), not here. Who may see which tenant is decided
 * by the caller (monitor-rest), which passes the tenants in scope.
 */
package org.monitorserver.persistence.usage;
