package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a bulk request did: rows stored, rows rejected, and the first rejections in detail, in row order. */
@Schema(name = "BulkReport")
@JsonbPropertyOrder({"accepted", "rejected", "rejections"})
public record BulkReportJson(
        @JsonbProperty("accepted") long accepted,
        @JsonbProperty("rejected") long rejected,
        @JsonbProperty("rejections") List<Rejection> rejections) {

    /** One rejected row, by its 0-based number in the body. */
    @Schema(name = "BulkRejection")
    @JsonbPropertyOrder({"row", "message", "errors"})
    public record Rejection(
            @JsonbProperty("row") int row,
            @JsonbProperty("message") String message,
            @JsonbProperty("errors") @JsonbNillable(false) Map<String, String> errors) {
    }
}
