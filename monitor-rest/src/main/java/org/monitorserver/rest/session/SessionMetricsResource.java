package org.monitorserver.rest.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.persistence.metric.MetricQueries;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.metric.MetricAssembler;
import org.monitorserver.rest.security.Caller;

/** {@code /api/v1/session/<hash>/metrics}: the singular spelling the API document also shows. */
@ApplicationScoped
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions")
public class SessionMetricsResource {

    @EJB
    MetricQueries metrics;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    UriInfo uri;

    @GET
    @Path("{session}/metrics")
    @Operation(summary = "List metrics of a session (singular spelling)",
            description = "Same as /api/v1/sessions/{session}/metrics.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "The session has no metrics")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> metrics(@PathParam("session") String session, @Valid @BeanParam PageParam page) {
        var found = metrics.findBySession(caller.tenantId(), session, pages.request(page));
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }
}
