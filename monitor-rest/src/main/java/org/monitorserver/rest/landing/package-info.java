/** {@code GET /}: the landing page that says what the server is, its versions, and where to go next. */
package org.monitorserver.rest.landing;
