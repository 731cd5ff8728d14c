package org.monitorserver.rest.variant;

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
import org.monitorserver.api.CountJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.persistence.metric.MetricQueries;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.metric.MetricAssembler;
import org.monitorserver.rest.security.Caller;

/**
 * {@code /api/v1/variants}: the metrics of a test variant (the item with its parameters, {@code test_x[1, a]}),
 * by exact name or by a part of it. The API document shows the substring search both as
 * {@code /variants/like/<part>} and {@code /variants/like/<part>/metrics}; both are served. Literal segments win
 * over templates, so a variant named {@code like} is still reached by {@code /variants/like/metrics}.
 */
@ApplicationScoped
@Path("variants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "variants", description = "Metrics by test variant (the item with its parameters)")
public class VariantsResource {

    @EJB
    MetricQueries metrics;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    UriInfo uri;

    @GET
    @Path("like/{pattern}/metrics")
    @Operation(summary = "List metrics by variant pattern",
            description = "The metrics whose variant contains the given text (case-sensitive; %, _ and \\ are "
                    + "literal, not wildcards), in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No variant contains this text")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> metricsLike(@PathParam("pattern") String pattern, @Valid @BeanParam PageParam page) {
        var found = metrics.findByVariantContaining(caller.tenantId(), pattern, pages.request(page));
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }

    @GET
    @Path("like/{pattern}")
    @Operation(summary = "List metrics by variant pattern (short form)",
            description = "Same as /variants/like/{pattern}/metrics, the other spelling of the API document.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No variant contains this text")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> like(@PathParam("pattern") String pattern, @Valid @BeanParam PageParam page) {
        return metricsLike(pattern, page);
    }

    @GET
    @Path("{variant}/metrics")
    @Operation(summary = "List metrics of a variant",
            description = "The metrics of the variant with exactly this name, in arrival order.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "204", description = "No metric of this variant")
    @APIResponse(responseCode = "400", description = "Bad page parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<MetricJson> metrics(@PathParam("variant") String variant, @Valid @BeanParam PageParam page) {
        var found = metrics.findByVariant(caller.tenantId(), variant, pages.request(page));
        return pages.render(Rows.METRICS, found.map(MetricAssembler::toJson), uri);
    }

    @GET
    @Path("{variant}/metrics/count")
    @Operation(summary = "Count metrics of a variant")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CountJson.class)))
    public CountJson countMetrics(@PathParam("variant") String variant) {
        return new CountJson(metrics.countByVariant(caller.tenantId(), variant));
    }
}
