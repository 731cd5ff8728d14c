package org.monitorserver.rest.context;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.monitorserver.domain.context.ExecutionContext;

/**
 * A context as the API answers it: the API document's names, plus {@code context_h} (equal to {@code h}),
 * which the reference query client reads.
 */
@JsonbPropertyOrder({"h", "contextH", "cpuCount", "cpuFrequency", "cpuType", "cpuVendor", "ramTotal",
        "machineNode", "machineType", "machineArch", "systemInfo", "pythonInfo"})
public record ContextJson(
        @JsonbProperty("h") String h,
        @JsonbProperty("context_h") String contextH,
        @JsonbProperty("cpu_count") int cpuCount,
        @JsonbProperty("cpu_frequency") double cpuFrequency,
        @JsonbProperty("cpu_type") String cpuType,
        @JsonbProperty("cpu_vendor") @JsonbNillable String cpuVendor,
        @JsonbProperty("ram_total") long ramTotal,
        @JsonbProperty("machine_node") String machineNode,
        @JsonbProperty("machine_type") String machineType,
        @JsonbProperty("machine_arch") String machineArch,
        @JsonbProperty("system_info") String systemInfo,
        @JsonbProperty("python_info") String pythonInfo) {

    public static ContextJson from(ExecutionContext c) {
        return new ContextJson(c.getHash(), c.getHash(), c.getCpuCount(), c.getCpuFrequency(), c.getCpuType(),
                c.getCpuVendor(), c.getRamTotal(), c.getMachineNode(), c.getMachineType(), c.getMachineArch(),
                c.getSystemInfo(), c.getPythonInfo());
    }

    /** The shape of a page of contexts, for the OpenAPI document ({@code Pages} renders it). */
    @Schema(name = "ContextPage")
    public record Page(
            List<ContextJson> contexts,
            @JsonbProperty("total_page") int totalPage,
            @JsonbProperty("prev_url") String prevUrl,
            @JsonbProperty("next_url") String nextUrl) {
    }
}
