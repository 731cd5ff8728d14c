/**
 * The {@code /api/v1/variants} routes: the metrics of a test variant (the item with its parameters, such as
 * {@code test_x[1, a]}) by its exact name or by a part of it ({@code /variants/like/<part>}, taken literally).
 * Resources here only map requests to the query services and pages to JSON; the queries live in
 * {@code monitor-persistence}.
 */
package org.monitorserver.rest.variant;
