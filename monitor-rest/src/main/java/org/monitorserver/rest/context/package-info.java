/** The {@code /api/v1/contexts} routes: execution contexts posted by pytest-monitor and their lookups. */
package org.monitorserver.rest.context;
