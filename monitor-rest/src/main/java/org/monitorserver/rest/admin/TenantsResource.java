package org.monitorserver.rest.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.monitorserver.api.ApiKeyJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.NewApiKeyJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.api.TenantJson;
import org.monitorserver.api.UserJson;
import org.monitorserver.domain.tenant.Credential;
import org.monitorserver.domain.tenant.Names;
import org.monitorserver.domain.tenant.Role;
import org.monitorserver.domain.tenant.Tenant;
import org.monitorserver.domain.tenant.User;
import org.monitorserver.persistence.ConflictException;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.tenant.Accounts;
import org.monitorserver.persistence.tenant.ApiKeys;
import org.monitorserver.rest.InvalidRequestException;
import org.monitorserver.rest.PageParam;
import org.monitorserver.rest.Pages;
import org.monitorserver.rest.security.Caller;
import org.monitorserver.rest.security.VerifiedKeys;

/**
 * {@code /api/v1/admin/tenants}: tenants, their users and the users' API keys. Every route needs an admin key,
 * with authentication on or off: the superadmin manages every tenant, a tenant admin their own tenant's users and
 * keys (another tenant's name is 403, whether it exists or not).
 */
@ApplicationScoped
@Path("admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Tenants, users and API keys (admin keys only)")
@APIResponse(responseCode = "401", description = "No valid credentials",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "403", description = "Not an admin, or not an admin of this tenant",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class TenantsResource {

    @EJB
    Accounts accounts;

    @EJB
    ApiKeys keys;

    @Inject
    VerifiedKeys verified;

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Inject
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a tenant", description = "Superadmin only. Body: {\"name\": \"team-a\"}.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TenantJson.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TenantJson.class)))
    @APIResponse(responseCode = "400", description = "Bad name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The tenant exists",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response createTenant(JsonObject body) {
        requireSuperadmin();
        Tenant tenant = accounts.createTenant(name(body, "tenant"));
        return Response.created(uri.getBaseUriBuilder().path("admin/tenants").path(tenant.getName()).build())
                .entity(AccountAssembler.toJson(tenant)).build();
    }

    @GET
    @Operation(summary = "List tenants", description = "By name. The superadmin sees all; a tenant admin their own.")
    @APIResponse(responseCode = "200")
    public PageJson<TenantJson> listTenants(@Valid @BeanParam PageParam page) {
        Credential admin = caller.requireAdmin();
        if (admin.role() == Role.SUPERADMIN) {
            return pages.render(Rows.TENANTS, accounts.listTenants(pages.request(page)).map(AccountAssembler::toJson),
                    uri);
        }
        // A tenant admin's listing is their own tenant, a listing of one.
        TenantJson own = AccountAssembler.toJson(accounts.findTenant(admin.tenantId()).orElseThrow());
        return pages.render(Rows.TENANTS, PageQuery.fetch((offset, rows) -> List.of(own), 1, pages.request(page)),
                uri);
    }

    @GET
    @Path("{tenant}")
    @Operation(summary = "Get a tenant")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantJson.class)))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public TenantJson getTenant(@PathParam("tenant") String tenant) {
        return AccountAssembler.toJson(managedTenant(tenant));
    }

    @POST
    @Path("{tenant}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user",
            description = "Body: {\"name\": \"ci\", \"role\": \"user\"}; role is user (the default) or tenant_admin.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UserJson.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = UserJson.class)))
    @APIResponse(responseCode = "400", description = "Bad name or role",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The tenant has a user of that name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response createUser(@PathParam("tenant") String tenant, JsonObject body) {
        Tenant owner = managedTenant(tenant);
        String name = name(body, "user");
        Role role = role(body);
        User user = accounts.createUser(owner.getId(), name, role);
        return Response.created(uri.getAbsolutePathBuilder().path(user.getName()).build())
                .entity(AccountAssembler.toJson(user, owner.getName())).build();
    }

    @GET
    @Path("{tenant}/users")
    @Operation(summary = "List a tenant's users", description = "By name.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<UserJson> listUsers(@PathParam("tenant") String tenant, @Valid @BeanParam PageParam page) {
        Tenant owner = managedTenant(tenant);
        return pages.render(Rows.USERS, accounts.listUsers(owner.getId(), pages.request(page))
                .map(user -> AccountAssembler.toJson(user, owner.getName())), uri);
    }

    @GET
    @Path("{tenant}/users/{user}")
    @Operation(summary = "Get a user")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserJson.class)))
    @APIResponse(responseCode = "404", description = "No such tenant or user",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public UserJson getUser(@PathParam("tenant") String tenant, @PathParam("user") String user) {
        Tenant owner = managedTenant(tenant);
        return AccountAssembler.toJson(user(owner, user), owner.getName());
    }

    @PATCH
    @Path("{tenant}/users/{user}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Disable or enable a user",
            description = "Body: {\"disabled\": true}. A disabled user's keys all get 401, at once on this server and "
                    + "within 5 s on the others. The superadmin cannot be disabled.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserJson.class)))
    @APIResponse(responseCode = "400", description = "No boolean disabled",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such tenant or user",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The superadmin cannot be disabled",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public UserJson updateUser(@PathParam("tenant") String tenant, @PathParam("user") String user, JsonObject body) {
        Tenant owner = managedTenant(tenant);
        User stored = user(owner, user);
        JsonValue disabled = body.get("disabled");
        if (disabled != JsonValue.TRUE && disabled != JsonValue.FALSE) {
            throw new InvalidRequestException("invalid user change", Map.of("disabled", "must be true or false"));
        }
        if (stored.getRole() == Role.SUPERADMIN && disabled == JsonValue.TRUE) {
            throw new ConflictException("the superadmin cannot be disabled");
        }
        User changed = accounts.setDisabled(stored, disabled == JsonValue.TRUE);
        verified.forgetAll();
        return AccountAssembler.toJson(changed, owner.getName());
    }

    @POST
    @Path("{tenant}/users/{user}/keys")
    @Operation(summary = "Issue an API key", description = "The answer is the only time the key is shown.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = NewApiKeyJson.class)))
    @APIResponse(responseCode = "404", description = "No such tenant or user",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response issueKey(@PathParam("tenant") String tenant, @PathParam("user") String user) {
        User holder = user(managedTenant(tenant), user);
        ApiKeys.IssuedKey issued = keys.issue(holder.getId());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(issued.record().getId())).build())
                .entity(AccountAssembler.toJson(issued)).build();
    }

    @GET
    @Path("{tenant}/users/{user}/keys")
    @Operation(summary = "List a user's keys",
            description = "Oldest first, revoked ones too; never the keys themselves, only their ids.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "No such tenant or user",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public PageJson<ApiKeyJson> listKeys(@PathParam("tenant") String tenant, @PathParam("user") String user,
            @Valid @BeanParam PageParam page) {
        User holder = user(managedTenant(tenant), user);
        return pages.render(Rows.KEYS, keys.list(holder.getId(), pages.request(page))
                .map(key -> AccountAssembler.toJson(key, holder.getName())), uri);
    }

    @DELETE
    @Path("{tenant}/users/{user}/keys/{id: [0-9]{1,18}}")
    @Operation(summary = "Revoke a key", description = "At once on this server, within 5 s on the others.")
    @APIResponse(responseCode = "204", description = "Revoked (or revoked already)")
    @APIResponse(responseCode = "404", description = "No such tenant, user or key",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response revokeKey(@PathParam("tenant") String tenant, @PathParam("user") String user,
            @PathParam("id") long id) {
        User holder = user(managedTenant(tenant), user);
        if (!keys.revoke(holder.getId(), id)) {
            throw new NotFoundException("no key " + id + " of user " + user);
        }
        verified.forgetAll();
        return Response.noContent().build();
    }

    @POST
    @Path("{tenant}/users/{user}/keys/{id: [0-9]{1,18}}/rotate")
    @Operation(summary = "Rotate a key", description = "Revokes the key and issues a new one, shown this once.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = NewApiKeyJson.class)))
    @APIResponse(responseCode = "404", description = "No such tenant, user or key",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "The key is revoked already",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response rotateKey(@PathParam("tenant") String tenant, @PathParam("user") String user,
            @PathParam("id") long id) {
        User holder = user(managedTenant(tenant), user);
        // Why it failed is asked only when it did: the usual rotation reads the key once.
        ApiKeys.IssuedKey issued = keys.rotate(holder.getId(), id).orElseThrow(() -> keys.find(holder.getId(), id)
                .isEmpty() ? new NotFoundException("no key " + id + " of user " + user)
                        : new ConflictException("key " + id + " is revoked already"));
        verified.forgetAll();
        return Response.created(uri.getBaseUriBuilder().path("admin/tenants").path(tenant).path("users").path(user)
                .path("keys").path(String.valueOf(issued.record().getId())).build())
                .entity(AccountAssembler.toJson(issued)).build();
    }

    private void requireSuperadmin() {
        if (caller.requireAdmin().role() != Role.SUPERADMIN) {
            throw new ForbiddenException("only the superadmin manages tenants");
        }
    }

    /** Tenant {@code name} if the caller manages it: 403 for another tenant's admin, 404 when unknown. */
    private Tenant managedTenant(String name) {
        Credential admin = caller.requireAdmin();
        if (admin.role() != Role.SUPERADMIN && !admin.tenantName().equals(name)) {
            throw new ForbiddenException("a tenant admin manages their own tenant only");
        }
        return accounts.findTenant(name).orElseThrow(() -> new NotFoundException("no tenant " + name));
    }

    private User user(Tenant tenant, String name) {
        return accounts.findUser(tenant.getId(), name)
                .orElseThrow(() -> new NotFoundException("no user " + name + " in tenant " + tenant.getName()));
    }

    private static String name(JsonObject body, String what) {
        JsonValue value = body.get("name");
        String name = value instanceof JsonString text ? text.getString() : null;
        if (!Names.isValid(name)) {
            throw new InvalidRequestException("invalid " + what, Map.of("name", "must match " + Names.PATTERN));
        }
        return name;
    }

    private static Role role(JsonObject body) {
        JsonValue value = body.get("role");
        if (value == null || value == JsonValue.NULL) {
            return Role.USER;
        }
        Role role = value instanceof JsonString text ? Role.ofWireName(text.getString()).orElse(null)
                : null;
        if (role == null || role == Role.SUPERADMIN) {
            throw new InvalidRequestException("invalid user", Map.of("role", "must be user or tenant_admin"));
        }
        return role;
    }
}
