package org.monitorserver.rest.component;

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
import org.monitorserver.api.CountJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Parents;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.domain.metric.MetricRow;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.component.ComponentQueries;
import org.monitorserver.persistence.metric.MetricQueries;
import org.monitorserver.persistence.pipeline.PipelineQueries;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.metric.MetricAssembler;
import org.monitorserver.rest.security.Caller;

/**
 * {@code /api/v1/components}: the components metrics name, their metrics, items, variants, pipelines, builds
 * and build sessions. The empty component is not a component: it is never listed, and the forms without a
 * component ({@code /components/metrics}, {@code /components/items/<i>/metrics},
 * {@code /components/variants/<v>/metrics}) select the metrics that have none. Literal segments win over
 * templates (JAX-RS ranks paths by their literal characters), so {@code /components/metrics} and
 * {@code /components/count} never reach {@code /components/{prefix}}.
 */
@ApplicationScoped
@Path("components")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "components", description = "Components named by metrics, with their metrics and CI pipelines")
public class ComponentsResource {

    /** What a metric without component stores, and what the component-less forms select. */
    private static final String NO_COMPONENT = "";

    @EJB
    ComponentQueries components;

    @EJB
    MetricQueries metrics;

    @EJB
    PipelineQueries pipelines;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    UriInfo uri;

    @GET
    @Operation(summary = "List components", description = "Every component, sorted by name. The empty component "
            + "is not listed.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No component")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<String> list(@Valid @BeanParam PageParam page) {
        return findByPrefix("", page);
    }

    @GET
    @Path("count")
    @Operation(summary = "Count components", description = "The empty component is not counted.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountJson.class)))
    public CountJson count() {
        return new CountJson(components.count(caller.tenantId()));
    }

    @GET
    @Path("{prefix}")
    @Operation(summary = "Find components by prefix",
            description = "Components whose name starts with the prefix (case-sensitive, taken literally), "
                    + "sorted by name.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No component has this prefix")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<String> findByPrefix(@PathParam("prefix") String prefix, @Valid @BeanParam PageParam page) {
        return pages.render(Rows.COMPONENTS, components.findByPrefix(caller.tenantId(), prefix, pages.request(page)), uri);
    }

    @GET
    @Path("metrics")
    @Operation(summary = "List metrics without component",
            description = "The metrics whose component is empty, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric without component")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> metricsWithoutComponent(@Valid @BeanParam PageParam page) {
        return metricsOf(NO_COMPONENT, page);
    }

    @GET
    @Path("{component}/metrics")
    @Operation(summary = "List a component's metrics", description = "In arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric of this component")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> metricsOf(@PathParam("component") String component, @Valid @BeanParam PageParam page) {
        return renderMetrics(metrics.findByComponent(caller.tenantId(), component, pages.request(page)));
    }

    @GET
    @Path("items/{item}/metrics")
    @Operation(summary = "List an item's metrics without component",
            description = "The metrics of the test item (exact name) whose component is empty, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No such metric")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> itemMetricsWithoutComponent(@PathParam("item") String item, @Valid @BeanParam PageParam page) {
        return itemMetricsOf(NO_COMPONENT, item, page);
    }

    @GET
    @Path("{component}/items/{item}/metrics")
    @Operation(summary = "List an item's metrics in a component",
            description = "The metrics of the test item (exact name) in the component, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No such metric")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> itemMetricsOf(@PathParam("component") String component, @PathParam("item") String item,
            @Valid @BeanParam PageParam page) {
        return renderMetrics(metrics.findByComponentAndItem(caller.tenantId(), component, item, pages.request(page)));
    }

    @GET
    @Path("variants/{variant}/metrics")
    @Operation(summary = "List a variant's metrics without component",
            description = "The metrics of the variant (exact name) whose component is empty, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No such metric")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> variantMetricsWithoutComponent(@PathParam("variant") String variant,
            @Valid @BeanParam PageParam page) {
        return variantMetricsOf(NO_COMPONENT, variant, page);
    }

    @GET
    @Path("{component}/variants/{variant}/metrics")
    @Operation(summary = "List a variant's metrics in a component",
            description = "The metrics of the variant (exact name) in the component, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No such metric")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> variantMetricsOf(@PathParam("component") String component, @PathParam("variant") String variant,
            @Valid @BeanParam PageParam page) {
        return renderMetrics(metrics.findByComponentAndVariant(caller.tenantId(), component, variant, pages.request(page)));
    }

    @GET
    @Path("{component}/pipelines")
    @Operation(summary = "List a component's pipelines",
            description = "The pipelines (tag pipeline_branch) of sessions that have metrics of the component, "
                    + "sorted by name.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No pipeline for this component")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<String> pipelinesOf(@PathParam("component") String component, @Valid @BeanParam PageParam page) {
        var found = pipelines.findPipelinesOfComponent(caller.tenantId(), component, pages.request(page));
        return pages.render(Rows.PIPELINES, found, uri, new Parents(component, null, null));
    }

    @GET
    @Path("{component}/pipelines/{pipeline}/builds")
    @Operation(summary = "List a component's builds of a pipeline",
            description = "The builds (tag pipeline_build_no, as text) of the pipeline's sessions that have "
                    + "metrics of the component, sorted by name.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No build for this component and pipeline")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<String> buildsOf(@PathParam("component") String component, @PathParam("pipeline") String pipeline,
            @Valid @BeanParam PageParam page) {
        var found = pipelines.findBuildsOfComponent(caller.tenantId(), component, pipeline, pages.request(page));
        return pages.render(Rows.BUILDS, found, uri, new Parents(component, pipeline, null));
    }

    @GET
    @Path("{component}/pipelines/{pipeline}/builds/{build}/sessions")
    @Operation(summary = "List a component's sessions of a build",
            description = "The hashes of the build's sessions that have metrics of the component, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No session for this component and build")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<String> buildSessionsOf(@PathParam("component") String component, @PathParam("pipeline") String pipeline,
            @PathParam("build") String build, @Valid @BeanParam PageParam page) {
        var found = pipelines.findBuildSessionsOfComponent(caller.tenantId(), component, pipeline, build,
                pages.request(page));
        return pages.render(Rows.SESSIONS, found, uri,
                new Parents(component, pipeline, build));
    }

    private PageJson<MetricJson> renderMetrics(Page<MetricRow> found) {
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }
}
