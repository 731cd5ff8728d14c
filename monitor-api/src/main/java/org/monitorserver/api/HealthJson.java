package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The health answer; {@code status} and {@code database} are {@code UP} or {@code DOWN}. */
@Schema(name = "Health")
@JsonbPropertyOrder({"status", "database", "schemaVersion"})
public record HealthJson(
        @JsonbProperty("status") String status,
        @JsonbProperty("database") String database,
        @JsonbProperty("schema_version") String schemaVersion) {
}
