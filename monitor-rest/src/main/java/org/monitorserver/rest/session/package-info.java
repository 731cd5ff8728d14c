/** The {@code /api/v1/sessions} routes: test sessions posted by pytest-monitor, with their tags, and their lookups. */
package org.monitorserver.rest.session;
