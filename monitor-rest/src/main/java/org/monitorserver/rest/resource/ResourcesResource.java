package org.monitorserver.rest.resource;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.persistence.resource.ResourceQueries;
import org.monitorserver.persistence.resource.ResourceScope;
import org.monitorserver.rest.CurrentTenant;
import org.monitorserver.rest.ErrorMapper.ErrorBody;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.metric.MetricJson;

/**
 * {@code /api/v1/resources}: the metrics that use the most ({@code head}) or the least ({@code tail}) of a
 * resource, overall or within a component, pipeline or build. Each scope has two routes, without and with the
 * ranking's size {@code n}; all of them share {@link #rank}.
 */
@ApplicationScoped
@Path("resources/{resource}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "resources", description = "Metrics with the highest or lowest use of a resource")
public class ResourcesResource {

    private static final String RANKING = "Resources: memory (mem_usage), cpu (cpu_usage), kernel_time, user_time,"
            + " total_time. head is highest first, tail lowest first, ties in arrival order. The ranking holds n"
            + " metrics (default 10, at most 500), paginated.";

    private static final String BAD_REQUEST = "Unknown resource, n not a whole number of at least 1, or bad page"
            + " parameter";

    @EJB
    ResourceQueries queries;

    @Inject
    CurrentTenant tenant;

    @Inject
    Pages pages;

    @Inject
    UriInfo uri;

    @GET
    @Path("{direction: head|tail}/metrics")
    @Operation(summary = "Rank all metrics by a resource (10)", description = RANKING)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MetricJson.Page.class)))
    @APIResponse(responseCode = "204", description = "No metric")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response all(@Valid @BeanParam RankingParams ranking, @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.all(), page);
    }

    @GET
    @Path("{direction: head|tail}/{n}/metrics")
    @Operation(summary = "Rank all metrics by a resource (n)", description = RANKING)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MetricJson.Page.class)))
    @APIResponse(responseCode = "204", description = "No metric")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response allTop(@Valid @BeanParam RankingParams ranking, @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.all(), page);
    }

    @GET
    @Path("components/{component}/{direction: head|tail}/metrics")
    @Operation(summary = "Rank a component's metrics by a resource (10)", description = RANKING)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MetricJson.Page.class)))
    @APIResponse(responseCode = "204", description = "No metric has this component")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response byComponent(@Valid @BeanParam RankingParams ranking, @PathParam("component") String component,
            @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.component(component), page);
    }

    @GET
    @Path("components/{component}/{direction: head|tail}/{n}/metrics")
    @Operation(summary = "Rank a component's metrics by a resource (n)", description = RANKING)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MetricJson.Page.class)))
    @APIResponse(responseCode = "204", description = "No metric has this component")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response byComponentTop(@Valid @BeanParam RankingParams ranking, @PathParam("component") String component,
            @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.component(component), page);
    }

    @GET
    @Path("pipelines/{pipeline}/{direction: head|tail}/metrics")
    @Operation(summary = "Rank a pipeline's metrics by a resource (10)", description = RANKING)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MetricJson.Page.class)))
    @APIResponse(responseCode = "204", description = "No metric in this pipeline")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response byPipeline(@Valid @BeanParam RankingParams ranking, @PathParam("pipeline") String pipeline,
            @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.pipeline(pipeline), page);
    }

    @GET
    @Path("pipelines/{pipeline}/{direction: head|tail}/{n}/metrics")
    @Operation(summary = "Rank a pipeline's metrics by a resource (n)", description = RANKING)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MetricJson.Page.class)))
    @APIResponse(responseCode = "204", description = "No metric in this pipeline")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response byPipelineTop(@Valid @BeanParam RankingParams ranking, @PathParam("pipeline") String pipeline,
            @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.pipeline(pipeline), page);
    }

    @GET
    @Path("pipelines/{pipeline}/builds/{build}/{direction: head|tail}/metrics")
    @Operation(summary = "Rank a build's metrics by a resource (10)", description = RANKING)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MetricJson.Page.class)))
    @APIResponse(responseCode = "204", description = "No metric in this build")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response byBuild(@Valid @BeanParam RankingParams ranking, @PathParam("pipeline") String pipeline,
            @PathParam("build") String build, @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.build(pipeline, build), page);
    }

    @GET
    @Path("pipelines/{pipeline}/builds/{build}/{direction: head|tail}/{n}/metrics")
    @Operation(summary = "Rank a build's metrics by a resource (n)", description = RANKING)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MetricJson.Page.class)))
    @APIResponse(responseCode = "204", description = "No metric in this build")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response byBuildTop(@Valid @BeanParam RankingParams ranking, @PathParam("pipeline") String pipeline,
            @PathParam("build") String build, @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.build(pipeline, build), page);
    }

    /** One page of the ranking {@code ranking} asks for within {@code scope}. */
    private Response rank(RankingParams ranking, ResourceScope scope, PageParam page) {
        var found = queries.findRanked(tenant.id(), ranking.resource(), ranking.highest(), scope, ranking.limit(),
                pages.request(page));
        return pages.render("metrics", found.map(MetricJson::from), uri);
    }
}
