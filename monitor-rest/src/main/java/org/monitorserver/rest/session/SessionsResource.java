package org.monitorserver.rest.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.BulkReportJson;
import org.monitorserver.api.CountJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.api.SessionJson;
import org.monitorserver.persistence.ingest.IngestService;
import org.monitorserver.persistence.metric.MetricQueries;
import org.monitorserver.persistence.session.SessionQueries;
import org.monitorserver.rest.BulkReport;
import org.monitorserver.rest.BulkRows;
import org.monitorserver.rest.MonitorSettings;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.metric.MetricAssembler;
import org.monitorserver.rest.security.Caller;

/** {@code /api/v1/sessions}: test sessions (one pytest run each) and their tags. */
@ApplicationScoped
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "Test sessions: one pytest run each, with tags")
public class SessionsResource {

    @EJB
    IngestService ingest;

    @EJB
    SessionQueries queries;

    @EJB
    MetricQueries metrics;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    MonitorSettings settings;

    @Inject
    UriInfo uri;

    @POST
    @Operation(summary = "Create a session",
            description = "Stores a session and its tags. Posting an identical session again answers 201 with the "
                    + "stored one; the same hash with other content is 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SessionSubmission.class)))
    @APIResponse(responseCode = "201", description = "Stored (or already stored identically)",
            content = @Content(schema = @Schema(implementation = SessionJson.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or missing or mistyped fields",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The hash is stored with other content",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "Body over MONITOR_SERVER_MAX_BODY_BYTES")
    @APIResponse(responseCode = "415", description = "Body is not JSON")
    public Response create(JsonObject body) {
        var stored = ingest.registerSession(SessionSubmission.read(body).toSession(caller.tenantId())
                .sentBy(caller.userId()));
        return Response.created(uri.getBaseUriBuilder().path("sessions").path(stored.getHash()).build())
                .entity(SessionAssembler.toJson(stored)).build();
    }

    @POST
    @Path("bulk")
    @Consumes({MediaType.APPLICATION_JSON, BulkRows.NDJSON})
    @Operation(summary = "Create many sessions",
            description = "A JSON array of sessions, or NDJSON (one per line), each as for POST /sessions/. Rows "
                    + "are validated one by one and stored idempotently: a row that is invalid or conflicts with a "
                    + "stored one is reported with its 0-based row number and never blocks the others.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SessionSubmission[].class)))
    @APIResponse(responseCode = "200", description = "Valid rows stored; the report says which were rejected",
            content = @Content(schema = @Schema(implementation = BulkReportJson.class)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON array or NDJSON",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "Body over MONITOR_SERVER_MAX_BULK_BYTES",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "415", description = "Body is neither JSON nor NDJSON")
    public BulkReportJson createMany(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body) {
        var report = new BulkReport();
        long tenantId = caller.tenantId();
        Long userId = caller.userId();
        var rows = BulkRows.read(body, type, settings.maxBulkBytes(), report,
                json -> SessionSubmission.read(json).toSession(tenantId).sentBy(userId));
        return BulkRows.report(rows, ingest.registerSessions(BulkRows.values(rows)), report);
    }

    @GET
    @Operation(summary = "List all sessions",
            description = "Every session in arrival order, or those matching the flag filter: with_flags (alias "
                    + "with_tags), restrict_flags and method (match_any, the default, or match_all).")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No session")
    @APIResponse(responseCode = "400", description = "Bad page or filter parameters",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<SessionJson> list(@Valid @BeanParam FlagParams flags, @Valid @BeanParam PageParam page) {
        var request = pages.request(page);
        var found = flags.filter()
                .map(filter -> queries.findByHashPrefixAndFlags(caller.tenantId(), "", filter, request))
                .orElseGet(() -> queries.findAll(caller.tenantId(), request));
        return pages.render(Rows.SESSIONS, found.map(SessionAssembler::toJson), uri);
    }

    @GET
    @Path("count")
    @Operation(summary = "Count sessions", description = "Every session, with or without an SCM reference.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountJson.class)))
    public CountJson count() {
        return new CountJson(queries.count(caller.tenantId()));
    }

    @GET
    @Path("{prefix}")
    @Operation(summary = "Get session details",
            description = "Sessions whose hash starts with the given prefix (case-sensitive, taken literally); "
                    + "the flag filter of the session list applies too.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No session has this prefix")
    @APIResponse(responseCode = "400", description = "Bad page or filter parameters",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<SessionJson> findByPrefix(@PathParam("prefix") String prefix, @Valid @BeanParam FlagParams flags,
            @Valid @BeanParam PageParam page) {
        var request = pages.request(page);
        var found = flags.filter()
                .map(filter -> queries.findByHashPrefixAndFlags(caller.tenantId(), prefix, filter, request))
                .orElseGet(() -> queries.findByHashPrefix(caller.tenantId(), prefix, request));
        return pages.render(Rows.SESSIONS, found.map(SessionAssembler::toJson), uri);
    }

    @GET
    @Path("{session}/metrics")
    @Operation(summary = "List metrics of a session", description = "The metrics of the session with this exact hash.")
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

    @GET
    @Path("{session}/metrics/count")
    @Operation(summary = "Count metrics of a session")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountJson.class)))
    public CountJson countMetrics(@PathParam("session") String session) {
        return new CountJson(metrics.countBySession(caller.tenantId(), session));
    }
}
