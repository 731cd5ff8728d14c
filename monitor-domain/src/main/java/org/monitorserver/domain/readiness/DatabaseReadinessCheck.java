package org.monitorserver.domain.readiness;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check {@code database}: UP while the database answers and holds the schema, DOWN otherwise (then
 * {@code /health/ready} answers 503). The same test as {@code GET /api/v1/health}.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    // Looked up by name: a bean of lib/ cannot see the EJB module's beans. Injected when the application starts
    // (init below), on a thread of the deployment: WildFly calls checks on a management thread, where java:app is
    // not bound.
    @EJB(lookup = DatabaseReadiness.JNDI_NAME)
    DatabaseReadiness database;

    /** Creates the bean, and so resolves {@link #database}, while the application starts. */
    void init(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing else: being called is the point
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(database.isReady()).build();
    }
}
