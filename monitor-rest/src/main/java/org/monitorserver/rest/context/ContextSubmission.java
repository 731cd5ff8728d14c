package org.monitorserver.rest.context;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.monitorserver.domain.FieldLimits;
import org.monitorserver.domain.context.ExecutionContext;
import org.monitorserver.rest.JsonFields;

/**
 * A posted context, in pytest-monitor's field names; the API document's spellings ({@code cpu_freq},
 * {@code mac_node}, {@code mac_type}, {@code mac_arch}, {@code sys_info}, {@code py_info}) are accepted too.
 * Only {@code cpu_vendor} is optional.
 */
@Schema(name = "ContextSubmission", description = "An execution context. Aliases accepted: cpu_freq, mac_node, "
        + "mac_type, mac_arch, sys_info, py_info.")
public record ContextSubmission(
        @Schema(name = "h", required = true, maxLength = FieldLimits.HASH) String h,
        @Schema(name = "cpu_count", required = true) int cpuCount,
        @Schema(name = "cpu_frequency", required = true, description = "MHz; a float is fine") double cpuFrequency,
        @Schema(name = "cpu_type", required = true) String cpuType,
        @Schema(name = "cpu_vendor") String cpuVendor,
        @Schema(name = "ram_total", required = true, description = "MB") long ramTotal,
        @Schema(name = "machine_node", required = true) String machineNode,
        @Schema(name = "machine_type", required = true) String machineType,
        @Schema(name = "machine_arch", required = true) String machineArch,
        @Schema(name = "system_info", required = true) String systemInfo,
        @Schema(name = "python_info", required = true) String pythonInfo) {

    /** @throws org.monitorserver.rest.InvalidRequestException naming every missing or mistyped field */
    public static ContextSubmission read(JsonObject json) {
        var fields = new JsonFields(json);
        var submission = new ContextSubmission(
                fields.hash("h"),
                (int) fields.wholeNumber(Integer.MAX_VALUE, "cpu_count"),
                fields.number("cpu_frequency", "cpu_freq"),
                fields.string(FieldLimits.CPU_TYPE, "cpu_type"),
                fields.optionalString(FieldLimits.CPU_VENDOR, "cpu_vendor"),
                fields.wholeNumber(Long.MAX_VALUE, "ram_total"),
                fields.string(FieldLimits.MACHINE_NODE, "machine_node", "mac_node"),
                fields.string(FieldLimits.MACHINE_TYPE, "machine_type", "mac_type"),
                fields.string(FieldLimits.MACHINE_ARCH, "machine_arch", "mac_arch"),
                fields.string(FieldLimits.SYSTEM_INFO, "system_info", "sys_info"),
                fields.string(FieldLimits.PYTHON_INFO, "python_info", "py_info"));
        fields.throwIfInvalid("context");
        return submission;
    }

    public ExecutionContext toContext(long tenant) {
        return new ExecutionContext(tenant, h, cpuCount, cpuFrequency, cpuType, cpuVendor, ramTotal, machineNode,
                machineType, machineArch, systemInfo, pythonInfo);
    }
}
