package org.monitorserver.rest.item;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import org.monitorserver.api.HistoryJson;
import org.monitorserver.persistence.metric.MetricQueries;
import org.monitorserver.persistence.verdict.ComparisonQueries;
import org.monitorserver.rest.MonitorSettings;
import org.monitorserver.rest.verdict.VerdictAssembler;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.metric.MetricAssembler;
import org.monitorserver.rest.security.Caller;

/**
 * {@code /api/v1/items}: the metrics of a test item (the test's name without parameters), by exact name or by a
 * part of it. Literal segments win over templates, so {@code /items/like/<part>/metrics} is the substring
 * search; an item named {@code like} is still reached by {@code /items/like/metrics}.
 */
@ApplicationScoped
@Path("items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "items", description = "Metrics by test item, whatever its variants")
public class ItemsResource {

    @EJB
    MetricQueries metrics;

    @EJB
    ComparisonQueries comparisons;

    @Inject
    MonitorSettings settings;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    UriInfo uri;

    @GET
    @Path("like/{pattern}/metrics")
    @Operation(summary = "List metrics by item pattern",
            description = "The metrics whose item name contains the given text (case-sensitive; %, _ and \\ are "
                    + "literal, not wildcards), in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No item contains this text")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> metricsLike(@PathParam("pattern") String pattern, @Valid @BeanParam PageParam page) {
        var found = metrics.findByItemContaining(caller.tenantId(), pattern, pages.request(page));
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }

    @GET
    @Path("{item}/history")
    @Operation(summary = "An item's history across builds",
            description = "The item's use of one resource across the builds of one pipeline (ordered by their "
                    + "earliest session run_date): per build the median of its runs, the change points found by "
                    + "E-Divisive means, and each point's verdict against the points before it. One series per "
                    + "test of that name (component, item_path, item_variant); variant= keeps one.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HistoryJson.class)))
    @APIResponse(responseCode = "400", description = "Missing or bad resource or pipeline",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "The item never ran in this pipeline",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public HistoryJson history(@PathParam("item") String item, @Valid @BeanParam HistoryParams params) {
        var report = comparisons.history(caller.tenantId(), item, params.variant(), params.pipeline(),
                params.resource(), settings.compareThreshold());
        if (report.series().isEmpty()) {
            throw new NotFoundException("item " + item + " has no run in a build of pipeline " + params.pipeline());
        }
        return VerdictAssembler.toJson(report);
    }

    @GET
    @Path("{item}/metrics")
    @Operation(summary = "List metrics of an item",
            description = "The metrics of the item with exactly this name, whatever its variants, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric of this item")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> metrics(@PathParam("item") String item, @Valid @BeanParam PageParam page) {
        var found = metrics.findByItem(caller.tenantId(), item, pages.request(page));
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }

    @GET
    @Path("{item}/metrics/count")
    @Operation(summary = "Count metrics of an item")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountJson.class)))
    public CountJson countMetrics(@PathParam("item") String item) {
        return new CountJson(metrics.countByItem(caller.tenantId(), item));
    }
}
