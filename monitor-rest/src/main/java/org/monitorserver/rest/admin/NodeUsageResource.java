package org.monitorserver.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.NodeUsageJson;
import org.monitorserver.domain.tenant.Credential;
import org.monitorserver.domain.tenant.Role;
import org.monitorserver.persistence.tenant.Accounts;
import org.monitorserver.persistence.usage.Grouping;
import org.monitorserver.persistence.usage.NodeUsageQueries;
import org.monitorserver.persistence.usage.TenantScope;
import org.monitorserver.persistence.usage.UsageReport;
import org.monitorserver.rest.InvalidRequestException;
import org.monitorserver.rest.security.Caller;

/**
 * {@code GET /api/v1/metrics/nodes/usage}: node-seconds used, as the admin metrics reference (004) defines them
 * and with its access rules: admins only; a tenant admin sees their own tenant, and {@code user=} is their
 * tenant's user; the superadmin sees every tenant, {@code user=} matches that name in every tenant, and only the
 * superadmin may name a {@code tenant=} (anyone else gets 405).
 */
@ApplicationScoped
@Path("metrics/nodes/usage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Tenants, users and API keys (admin keys only)")
public class NodeUsageResource {

    @EJB
    NodeUsageQueries usage;

    @EJB
    Accounts accounts;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Node usage metrics",
            description = "Node-seconds between start and end (epoch seconds): a node is an execution context, busy "
                    + "for a session from its first metric's start to its last metric's end; overlapping sessions "
                    + "on one node count once.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NodeUsageJson.class)))
    @APIResponse(responseCode = "400", description = "Bad start, end or groupby",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "No valid credentials",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such tenant (superadmin's tenant=)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "405", description = "tenant= from anyone but the superadmin",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public NodeUsageJson usage(
            @Parameter(description = "Epoch seconds; default: the earliest data") @QueryParam("start") String start,
            @Parameter(description = "Epoch seconds; default: now") @QueryParam("end") String end,
            @Parameter(description = "Only sessions sent by users of this name") @QueryParam("user") String user,
            @Parameter(description = "Superadmin only: one tenant") @QueryParam("tenant") String tenant,
            @Parameter(description = "hour, day, week (ISO, from Monday) or month, in UTC")
            @QueryParam("groupby") String groupby) {
        Credential admin = caller.requireAdmin();
        boolean superadmin = admin.role() == Role.SUPERADMIN;
        if (tenant != null && !superadmin) {
            throw new WebApplicationException("tenant= is for the superadmin only",
                    Response.Status.METHOD_NOT_ALLOWED);
        }
        OptionalLong from = epochSeconds("start", start);
        OptionalLong to = epochSeconds("end", end);
        if (from.isPresent() && to.isPresent() && from.getAsLong() > to.getAsLong()) {
            throw new InvalidRequestException("invalid range", Map.of("start", "must not be after end"));
        }
        TenantScope scope;
        if (!superadmin) {
            scope = TenantScope.of(admin.tenantId());
        } else if (tenant != null) {
            scope = TenantScope.of(accounts.findTenant(tenant)
                    .orElseThrow(() -> new NotFoundException("no tenant " + tenant)).getId());
        } else {
            scope = TenantScope.all();
        }
        UsageReport report = usage.usage(scope, Optional.ofNullable(user).filter(u -> !u.isEmpty()), from, to,
                grouping(groupby));
        return new NodeUsageJson(report.start(), report.end(),
                report.data().stream().map(p -> new NodeUsageJson.Usage(p.time(), p.value())).toList());
    }

    private static OptionalLong epochSeconds(String name, String value) {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!value.matches("\\d{1,12}")) {
            throw new InvalidRequestException("invalid " + name, Map.of(name, "must be epoch seconds (0 or more)"));
        }
        return OptionalLong.of(Long.parseLong(value));
    }

    private static Grouping grouping(String groupby) {
        if (groupby == null || groupby.isEmpty()) {
            return Grouping.NONE;
        }
        return switch (groupby.toLowerCase(Locale.ROOT)) {
            case "hour" -> Grouping.HOUR;
            case "day" -> Grouping.DAY;
            case "week" -> Grouping.WEEK;
            case "month" -> Grouping.MONTH;
            default -> throw new InvalidRequestException("invalid groupby",
                    Map.of("groupby", "must be hour, day, week or month"));
        };
    }
}
