package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as listed: never the key itself, which is shown once, when issued ({@link NewApiKeyJson}). */
@Schema(name = "ApiKey", description = "An API key, without its secret")
@JsonbPropertyOrder({"id", "user", "createdAt", "lastUsedAt", "revokedAt"})
public record ApiKeyJson(
        @JsonbProperty("id") long id,
        @JsonbProperty("user") String user,
        @JsonbProperty("created_at") @Schema(description = "ISO 8601, UTC") String createdAt,
        @JsonbProperty("last_used_at") @JsonbNillable @Schema(nullable = true,
                description = "ISO 8601, UTC; written at most once a minute") String lastUsedAt,
        @JsonbProperty("revoked_at") @JsonbNillable @Schema(nullable = true, description = "ISO 8601, UTC; null "
                + "while the key works") String revokedAt) {
}
