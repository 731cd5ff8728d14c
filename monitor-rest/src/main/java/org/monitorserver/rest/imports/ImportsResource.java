package org.monitorserver.rest.imports;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.ImportJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.domain.imports.ImportJob;
import org.monitorserver.persistence.imports.ImportJobs;
import org.monitorserver.persistence.imports.ImportRunner;
import org.monitorserver.rest.BodyTooLargeException;
import org.monitorserver.rest.BoundedBody;
import org.monitorserver.rest.InvalidRequestException;
import org.monitorserver.rest.MonitorSettings;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.security.Caller;

/** {@code /api/v1/imports}: loads {@code .pymon} files (pytest-monitor's local database) in the background. */
@ApplicationScoped
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports", description = "Background imports of .pymon files")
public class ImportsResource {

    /** The media type registered for SQLite databases. */
    static final String SQLITE = "application/vnd.sqlite3";

    @EJB
    ImportJobs jobs;

    @EJB
    ImportRunner runner;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    MonitorSettings settings;

    @Inject
    UriInfo uri;

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, SQLITE})
    @Operation(summary = "Import a .pymon file",
            description = "Queues the file (pytest-monitor's SQLite database) for a background import and answers at "
                    + "once. The whole file is checked before anything is stored; a session the server already has "
                    + "is skipped with its metrics, so importing a file again stores only its new sessions.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = SQLITE, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "202", description = "Queued; Location is the job",
            content = @Content(schema = @Schema(implementation = ImportJson.class)))
    @APIResponse(responseCode = "400", description = "Empty body",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "Body over MONITOR_SERVER_MAX_IMPORT_BYTES",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "415", description = "Body is not application/octet-stream or application/vnd.sqlite3",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response upload(@HeaderParam(HttpHeaders.CONTENT_LENGTH) String length, InputStream body)
            throws IOException {
        java.nio.file.Path file = receive(body, length, settings.maxImportBytes());
        try {
            ImportJob job = jobs.create(caller.tenantId(), caller.userId(), file);
            runner.wake();
            return Response.accepted(ImportAssembler.toJson(job))
                    .location(uri.getBaseUriBuilder().path("imports").path(String.valueOf(job.getId())).build())
                    .build();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    @Operation(summary = "Get an import job", description = "Its state, rows read, stored and skipped, and error.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportJson.class)))
    @APIResponse(responseCode = "404", description = "No such job (of this tenant)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ImportJson get(@PathParam("id") long id) {
        return jobs.find(caller.tenantId(), id).map(ImportAssembler::toJson)
                .orElseThrow(() -> new NotFoundException("no import job " + id));
    }

    @GET
    @Operation(summary = "List import jobs", description = "Newest first, under \"imports\".")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No import job")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<ImportJson> list(@Valid @BeanParam PageParam page) {
        return pages.render(Rows.IMPORTS, jobs.list(caller.tenantId(), pages.request(page)).map(ImportAssembler::toJson),
                uri);
    }

    /**
     * The whole body in a temporary file, refused with 413 above {@code limit} (declared or read) and 400 when
     * empty. The body goes to disk as it arrives, never whole into the heap, and reaches the database only once it
     * is complete, so that a slow upload holds no transaction.
     */
    private static java.nio.file.Path receive(InputStream body, String length, long limit) throws IOException {
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
            throw new BodyTooLargeException(limit, "MONITOR_SERVER_MAX_IMPORT_BYTES");
        }
        java.nio.file.Path file = Files.createTempFile("monitor-upload-", ".pymon");
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(file)) {
                size = new BoundedBody(body, limit, "MONITOR_SERVER_MAX_IMPORT_BYTES").transferTo(out);
            }
            if (size == 0) {
                throw new InvalidRequestException("the request body is empty; send a .pymon file", Map.of());
            }
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
