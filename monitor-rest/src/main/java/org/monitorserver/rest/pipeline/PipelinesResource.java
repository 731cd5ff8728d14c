package org.monitorserver.rest.pipeline;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Parents;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.persistence.pipeline.PipelineQueries;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.security.Caller;

/**
 * {@code /api/v1/pipelines}: CI pipelines (tag {@code pipeline_branch}), their builds (tag
 * {@code pipeline_build_no}, as text whatever JSON type was posted) and each build's sessions. Names are
 * sorted; sessions come in arrival order.
 */
@ApplicationScoped
@Path("pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pipelines", description = "CI pipelines and builds, from the sessions' tags")
public class PipelinesResource {

    @EJB
    PipelineQueries queries;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    UriInfo uri;

    @GET
    @Operation(summary = "List pipelines", description = "Every pipeline, sorted by name.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No pipeline")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<String> list(@Valid @BeanParam PageParam page) {
        return pages.render(Rows.PIPELINES, queries.findPipelines(caller.tenantId(), pages.request(page)), uri);
    }

    @GET
    @Path("{pipeline}/builds")
    @Operation(summary = "List a pipeline's builds", description = "Build numbers as text, sorted as text.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No build in this pipeline")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<String> builds(@PathParam("pipeline") String pipeline, @Valid @BeanParam PageParam page) {
        var found = queries.findBuilds(caller.tenantId(), pipeline, pages.request(page));
        return pages.render(Rows.BUILDS, found, uri, new Parents(null, pipeline, null));
    }

    @GET
    @Path("{pipeline}/builds/recent")
    @Operation(summary = "List a pipeline's builds, newest first",
            description = "Build numbers as text, newest first by their earliest session's run_date (then by name).")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No build in this pipeline")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<String> recentBuilds(@PathParam("pipeline") String pipeline, @Valid @BeanParam PageParam page) {
        var found = queries.findRecentBuilds(caller.tenantId(), pipeline, pages.request(page));
        return pages.render(Rows.BUILDS, found, uri, new Parents(null, pipeline, null));
    }

    @GET
    @Path("{pipeline}/builds/{build}/sessions")
    @Operation(summary = "List a build's sessions", description = "Session hashes, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No session in this build")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<String> buildSessions(@PathParam("pipeline") String pipeline, @PathParam("build") String build,
            @Valid @BeanParam PageParam page) {
        var found = queries.findBuildSessions(caller.tenantId(), pipeline, build, pages.request(page));
        return pages.render(Rows.SESSIONS, found, uri, new Parents(null, pipeline, build));
    }
}
