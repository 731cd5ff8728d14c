/**
 * The database schema's life: Flyway migrations run against the container's datasource when the application
 * starts ({@link org.monitorserver.persistence.schema.SchemaMigration}), and the readiness check behind the
 * health route ({@link org.monitorserver.persistence.schema.DatabaseStatus}). Scripts live in
 * {@code db/migration/common} and, where H2 and PostgreSQL differ, in {@code db/migration/<vendor>}.
 */
package org.monitorserver.persistence.schema;
