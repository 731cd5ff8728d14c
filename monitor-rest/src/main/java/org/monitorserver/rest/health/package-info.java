/**
 * The operators' view: {@code /api/v1/health} for load balancers and scripts, and the request meters of WildFly's
 * Prometheus endpoint ({@code /metrics}, on the management interface).
 */
package org.monitorserver.rest.health;
