package org.monitorserver.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.api.ThresholdJson;
import org.monitorserver.domain.FieldLimits;
import org.monitorserver.domain.verdict.ComponentThreshold;
import org.monitorserver.persistence.verdict.ComponentThresholds;
import org.monitorserver.rest.InvalidRequestException;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.security.Caller;

/**
 * {@code /api/v1/admin/thresholds}: a component's own comparison threshold, for the admin's tenant (the default
 * tenant with authentication off). A request's {@code threshold=} still wins; without either, the server's
 * {@code MONITOR_SERVER_COMPARE_THRESHOLD} applies.
 */
@ApplicationScoped
@Path("admin/thresholds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Tenants, users, API keys and comparison thresholds")
public class ThresholdsResource {

    @EJB
    ComponentThresholds thresholds;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    UriInfo uri;

    @GET
    @Operation(summary = "List component thresholds", description = "By component name. Needs an admin key.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No component has its own threshold")
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<ThresholdJson> list(@Valid @BeanParam PageParam page) {
        caller.requireAdmin();
        return pages.render(Rows.THRESHOLDS, thresholds.list(caller.tenantId(), pages.request(page))
                .map(ThresholdsResource::toJson), uri);
    }

    @GET
    @Path("{component}")
    @Operation(summary = "Get a component's threshold")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ThresholdJson.class)))
    @APIResponse(responseCode = "404", description = "The component has no threshold of its own",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ThresholdJson get(@PathParam("component") String component) {
        caller.requireAdmin();
        return thresholds.find(caller.tenantId(), component).map(ThresholdsResource::toJson)
                .orElseThrow(() -> new NotFoundException("component " + component + " has no threshold of its own"));
    }

    @PUT
    @Path("{component}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a component's threshold", description = "Body: {\"threshold_percent\": 15}, from 0 to"
            + " 1000. 201 when the component had none, else 200.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ThresholdJson.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ThresholdJson.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ThresholdJson.class)))
    @APIResponse(responseCode = "400", description = "Bad threshold or component name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response set(@PathParam("component") String component, JsonObject body) {
        caller.requireAdmin();
        if (component.isBlank() || component.length() > FieldLimits.COMPONENT) {
            throw new InvalidRequestException("invalid component", Map.of("component", "must be 1 to "
                    + FieldLimits.COMPONENT + " characters"));
        }
        double percent = percent(body);
        boolean created = thresholds.set(caller.tenantId(), component, percent);
        var json = new ThresholdJson(component, percent);
        return (created ? Response.status(Response.Status.CREATED) : Response.ok()).entity(json).build();
    }

    @DELETE
    @Path("{component}")
    @Operation(summary = "Remove a component's threshold", description = "Its comparisons use the server's again.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The component had no threshold of its own",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response remove(@PathParam("component") String component) {
        caller.requireAdmin();
        if (!thresholds.remove(caller.tenantId(), component)) {
            throw new NotFoundException("component " + component + " has no threshold of its own");
        }
        return Response.noContent().build();
    }

    private static double percent(JsonObject body) {
        JsonValue value = body.get("threshold_percent");
        double percent = value instanceof JsonNumber number ? number.doubleValue() : -1;
        if (!(percent >= 0 && percent <= ComponentThreshold.MAX_PERCENT)) {
            throw new InvalidRequestException("invalid threshold", Map.of("threshold_percent",
                    "must be a number of percent from 0 to 1000"));
        }
        return percent;
    }

    private static ThresholdJson toJson(ComponentThreshold threshold) {
        return new ThresholdJson(threshold.getComponent(), threshold.getThresholdPercent());
    }
}
