package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The processing of a run's finish: {@code ok} when its samples are stored, {@code queued} or {@code running}
 * while a background job reads its object-store chunks, {@code failed} with the reason (the run may then be
 * finished again); {@code pending} before any finish.
 */
@Schema(name = "RunProcessing", description = "How a run's finish was processed")
@JsonbPropertyOrder({"status", "rows", "files", "durationMs", "error"})
public record RunProcessingJson(
        @JsonbProperty("status") @Schema(enumeration = {"pending", "queued", "running", "ok", "failed"})
        String status,
        @JsonbProperty("rows") @JsonbNillable @Schema(nullable = true, description = "Samples stored") Long rows,
        @JsonbProperty("files") @JsonbNillable @Schema(nullable = true, description = "Object-store chunks read")
        Integer files,
        @JsonbProperty("duration_ms") @JsonbNillable @Schema(nullable = true) Long durationMs,
        @JsonbProperty("error") @JsonbNillable @Schema(nullable = true) String error) {
}
