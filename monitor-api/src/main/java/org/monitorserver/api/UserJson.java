package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user of a tenant, as {@code /api/v1/admin/tenants/<t>/users} answers it. */
@Schema(name = "User", description = "A user of one tenant, who authenticates with API keys")
@JsonbPropertyOrder({"tenant", "name", "role", "disabled", "createdAt"})
public record UserJson(
        @JsonbProperty("tenant") String tenant,
        @JsonbProperty("name") @Schema(pattern = "[a-z0-9][a-z0-9_-]{0,63}") String name,
        @JsonbProperty("role") @Schema(enumeration = {"user", "tenant_admin", "superadmin"}) String role,
        @JsonbProperty("disabled") @Schema(description = "A disabled user's keys all get 401") boolean disabled,
        @JsonbProperty("created_at") @Schema(description = "ISO 8601, UTC") String createdAt) {
}
