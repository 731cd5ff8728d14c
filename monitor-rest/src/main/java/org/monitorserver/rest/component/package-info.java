/**
 * The {@code /api/v1/components} routes: the components that metrics name (the empty component is none), their
 * metrics by item and variant, including the forms without a component, and their CI pipelines, builds and build
 * sessions. Resources here only map requests to the query services and pages to JSON; the queries live in
 * {@code monitor-persistence}.
 */
package org.monitorserver.rest.component;
