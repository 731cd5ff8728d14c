/** Reads and writes of metrics: {@link org.monitorserver.persistence.metric.MetricQueries} and {@link org.monitorserver.persistence.metric.MetricIngest}. */
package org.monitorserver.persistence.metric;
