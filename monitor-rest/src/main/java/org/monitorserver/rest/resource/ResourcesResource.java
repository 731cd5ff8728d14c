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
import org.monitorserver.persistence.resource.ResourceQueries;
import org.monitorserver.persistence.resource.ResourceScope;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.metric.MetricAssembler;
import org.monitorserver.rest.security.Caller;

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
            + " metrics (default 10, at most 500), all in one body (total_page 1).";

    private static final String BAD_REQUEST = "Unknown resource, n not a whole number of at least 1, or bad page"
            + " parameter";

    @EJB
    ResourceQueries queries;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    UriInfo uri;

    @GET
    @Path("{direction: head|tail}/metrics")
    @Operation(summary = "Rank all metrics by a resource (10)", description = RANKING)
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> all(@Valid @BeanParam RankingParams ranking, @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.all(), page);
    }

    @GET
    @Path("{direction: head|tail}/{n}/metrics")
    @Operation(summary = "Rank all metrics by a resource (n)", description = RANKING)
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> allTop(@Valid @BeanParam RankingParams ranking, @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.all(), page);
    }

    @GET
    @Path("components/{component}/{direction: head|tail}/metrics")
    @Operation(summary = "Rank a component's metrics by a resource (10)", description = RANKING)
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric has this component")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> byComponent(@Valid @BeanParam RankingParams ranking, @PathParam("component") String component,
            @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.component(component), page);
    }

    @GET
    @Path("components/{component}/{direction: head|tail}/{n}/metrics")
    @Operation(summary = "Rank a component's metrics by a resource (n)", description = RANKING)
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric has this component")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> byComponentTop(@Valid @BeanParam RankingParams ranking, @PathParam("component") String component,
            @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.component(component), page);
    }

    @GET
    @Path("pipelines/{pipeline}/{direction: head|tail}/metrics")
    @Operation(summary = "Rank a pipeline's metrics by a resource (10)", description = RANKING)
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric in this pipeline")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> byPipeline(@Valid @BeanParam RankingParams ranking, @PathParam("pipeline") String pipeline,
            @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.pipeline(pipeline), page);
    }

    @GET
    @Path("pipelines/{pipeline}/{direction: head|tail}/{n}/metrics")
    @Operation(summary = "Rank a pipeline's metrics by a resource (n)", description = RANKING)
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric in this pipeline")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> byPipelineTop(@Valid @BeanParam RankingParams ranking, @PathParam("pipeline") String pipeline,
            @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.pipeline(pipeline), page);
    }

    @GET
    @Path("pipelines/{pipeline}/builds/{build}/{direction: head|tail}/metrics")
    @Operation(summary = "Rank a build's metrics by a resource (10)", description = RANKING)
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric in this build")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> byBuild(@Valid @BeanParam RankingParams ranking, @PathParam("pipeline") String pipeline,
            @PathParam("build") String build, @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.build(pipeline, build), page);
    }

    @GET
    @Path("pipelines/{pipeline}/builds/{build}/{direction: head|tail}/{n}/metrics")
    @Operation(summary = "Rank a build's metrics by a resource (n)", description = RANKING)
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric in this build")
    @APIResponse(responseCode = "400", description = BAD_REQUEST,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> byBuildTop(@Valid @BeanParam RankingParams ranking, @PathParam("pipeline") String pipeline,
            @PathParam("build") String build, @Valid @BeanParam PageParam page) {
        return rank(ranking, ResourceScope.build(pipeline, build), page);
    }

    /**
     * The ranking {@code ranking} asks for within {@code scope}, all of its (at most 500) metrics in one body as
     * the reference server answers: a single page whatever the listings' page size, so {@code ?page=2} is past
     * the end (404).
     */
    private PageJson<MetricJson> rank(RankingParams ranking, ResourceScope scope, PageParam page) {
        var found = queries.findRanked(caller.tenantId(), ranking.resource(), ranking.highest(), scope, ranking.limit(),
                pages.request(page, ranking.limit()));
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }
}
