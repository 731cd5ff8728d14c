package org.monitorserver.rest.metric;

import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.monitorserver.domain.FieldLimits;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.metric.ResourceUsage;
import org.monitorserver.domain.metric.TestItem;
import org.monitorserver.rest.JsonFields;

/**
 * A posted metric, in pytest-monitor's field names; the API document's {@code ctx_h}, {@code wall_time} and
 * {@code krnl_time} are accepted too. {@code component} and {@code item_variant} may be empty.
 */
@Schema(name = "MetricSubmission", description = "One test item's resource use. Aliases accepted: ctx_h for "
        + "context_h, wall_time for total_time, krnl_time for kernel_time.")
public record MetricSubmission(
        @Schema(name = "session_h", required = true) String sessionH,
        @Schema(name = "context_h", required = true) String contextH,
        @Schema(name = "item_start_time", required = true, description = "ISO 8601") LocalDateTime itemStartTime,
        @Schema(name = "item_path", required = true) String itemPath,
        @Schema(name = "item", required = true) String item,
        @Schema(name = "item_variant", required = true) String itemVariant,
        @Schema(name = "item_fs_loc", required = true) String itemFsLoc,
        @Schema(name = "kind", required = true) String kind,
        @Schema(name = "component", description = "Empty (or null) when the test has none") String component,
        @Schema(name = "total_time", required = true, description = "seconds") double totalTime,
        @Schema(name = "user_time", required = true, description = "seconds") double userTime,
        @Schema(name = "kernel_time", required = true, description = "seconds") double kernelTime,
        @Schema(name = "cpu_usage", required = true) double cpuUsage,
        @Schema(name = "mem_usage", required = true, description = "MB") double memUsage) {

    /** @throws org.monitorserver.rest.InvalidRequestException naming every missing or mistyped field */
    public static MetricSubmission read(Map<String, JsonValue> json) {
        var fields = new JsonFields(json);
        var submission = new MetricSubmission(
                fields.hash("session_h"),
                fields.hash("context_h", "ctx_h"),
                fields.dateTime("item_start_time"),
                fields.nonEmptyString(FieldLimits.ITEM_PATH, "item_path"),
                fields.nonEmptyString(FieldLimits.ITEM, "item"),
                fields.string(FieldLimits.ITEM_VARIANT, "item_variant"),
                fields.nonEmptyString(FieldLimits.ITEM_FS_LOC, "item_fs_loc"),
                fields.nonEmptyString(FieldLimits.KIND, "kind"),
                fields.stringOrEmpty(FieldLimits.COMPONENT, "component"),
                fields.number("total_time", "wall_time"),
                fields.number("user_time"),
                fields.number("kernel_time", "krnl_time"),
                fields.number("cpu_usage"),
                fields.number("mem_usage"));
        fields.throwIfInvalid("metric");
        return submission;
    }

    public Metric toMetric(long tenant) {
        return new Metric(tenant, sessionH, contextH, itemStartTime,
                new TestItem(itemPath, item, itemVariant, itemFsLoc, kind, component),
                new ResourceUsage(totalTime, userTime, kernelTime, cpuUsage, memUsage));
    }
}
