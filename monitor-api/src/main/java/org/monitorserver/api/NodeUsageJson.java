package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Node usage, as {@code GET /api/v1/metrics/nodes/usage} answers it (the admin metrics reference, 004): the
 * range in epoch seconds and the node-seconds used in it, one entry per bucket of {@code groupby} (one entry
 * without).
 */
@Schema(name = "NodeUsage", description = "Node-seconds used between start and end")
@JsonbPropertyOrder({"start", "end", "data"})
public record NodeUsageJson(
        @JsonbProperty("start") @Schema(description = "Epoch seconds") long start,
        @JsonbProperty("end") @Schema(description = "Epoch seconds") long end,
        @JsonbProperty("data") List<Usage> data) {

    /** The node-seconds of one bucket, which starts at {@code time} (or at {@code start}, the first one). */
    @Schema(name = "Usage", description = "Node-seconds of one bucket")
    @JsonbPropertyOrder({"time", "value"})
    public record Usage(
            @JsonbProperty("time") @Schema(description = "Epoch seconds: the bucket's start") long time,
            @JsonbProperty("value") @Schema(description = "Node-seconds") long value) {
    }
}
