/**
 * Tenants, their users and the users' API keys. Every stored row belongs to a tenant; a request acts for the
 * tenant of the key it presents, or for {@link org.monitorserver.domain.tenant.Tenant#DEFAULT_ID} with
 * authentication off. Keys are stored as hashes ({@link org.monitorserver.domain.tenant.KeyHash}), never as keys.
 */
package org.monitorserver.domain.tenant;
