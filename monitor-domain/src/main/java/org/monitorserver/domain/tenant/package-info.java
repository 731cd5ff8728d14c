/**
 * Tenants: every stored row belongs to one, so that queries can be scoped per organization without a
 * migration. Until tenants and API keys arrive, everything belongs to {@link org.monitorserver.domain.tenant.Tenant#DEFAULT_ID}.
 */
package org.monitorserver.domain.tenant;
