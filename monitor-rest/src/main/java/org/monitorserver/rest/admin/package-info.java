/**
 * The admin routes ({@code /api/v1/admin/...}): tenants, users and API keys. Every one needs an admin key, with
 * authentication on or off; which tenants an admin manages is decided here, from the {@code Caller}.
 */
package org.monitorserver.rest.admin;
