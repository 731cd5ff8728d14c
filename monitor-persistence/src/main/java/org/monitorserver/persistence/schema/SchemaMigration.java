package org.monitorserver.persistence.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.monitorserver.persistence.Dialect;

/**
 * Brings the schema to the current version before the application serves anything: the EAR initializes this
 * module first, and a failed migration fails the deployment instead of serving a half-made schema. EclipseLink
 * never generates tables; it could not add an index to an existing one.
 */
@Singleton
@Startup
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private static final String COMMON = "classpath:db/migration/common";

    @Resource(lookup = "java:jboss/datasources/MonitorDS")
    private DataSource dataSource;

    private volatile String version = "none";
    private volatile Dialect dialect;

    // No JTA transaction: Flyway commits each migration itself on the container's connection.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        dialect = detectDialect();
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(COMMON, "classpath:db/migration/" + dialect.folder())
                .table("schema_history")
                .load()
                .migrate();
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Schema of " + result.database + " at version " + version + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }

    private Dialect detectDialect() {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.ofProduct(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("MonitorDS does not answer: " + e.getMessage(), e);
        }
    }

    /** The database behind MonitorDS, for the few statements that differ. */
    // SUPPORTS, not NOT_SUPPORTED: writers call this inside their transaction, which must not be suspended for it.
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Dialect dialect() {
        return dialect;
    }

    /** The schema version the database had after start-up. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String version() {
        return version;
    }
}
