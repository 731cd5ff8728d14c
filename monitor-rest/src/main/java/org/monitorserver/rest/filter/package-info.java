/**
 * The {@code /api/v1/filters} routes: metrics and sessions selected through a condition that is not their own
 * key, the SCM reference of their session (a prefix, taken literally) or their scope (the item's kind, exact).
 * Resources here only map requests to the query services and pages to JSON; the queries live in
 * {@code monitor-persistence}.
 */
package org.monitorserver.rest.filter;
