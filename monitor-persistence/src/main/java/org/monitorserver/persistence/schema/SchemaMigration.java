package org.monitorserver.persistence.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the current version before the application serves anything: the EAR initializes this
 * module first, and a failed migration fails the deployment instead of serving a half-made schema. EclipseLink
 * never generates tables; it could not add an index to an existing one.
 */
@Singleton
@Startup
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** Flyway fills in the database it finds ({@code postgresql}, {@code h2}) for vendor-specific scripts. */
    private static final String[] LOCATIONS = {"classpath:db/migration/common", "classpath:db/migration/{vendor}"};

    @Resource(lookup = "java:jboss/datasources/MonitorDS")
    private DataSource dataSource;

    private volatile String version = "none";

    // No JTA transaction: Flyway commits each migration itself on the container's connection.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .table("schema_history")
                .load()
                .migrate();
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Schema of " + result.database + " at version " + version + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }

    /** The schema version the database had after start-up. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String version() {
        return version;
    }
}
