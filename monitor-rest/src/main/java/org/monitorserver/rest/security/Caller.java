package org.monitorserver.rest.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.ForbiddenException;
import java.util.Optional;
import org.monitorserver.domain.tenant.Credential;
import org.monitorserver.domain.tenant.Role;
import org.monitorserver.domain.tenant.Tenant;

/**
 * Who a request acts for: the user and tenant of the key it presented, or, with authentication off and no key,
 * nobody in tenant {@code default}. Every resource scopes its data by {@link #tenantId()}; admin routes call
 * {@link #requireAdmin()} first.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    private Optional<Credential> credential;

    /** The key, user and tenant the request authenticated with; empty for an anonymous request. */
    public Optional<Credential> credential() {
        if (credential == null) {
            credential = security.getCallerPrincipal() instanceof MonitorPrincipal principal
                    ? Optional.of(principal.credential()) : Optional.empty();
        }
        return credential;
    }

    /** The tenant whose data the request reads and writes. */
    public long tenantId() {
        return credential().map(Credential::tenantId).orElse(Tenant.DEFAULT_ID);
    }

    /** The user to record as the sender of what the request stores; null when anonymous. */
    public Long userId() {
        return credential().map(Credential::userId).orElse(null);
    }

    /** Whether the caller is the superadmin. */
    public boolean isSuperadmin() {
        return credential().map(c -> c.role() == Role.SUPERADMIN).orElse(false);
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
