package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A component's own comparison threshold: {@code /api/v1/admin/thresholds}. */
@Schema(name = "Threshold", description = "A component's comparison threshold, in percent")
@JsonbPropertyOrder({"component", "thresholdPercent"})
public record ThresholdJson(
        @JsonbProperty("component") String component,
        @JsonbProperty("threshold_percent") @Schema(minimum = "0", maximum = "1000") double thresholdPercent) {
}
