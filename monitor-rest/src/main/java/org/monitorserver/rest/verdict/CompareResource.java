package org.monitorserver.rest.verdict;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.ComparisonJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.persistence.verdict.ComparisonQueries;
import org.monitorserver.persistence.verdict.ComparisonReport;
import org.monitorserver.rest.MonitorSettings;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.security.Caller;

/** {@code /api/v1/compare}: two refs compared test by test, with regression verdicts (docs/verdicts.md). */
@ApplicationScoped
@Path("compare")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "verdicts", description = "Regression verdicts between builds, and histories across builds")
public class CompareResource {

    @EJB
    ComparisonQueries comparisons;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    MonitorSettings settings;

    @Inject
    UriInfo uri;

    @GET
    @Operation(summary = "Compare two builds",
            description = "For every test (component, item_path, item_variant) in both refs and every resource: "
                    + "both values (the median of the ref's runs), the change in percent and a verdict. A change "
                    + "counts only beyond the threshold and beyond the test's noise: a t prediction interval over "
                    + "the builds before the baseline on its pipeline, and a Mann-Whitney U test of the runs. Rows "
                    + "sorted by change (-change, the default: largest rise first), paged like every listing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComparisonJson.class)))
    @APIResponse(responseCode = "400", description = "A side not named one way, or a bad parameter",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "A side has no session, or no such page",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ComparisonJson compare(@Valid @BeanParam CompareParams params, @Valid @BeanParam PageParam page) {
        var request = params.toRequest();
        ComparisonReport report = comparisons.compare(caller.tenantId(), request, settings.compareThreshold(),
                pages.request(page));
        if (report.baseline().sessions() == 0 || report.contender().sessions() == 0) {
            throw new NotFoundException((report.baseline().sessions() == 0 ? "the baseline" : "the contender")
                    + " has no session");
        }
        return VerdictAssembler.toJson(request, report, pages.links(report.rows(), uri));
    }
}
