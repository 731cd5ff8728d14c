package org.monitorserver.rest.metric;

import org.monitorserver.api.MetricJson;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.metric.Metric;

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
}
