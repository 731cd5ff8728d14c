package org.monitorserver.domain.metric;

import java.time.LocalDateTime;

/**
 * A stored metric as listings read it: a projection (JPQL {@code SELECT NEW}), not a managed entity, so a page
 * of 500 costs no entity building, change tracking or cache lookups. Its fields are the columns of
 * {@link Metric}, in the order of the API's metric document, with the id first for paging.
 */
public record MetricRow(long id, String sessionHash, String contextHash, LocalDateTime itemStartTime,
        String itemPath, String item, String itemVariant, String itemFsLocation, String kind, String component,
        double totalTime, double userTime, double kernelTime, double cpuUsage, double memUsage) {

    /**
     * The select list of a JPQL query over {@code Metric m} that builds this record: the one place that names
     * its constructor's arguments.
     */
    public static final String SELECT = "SELECT NEW org.monitorserver.domain.metric.MetricRow(m.id, m.sessionHash,"
            + " m.contextHash, m.itemStartTime, m.item.path, m.item.name, m.item.variant, m.item.fsLocation,"
            + " m.item.kind, m.item.component, m.usage.totalTime, m.usage.userTime, m.usage.kernelTime,"
            + " m.usage.cpuUsage, m.usage.memUsage)";
}
