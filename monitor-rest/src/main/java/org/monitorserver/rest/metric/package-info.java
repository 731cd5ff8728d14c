/** The {@code /api/v1/metrics} routes: the resource use of each test item, posted by pytest-monitor. */
package org.monitorserver.rest.metric;
