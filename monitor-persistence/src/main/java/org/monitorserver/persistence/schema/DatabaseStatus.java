package org.monitorserver.persistence.schema;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.monitorserver.domain.readiness.DatabaseReadiness;
import org.monitorserver.domain.tenant.Tenant;

/**
 * Whether the database answers and holds the schema: the readiness behind {@code GET /api/v1/health} (through its
 * no-interface view) and WildFly's {@code /health/ready} (through {@link DatabaseReadiness}).
 */
@Stateless
@LocalBean
@Local(DatabaseReadiness.class)
public class DatabaseStatus implements DatabaseReadiness {

    private static final Logger LOG = Logger.getLogger(DatabaseStatus.class.getName());

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /**
     * Reads the default tenant's row. False, never an exception, when the database is down or the schema
     * missing: a health check must answer.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean isReady() {
        try {
            return em.createNamedQuery(Tenant.COUNT_BY_ID, Long.class)
                    .setParameter("id", Tenant.DEFAULT_ID).getSingleResult() == 1L;
        } catch (PersistenceException e) {
            LOG.log(Level.WARNING, "Database not ready: {0}", e.getMessage());
            return false;
        }
    }
}
