package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One tenant's background jobs, as {@code GET /api/v1/metrics/queues} answers them under the tenant's name: the
 * names of the admin metrics reference (004), in its camel case.
 */
@Schema(name = "Queue", description = "A tenant's background jobs in progress and queued")
@JsonbPropertyOrder({"inProgress", "queued", "total"})
public record QueueJson(
        @JsonbProperty("inProgress") @Schema(description = "Jobs running now") long inProgress,
        @JsonbProperty("queued") @Schema(description = "Jobs waiting for a server") long queued,
        @JsonbProperty("total") @Schema(description = "inProgress + queued") long total) {
}
