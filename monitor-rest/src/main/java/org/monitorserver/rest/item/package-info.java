/**
 * The {@code /api/v1/items} routes: the metrics of a test item by its exact name, whatever its variants, or by a
 * part of its name ({@code /items/like/<part>/metrics}, taken literally). Resources here only map requests to the
 * query services and pages to JSON; the queries live in {@code monitor-persistence}.
 */
package org.monitorserver.rest.item;
