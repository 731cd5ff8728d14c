package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An import job of a {@code .pymon} file, as {@code /api/v1/imports} answers it. Rows count the file's sessions,
 * contexts and metrics together; once done, {@code rows_read = rows_stored + rows_skipped}. Times are ISO 8601 in
 * UTC.
 */
@Schema(name = "Import", description = "The background import of an uploaded .pymon file")
@JsonbPropertyOrder({"id", "state", "bytes", "rowsRead", "rowsStored", "rowsSkipped", "error", "createdAt",
        "startedAt", "finishedAt"})
public record ImportJson(
        @JsonbProperty("id") long id,
        @JsonbProperty("state") @Schema(enumeration = {"queued", "running", "done", "failed"}) String state,
        @JsonbProperty("bytes") @Schema(description = "Size of the uploaded file") long bytes,
        @JsonbProperty("rows_read") @Schema(description = "Rows in the file (sessions, contexts, metrics)")
        long rowsRead,
        @JsonbProperty("rows_stored") @Schema(description = "Rows stored by this job") long rowsStored,
        @JsonbProperty("rows_skipped") @Schema(description = "Rows already stored (sessions the tenant has, with "
                + "their metrics; known contexts)") long rowsSkipped,
        @JsonbProperty("error") @JsonbNillable @Schema(nullable = true, description = "Why the job failed")
        String error,
        @JsonbProperty("created_at") @Schema(type = SchemaType.STRING, description = "ISO 8601, UTC") String createdAt,
        @JsonbProperty("started_at") @JsonbNillable @Schema(nullable = true, description = "ISO 8601, UTC")
        String startedAt,
        @JsonbProperty("finished_at") @JsonbNillable @Schema(nullable = true, description = "ISO 8601, UTC")
        String finishedAt) {
}
