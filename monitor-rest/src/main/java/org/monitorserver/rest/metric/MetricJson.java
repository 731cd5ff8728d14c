package org.monitorserver.rest.metric;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.IsoDateTime;

/** A metric as the API answers it: the 14 names of the API document. */
@JsonbPropertyOrder({"sessionH", "contextH", "itemStartTime", "itemPath", "item", "itemVariant", "itemFsLoc",
        "kind", "component", "totalTime", "userTime", "kernelTime", "cpuUsage", "memUsage"})
public record MetricJson(
        @JsonbProperty("session_h") String sessionH,
        @JsonbProperty("context_h") String contextH,
        @JsonbProperty("item_start_time") String itemStartTime,
        @JsonbProperty("item_path") String itemPath,
        @JsonbProperty("item") String item,
        @JsonbProperty("item_variant") String itemVariant,
        @JsonbProperty("item_fs_loc") String itemFsLoc,
        @JsonbProperty("kind") String kind,
        @JsonbProperty("component") String component,
        @JsonbProperty("total_time") double totalTime,
        @JsonbProperty("user_time") double userTime,
        @JsonbProperty("kernel_time") double kernelTime,
        @JsonbProperty("cpu_usage") double cpuUsage,
        @JsonbProperty("mem_usage") double memUsage) {

    public static MetricJson from(Metric m) {
        var item = m.getItem();
        var usage = m.getUsage();
        return new MetricJson(m.getSessionHash(), m.getContextHash(), IsoDateTime.format(m.getItemStartTime()),
                item.getPath(), item.getName(), item.getVariant(), item.getFsLocation(), item.getKind(),
                item.getComponent(), usage.getTotalTime(), usage.getUserTime(), usage.getKernelTime(),
                usage.getCpuUsage(), usage.getMemUsage());
    }

    /** The shape of a page of metrics, for the OpenAPI document ({@code Pages} renders it). */
    @Schema(name = "MetricPage")
    public record Page(
            List<MetricJson> metrics,
            @JsonbProperty("total_page") int totalPage,
            @JsonbProperty("prev_url") String prevUrl,
            @JsonbProperty("next_url") String nextUrl) {
    }
}
