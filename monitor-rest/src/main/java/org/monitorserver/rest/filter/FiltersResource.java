package org.monitorserver.rest.filter;

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
import org.monitorserver.api.CountJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.api.SessionJson;
import org.monitorserver.persistence.metric.MetricQueries;
import org.monitorserver.persistence.session.SessionQueries;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.metric.MetricAssembler;
import org.monitorserver.rest.security.Caller;
import org.monitorserver.rest.session.SessionAssembler;

/**
 * {@code /api/v1/filters}: metrics and sessions by the SCM reference of their session (a prefix, taken
 * literally, so a short commit hash finds the full one) and metrics by scope (the item's kind, exact). A metric
 * posted before its session matches the SCM filter once the session is stored.
 */
@ApplicationScoped
@Path("filters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "filters", description = "Metrics and sessions by SCM reference, metrics by scope")
public class FiltersResource {

    @EJB
    MetricQueries metrics;

    @EJB
    SessionQueries sessions;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    UriInfo uri;

    @GET
    @Path("scm/{scm}/metrics")
    @Operation(summary = "List metrics by SCM reference",
            description = "The metrics of the sessions whose SCM reference starts with the given text "
                    + "(case-sensitive, taken literally), in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric of a session with this SCM reference")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> metricsByScm(@PathParam("scm") String scm, @Valid @BeanParam PageParam page) {
        var found = metrics.findByScmPrefix(caller.tenantId(), scm, pages.request(page));
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }

    @GET
    @Path("scm/{scm}/metrics/count")
    @Operation(summary = "Count metrics by SCM reference",
            description = "How many metrics the sessions whose SCM reference starts with the given text have.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountJson.class)))
    public CountJson countMetricsByScm(@PathParam("scm") String scm) {
        return new CountJson(metrics.countByScmPrefix(caller.tenantId(), scm));
    }

    @GET
    @Path("scm/{scm}/sessions")
    @Operation(summary = "List sessions by SCM reference",
            description = "The sessions whose SCM reference starts with the given text (case-sensitive, taken "
                    + "literally), with their tags, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No session has this SCM reference")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<SessionJson> sessionsByScm(@PathParam("scm") String scm, @Valid @BeanParam PageParam page) {
        var found = sessions.findByScmPrefix(caller.tenantId(), scm, pages.request(page));
        return pages.render(Rows.SESSIONS, found.map(SessionAssembler::toJson), uri);
    }

    @GET
    @Path("scope/{scope}/metrics")
    @Operation(summary = "List metrics by scope",
            description = "The metrics collected at the given scope (function, module...: the "
                    + "item's kind, exact and case-sensitive), in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric of this scope")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> metricsByScope(@PathParam("scope") String scope, @Valid @BeanParam PageParam page) {
        var found = metrics.findByKind(caller.tenantId(), scope, pages.request(page));
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }

    @GET
    @Path("scope/{scope}/metrics/count")
    @Operation(summary = "Count metrics by scope")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountJson.class)))
    public CountJson countMetricsByScope(@PathParam("scope") String scope) {
        return new CountJson(metrics.countByKind(caller.tenantId(), scope));
    }
}
