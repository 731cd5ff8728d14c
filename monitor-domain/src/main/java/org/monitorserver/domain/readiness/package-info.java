/**
 * Readiness for WildFly's MicroProfile Health ({@code /health/ready} on the management interface): is the database
 * there? {@link org.monitorserver.domain.readiness.DatabaseReadinessCheck} answers DOWN while it is not, so that a load
 * balancer or an orchestrator stops sending requests. It lives here, apart from the domain model, because WildFly
 * registers the health checks of an EAR only from the beans of its {@code lib/} folder, where this jar is, and not
 * from the EJB or web module. The check asks {@link org.monitorserver.domain.readiness.DatabaseReadiness}, implemented
 * by {@code org.monitorserver.persistence.schema.DatabaseStatus}, so that the arrows still point from persistence to
 * here.
 */
package org.monitorserver.domain.readiness;
