/**
 * Tenants, users and API keys in the database ({@code Accounts}, {@code ApiKeys}): what the admin routes manage and
 * what authentication looks keys up in. Keys exist in clear only when issued; the database holds their hashes.
 */
package org.monitorserver.persistence.tenant;
