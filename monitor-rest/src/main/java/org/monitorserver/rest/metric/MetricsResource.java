package org.monitorserver.rest.metric;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.concurrent.CompletionException;
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
import org.monitorserver.persistence.ingest.IngestService;
import org.monitorserver.persistence.ingest.MetricWriter;
import org.monitorserver.persistence.metric.MetricQueries;
import org.monitorserver.rest.BulkReport;
import org.monitorserver.rest.BulkRows;
import org.monitorserver.rest.MonitorSettings;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.security.Caller;

/** {@code /api/v1/metrics}: the resource use of each test item. */
@ApplicationScoped
@Path("metrics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "metrics", description = "Resource use of test items")
public class MetricsResource {

    @EJB
    IngestService ingest;

    @EJB
    MetricQueries queries;

    @Inject
    MetricWriter writer;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    MonitorSettings settings;

    @Inject
    UriInfo uri;

    @POST
    @Operation(summary = "Create a metric",
            description = "Stores one test item's resource use. Its session and context need not exist yet.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MetricSubmission.class)))
    @APIResponse(responseCode = "201", description = "Stored and committed (answered after the commit that holds it)",
            content = @Content(schema = @Schema(implementation = MetricJson.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or missing or mistyped fields",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "Body over MONITOR_SERVER_MAX_BODY_BYTES")
    @APIResponse(responseCode = "415", description = "Body is not JSON")
    @APIResponse(responseCode = "503", description = "Valid, but not stored (database unavailable, server stopping); "
            + "nothing was kept, so it may be sent again",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public void create(MetricSubmission metric, @Suspended AsyncResponse answer) {
        // Validated by its reader, on the request thread; the group-commit writer answers once the row is committed.
        writer.submit(metric.toMetric(caller.tenantId())).whenComplete((stored, failure) -> {
            if (failure != null) {
                answer.resume(failure instanceof CompletionException ? failure.getCause() : failure);
            } else {
                answer.resume(Response.status(Response.Status.CREATED).entity(MetricAssembler.toJson(stored))
                        .build());
            }
        });
    }

    @POST
    @Path("bulk")
    @Consumes({MediaType.APPLICATION_JSON, BulkRows.NDJSON})
    @Operation(summary = "Create many metrics",
            description = "A JSON array of metrics, or NDJSON (one per line), each as for POST /metrics/. Rows are "
                    + "validated one by one: valid rows are stored (all in one transaction), rejected rows are "
                    + "reported with their 0-based row number and reasons, and never block the others.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MetricSubmission[].class)))
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
                json -> MetricSubmission.read(json).toMetric(tenantId));
        report.accept(ingest.recordMetrics(BulkRows.values(rows)));
        return report.json();
    }

    @GET
    @Operation(summary = "List metrics", description = "Every metric, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> list(@Valid @BeanParam PageParam page) {
        var found = queries.findAll(caller.tenantId(), pages.request(page));
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }

    @GET
    @Path("count")
    @Operation(summary = "Count metrics")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountJson.class)))
    public CountJson count() {
        return new CountJson(queries.count(caller.tenantId()));
    }
}
