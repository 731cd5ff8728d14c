package org.monitorserver.rest;

import jakarta.enterprise.context.RequestScoped;
import org.monitorserver.domain.tenant.Tenant;

/**
 * The tenant a request acts for. Every request acts for the default tenant until API keys arrive; resources
 * already ask this bean, so that scoping them later changes one place.
 */
@RequestScoped
public class CurrentTenant {

    public long id() {
        return Tenant.DEFAULT_ID;
    }
}
