package org.monitorserver.rest.metric;

import org.monitorserver.api.MetricJson;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.metric.MetricRow;

/** Turns stored metrics into their wire record. */
public final class MetricAssembler {

    private MetricAssembler() {
    }

    /** The wire form of {@code m}. */
    public static MetricJson toJson(Metric m) {
        var item = m.getItem();
        var usage = m.getUsage();
        return new MetricJson(m.getSessionHash(), m.getContextHash(), IsoDateTime.format(m.getItemStartTime()),
                item.getPath(), item.getName(), item.getVariant(), item.getFsLocation(), item.getKind(),
                item.getComponent(), usage.getTotalTime(), usage.getUserTime(), usage.getKernelTime(),
                usage.getCpuUsage(), usage.getMemUsage());
    }

    /** The wire form of a listed {@code row}. */
    public static MetricJson toJson(MetricRow row) {
        return new MetricJson(row.sessionHash(), row.contextHash(), IsoDateTime.format(row.itemStartTime()),
                row.itemPath(), row.item(), row.itemVariant(), row.itemFsLocation(), row.kind(), row.component(),
                row.totalTime(), row.userTime(), row.kernelTime(), row.cpuUsage(), row.memUsage());
    }
}
