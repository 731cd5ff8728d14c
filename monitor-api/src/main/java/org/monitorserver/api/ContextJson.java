package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An execution context (the machine a session ran on) as the API answers it: the API document's names, plus
 * {@code context_h} (equal to {@code h}), which the reference query client reads.
 */
@Schema(name = "Context", description = "An execution context; h and context_h are equal")
@JsonbPropertyOrder({"h", "contextH", "cpuCount", "cpuFrequency", "cpuType", "cpuVendor", "ramTotal",
        "machineNode", "machineType", "machineArch", "systemInfo", "pythonInfo"})
public record ContextJson(
        @JsonbProperty("h") String h,
        @JsonbProperty("context_h") String contextH,
        @JsonbProperty("cpu_count") int cpuCount,
        @JsonbProperty("cpu_frequency") @Schema(description = "MHz") double cpuFrequency,
        @JsonbProperty("cpu_type") String cpuType,
        @JsonbProperty("cpu_vendor") @JsonbNillable @Schema(nullable = true) String cpuVendor,
        @JsonbProperty("ram_total") @Schema(description = "MB") long ramTotal,
        @JsonbProperty("machine_node") String machineNode,
        @JsonbProperty("machine_type") String machineType,
        @JsonbProperty("machine_arch") String machineArch,
        @JsonbProperty("system_info") String systemInfo,
        @JsonbProperty("python_info") String pythonInfo) {
}
