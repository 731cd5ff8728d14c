package org.monitorserver.rest.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import java.security.Principal;
import java.util.Optional;
import org.monitorserver.domain.tenant.Credential;
import org.monitorserver.domain.tenant.Tenant;
import org.monitorserver.rest.MonitorSettings;

/**
 * Who a request acts for: the user and tenant of the key it presented, or, with authentication off, nobody in
 * tenant {@code default}. Every resource scopes its data by {@link #tenantId()}; admin routes call
 * {@link #requireAdmin()} first.
 */
@RequestScoped
public class Caller {

    /** The request attribute that holds the {@link Credential} of an authenticated request. */
    static final String CREDENTIAL_ATTRIBUTE = Credential.class.getName();

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    @Inject
    MonitorSettings settings;

    private Optional<Credential> credential;

    /** The key, user and tenant the request authenticated with; empty for an anonymous request. */
    public Optional<Credential> credential() {
        if (credential == null) {
            // Set by the authentication mechanism, and only for the caller the container now knows.
            Principal principal = security.getCallerPrincipal();
            credential = principal != null
                    && request.getAttribute(CREDENTIAL_ATTRIBUTE) instanceof Credential known
                    && known.userName().equals(principal.getName())
                    ? Optional.of(known) : Optional.empty();
        }
        return credential;
    }

    /**
     * The tenant whose data the request reads and writes: the key's with authentication on, {@code default} with
     * it off (where a key only opens the admin routes, and data routes behave as before tenants existed).
     */
    public long tenantId() {
        return settings.authenticationOn() ? credential().map(Credential::tenantId).orElse(Tenant.DEFAULT_ID)
                : Tenant.DEFAULT_ID;
    }

    /** The user to record as the sender of what the request stores; null with authentication off. */
    public Long userId() {
        return settings.authenticationOn() ? credential().map(Credential::userId).orElse(null) : null;
    }

    /**
     * The caller's credential if it is an admin (a tenant admin or the superadmin). Admin routes need an admin key
     * even with authentication off.
     *
     * @throws NotAuthenticatedException (401) when the request has no credentials
     * @throws ForbiddenException (403) when the caller is not an admin
     */
    public Credential requireAdmin() {
        Credential caller = credential().orElseThrow(NotAuthenticatedException::new);
        if (!caller.role().isAdmin()) {
            throw new ForbiddenException("this route needs an admin key");
        }
        return caller;
    }
}
