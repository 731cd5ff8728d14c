package org.monitorserver.rest.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.HealthJson;
import org.monitorserver.persistence.schema.DatabaseStatus;
import org.monitorserver.persistence.schema.SchemaMigration;

/** {@code /api/v1/health}: 200 when the database answers with the schema in place, 503 otherwise. */
@ApplicationScoped
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health", description = "Readiness of the server and its database")
public class HealthResource {

    @EJB
    DatabaseStatus database;

    @EJB
    SchemaMigration schema;

    @GET
    @Operation(summary = "Readiness", description = "UP when the server runs and its database answers.")
    @APIResponse(responseCode = "200", description = "Ready",
            content = @Content(schema = @Schema(implementation = HealthJson.class)))
    @APIResponse(responseCode = "503", description = "The database does not answer",
            content = @Content(schema = @Schema(implementation = HealthJson.class)))
    public Response health() {
        boolean up = database.isReady();
        var body = new HealthJson(up ? "UP" : "DOWN", up ? "UP" : "DOWN", schema.version());
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
    }
}
