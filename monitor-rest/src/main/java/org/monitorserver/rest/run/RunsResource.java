package org.monitorserver.rest.run;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.api.RefreshedCredentialsJson;
import org.monitorserver.api.RegisteredRunJson;
import org.monitorserver.api.RunResultJson;
import org.monitorserver.domain.run.Run;
import org.monitorserver.persistence.run.ObjectStore;
import org.monitorserver.persistence.run.RunIngest;
import org.monitorserver.persistence.run.RunQueries;
import org.monitorserver.persistence.run.RunRunner;
import org.monitorserver.persistence.run.SampleChunks;
import org.monitorserver.rest.MonitorSettings;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.security.Caller;

/**
 * {@code /api/v1/runs}, also served at {@code /runs} ({@link RootRunsFilter}): the Sentinel run API of Spare Cores'
 * resource-tracker (register, refresh credentials, finish) and the queries of runs and their samples. A run's
 * token is its tenant's API key; another tenant's run is answered 404.
 */
@ApplicationScoped
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runs", description = "Runs tracked by resource-tracker (the Sentinel run API)")
public class RunsResource {

    /** The media type of samples as the tracker writes them. */
    static final String CSV = "text/csv";

    @EJB
    RunIngest ingest;

    @EJB
    RunQueries queries;

    @EJB
    RunRunner runner;

    @Inject
    ObjectStore store;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    MonitorSettings settings;

    @Inject
    UriInfo uri;

    @Inject
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a run", description = "One flat object of metadata, host_* and cloud_* keys, any "
            + "of them null or missing; unknown keys are kept. Answers the run's id and where its client uploads.")
    @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "Registered; Location is the run",
            content = @Content(schema = @Schema(implementation = RegisteredRunJson.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON object, or a name over 512 characters",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "Authentication on and no valid key",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response register(JsonObject body) {
        Run run = ingest.register(caller.tenantId(), caller.userId(), RunRegistration.read(body));
        return Response.created(uri.getBaseUriBuilder().path("runs").path(run.getRunKey()).build())
                .entity(new RegisteredRunJson(run.getRunKey(), run.getUploadPrefix(),
                        RunAssembler.toJson(store.uploadCredentials())))
                .build();
    }

    @POST
    @Path("{id}/refresh-credentials")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Refresh a run's upload credentials", description = "Empty body, with or without "
            + "Content-Type.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = RefreshedCredentialsJson.class)))
    @APIResponse(responseCode = "404", description = "No such run (of this tenant)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The run is finished",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public RefreshedCredentialsJson refresh(@PathParam("id") String id) {
        ingest.refresh(caller.tenantId(), id).orElseThrow(() -> noRun(id));
        return new RefreshedCredentialsJson(RunAssembler.toJson(store.uploadCredentials()));
    }

    @POST
    @Path("{id}/finish")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Finish a run", description = "{exit_code, run_status, data_source, data_csv | data_uris, "
            + "finished_at?}. The body may be gzip-compressed (Content-Encoding: gzip), data_csv raw CSV or base64 "
            + "of gzipped CSV. Inline data is stored before the answer; object-store chunks are queued for a "
            + "background job (processing.status queued). Answers 200 in both cases, as the Rust client needs.")
    @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunResultJson.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, gzip, base64 or CSV (the message names the "
            + "line and column); URIs outside the run's prefix; no object store for data_uris",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such run (of this tenant)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The run is already finished",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "Decoded body over MONITOR_SERVER_MAX_RUN_BYTES",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public RunResultJson finish(@PathParam("id") String id, @HeaderParam("Content-Encoding") String encoding,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length, InputStream body) throws IOException {
        var submission = RunFinishSubmission.read(body, encoding, length, settings.maxRunBytes());
        Run run = (submission.inline()
                ? ingest.finishInline(caller.tenantId(), id, submission.finish(), SampleChunks.inline(submission.csv()))
                : ingest.finishFromStore(caller.tenantId(), id, submission.finish()))
                .orElseThrow(() -> noRun(id));
        if (run.getProcessing() == Run.Processing.QUEUED) {
            runner.wake();
        }
        return RunAssembler.toResult(run);
    }

    @GET
    @Operation(summary = "List runs", description = "Newest first, under \"runs\"; filters combine.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "Bad filter or page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<RunResultJson> list(@Valid @BeanParam RunParams filters, @Valid @BeanParam PageParam page) {
        return pages.render(Rows.RUNS, queries.list(caller.tenantId(), filters.filter(), pages.request(page))
                .map(RunAssembler::toResult), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a run", description = "The run, how its finish was processed, and its statistics.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunResultJson.class)))
    @APIResponse(responseCode = "404", description = "No such run (of this tenant)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public RunResultJson get(@PathParam("id") String id) {
        return queries.find(caller.tenantId(), id).map(RunAssembler::toResult).orElseThrow(() -> noRun(id));
    }

    @GET
    @Path("{id}/samples")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Get a run's samples", description = "Every sample in order: CSV in the tracker's own "
            + "format with Accept: text/csv, else JSON {run_id, columns, samples: [{column: value}]}. Empty cells "
            + "are null.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "{run_id, columns: [name], samples: [{column: value or null}]}")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "The tracker's CSV: a quoted header, then one row per sample"))})
    @APIResponse(responseCode = "404", description = "No such run (of this tenant)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response samples(@PathParam("id") String id) {
        Run run = queries.find(caller.tenantId(), id).orElseThrow(() -> noRun(id));
        List<String> columns = run.getSampleColumns() == null ? List.of()
                : JsonValues.array(run.getSampleColumns()).getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
        boolean csv = wantsCsv();
        StreamingOutput body = out -> {
            SampleWriter writer = csv ? SampleWriter.csv(out, columns) : SampleWriter.json(out, id, columns);
            queries.samples(run, writer);
            writer.finish();
        };
        return Response.ok(body, csv ? new MediaType("text", "csv", "utf-8") : MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** Whether the client prefers CSV: its most acceptable type is {@code text/csv} itself. */
    private boolean wantsCsv() {
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        return !acceptable.isEmpty() && acceptable.get(0).isCompatible(MediaType.valueOf(CSV))
                && !acceptable.get(0).isWildcardType();
    }

    private static NotFoundException noRun(String id) {
        return new NotFoundException("no run " + id);
    }
}
