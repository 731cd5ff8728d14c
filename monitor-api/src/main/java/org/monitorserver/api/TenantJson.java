package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant, as {@code /api/v1/admin/tenants} answers it. */
@Schema(name = "Tenant", description = "An organization whose data is kept apart")
@JsonbPropertyOrder({"name", "createdAt"})
public record TenantJson(
        @JsonbProperty("name") @Schema(pattern = "[a-z0-9][a-z0-9_-]{0,63}") String name,
        @JsonbProperty("created_at") @JsonbNillable @Schema(nullable = true, description = "ISO 8601, UTC")
        String createdAt) {
}
