/**
 * The web pages under {@code /ui/} (docs/pages.md): the servlet that answers every page path with the one HTML
 * shell and the shell's scripts and styles from the WAR. The pages hold no data of their own: their scripts read
 * the REST API under {@code /api/v1} with the user's key, so this package never touches a service, an
 * {@code EntityManager} or a tenant; the files themselves are in {@code src/main/webapp/ui}, and uPlot comes from
 * its webjar under {@code /webjars/}.
 */
package org.monitorserver.rest.ui;
