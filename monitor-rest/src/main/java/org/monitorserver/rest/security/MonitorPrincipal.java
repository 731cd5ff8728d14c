package org.monitorserver.rest.security;

import jakarta.security.enterprise.CallerPrincipal;
import org.monitorserver.domain.tenant.Credential;

/** The caller of an authenticated request: the user behind the key, with their tenant and role. */
public final class MonitorPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final transient Credential credential;

    MonitorPrincipal(Credential credential) {
        super(credential.userName());
        this.credential = credential;
    }

    /** The key, user and tenant the request authenticated with. */
    public Credential credential() {
        return credential;
    }
}
