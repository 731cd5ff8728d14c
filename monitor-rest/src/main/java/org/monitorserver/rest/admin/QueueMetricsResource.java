package org.monitorserver.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.QueueJson;
import org.monitorserver.domain.tenant.Credential;
import org.monitorserver.domain.tenant.Role;
import org.monitorserver.persistence.usage.QueueFigures;
import org.monitorserver.persistence.usage.TaskQueueQueries;
import org.monitorserver.rest.security.Caller;

/**
 * {@code GET /api/v1/metrics/queues}: background jobs in progress and queued, per tenant, as the admin metrics
 * reference (004) shows them. Admins only: the superadmin sees every tenant, a tenant admin their own.
 */
@ApplicationScoped
@Path("metrics/queues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Tenants, users and API keys (admin keys only)")
public class QueueMetricsResource {

    @EJB
    TaskQueueQueries queues;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Task queue metrics",
            description = "Per tenant name: background jobs (imports) in progress, queued, and both together.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.OBJECT,
            additionalProperties = QueueJson.class)))
    @APIResponse(responseCode = "401", description = "No valid credentials",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Map<String, QueueJson> queues() {
        Credential admin = caller.requireAdmin();
        var answer = new LinkedHashMap<String, QueueJson>();
        if (admin.role() == Role.SUPERADMIN) {
            queues.byTenant().forEach((tenant, figures) -> answer.put(tenant, toJson(figures)));
        } else {
            answer.put(admin.tenantName(), toJson(queues.ofTenant(admin.tenantId())));
        }
        return answer;
    }

    private static QueueJson toJson(QueueFigures figures) {
        return new QueueJson(figures.inProgress(), figures.queued(), figures.total());
    }
}
