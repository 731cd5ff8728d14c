package org.monitorserver.rest.context;

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
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.CountJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.persistence.context.ContextQueries;
import org.monitorserver.persistence.ingest.IngestService;
import org.monitorserver.persistence.metric.MetricQueries;
import org.monitorserver.rest.BulkReport;
import org.monitorserver.rest.BulkRows;
import org.monitorserver.rest.MonitorSettings;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.metric.MetricAssembler;
import org.monitorserver.rest.security.Caller;

/** {@code /api/v1/contexts}: the machines sessions ran on. */
@ApplicationScoped
@Path("contexts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "contexts", description = "Execution contexts: the machines tests ran on")
public class ContextsResource {

    @EJB
    IngestService ingest;

    @EJB
    ContextQueries queries;

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
    @Operation(summary = "Create a context",
            description = "Stores an execution context. Posting an identical context again answers 201 with the "
                    + "stored one; the same hash with other content is 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContextSubmission.class)))
    @APIResponse(responseCode = "201", description = "Stored (or already stored identically)",
            content = @Content(schema = @Schema(implementation = ContextJson.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or missing or mistyped fields",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The hash is stored with other content",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "Body over MONITOR_SERVER_MAX_BODY_BYTES")
    @APIResponse(responseCode = "415", description = "Body is not JSON")
    public Response create(JsonObject body) {
        var stored = ingest.registerContext(ContextSubmission.read(body).toContext(caller.tenantId()));
        return Response.created(uri.getBaseUriBuilder().path("contexts").path(stored.getHash()).build())
                .entity(ContextAssembler.toJson(stored)).build();
    }

    @POST
    @Path("bulk")
    @Consumes({MediaType.APPLICATION_JSON, BulkRows.NDJSON})
    @Operation(summary = "Create many contexts",
            description = "A JSON array of contexts, or NDJSON (one per line), each as for POST /contexts/. Rows "
                    + "are validated one by one and stored idempotently: a row that is invalid or conflicts with a "
                    + "stored one is reported with its 0-based row number and never blocks the others.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContextSubmission[].class)))
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
        var rows = BulkRows.read(body, type, settings.maxBulkBytes(), report,
                json -> ContextSubmission.read(json).toContext(tenantId));
        return BulkRows.report(rows, ingest.registerContexts(BulkRows.values(rows)), report);
    }

    @GET
    @Operation(summary = "List contexts", description = "Every context, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No context")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<ContextJson> list(@Valid @BeanParam PageParam page) {
        var found = queries.findAll(caller.tenantId(), pages.request(page));
        return pages.render(Rows.CONTEXTS, found.map(ContextAssembler::toJson), uri);
    }

    @GET
    @Path("count")
    @Operation(summary = "Count contexts")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountJson.class)))
    public CountJson count() {
        return new CountJson(queries.count(caller.tenantId()));
    }

    @GET
    @Path("{prefix}")
    @Operation(summary = "Get context details",
            description = "Contexts whose hash starts with the given prefix (case-sensitive, taken literally).")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No context has this prefix")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<ContextJson> findByPrefix(@PathParam("prefix") String prefix, @Valid @BeanParam PageParam page) {
        var found = queries.findByHashPrefix(caller.tenantId(), prefix, pages.request(page));
        return pages.render(Rows.CONTEXTS, found.map(ContextAssembler::toJson), uri);
    }

    @GET
    @Path("{context}/metrics")
    @Operation(summary = "List metrics of a context", description = "The metrics of the context with this exact hash.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "The context has no metrics")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> metrics(@PathParam("context") String context, @Valid @BeanParam PageParam page) {
        var found = metrics.findByContext(caller.tenantId(), context, pages.request(page));
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }

    @GET
    @Path("{context}/metrics/count")
    @Operation(summary = "Count metrics of a context")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountJson.class)))
    public CountJson countMetrics(@PathParam("context") String context) {
        return new CountJson(metrics.countByContext(caller.tenantId(), context));
    }
}
