/**
 * The metrics that use the most or the least of a resource, overall or within a component, pipeline or build
 * ({@link org.monitorserver.persistence.resource.ResourceQueries}).
 */
package org.monitorserver.persistence.resource;
