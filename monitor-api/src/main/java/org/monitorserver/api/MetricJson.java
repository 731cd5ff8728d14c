package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One test item's resource use, as the API answers it: the 14 names of the API document. The server also takes
 * this shape as a submission ({@code POST /metrics/}), beside the aliases pytest-monitor sends.
 */
@Schema(name = "Metric", description = "One test item's resource use")
@JsonbPropertyOrder({"sessionH", "contextH", "itemStartTime", "itemPath", "item", "itemVariant", "itemFsLoc",
        "kind", "component", "totalTime", "userTime", "kernelTime", "cpuUsage", "memUsage"})
public record MetricJson(
        @JsonbProperty("session_h") String sessionH,
        @JsonbProperty("context_h") String contextH,
        @JsonbProperty("item_start_time") @Schema(description = "ISO 8601, naive") String itemStartTime,
        @JsonbProperty("item_path") String itemPath,
        @JsonbProperty("item") String item,
        @JsonbProperty("item_variant") String itemVariant,
        @JsonbProperty("item_fs_loc") String itemFsLoc,
        @JsonbProperty("kind") String kind,
        @JsonbProperty("component") @Schema(description = "Empty when the test has none") String component,
        @JsonbProperty("total_time") @Schema(description = "seconds") double totalTime,
        @JsonbProperty("user_time") @Schema(description = "seconds") double userTime,
        @JsonbProperty("kernel_time") @Schema(description = "seconds") double kernelTime,
        @JsonbProperty("cpu_usage") double cpuUsage,
        @JsonbProperty("mem_usage") @Schema(description = "MB") double memUsage) {
}
