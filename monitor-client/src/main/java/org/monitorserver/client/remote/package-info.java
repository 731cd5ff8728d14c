/**
 * The remote dialect: the REST API v1 through the Jakarta REST client (Jersey, JSON-B) with connect and read
 * timeouts, bounded retries of idempotent GETs, page walking by {@code next_url}, typed failures, and the
 * import jobs' upload and polling.
 */
package org.monitorserver.client.remote;
