package org.monitorserver.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Adds a row to a maintained list (components, pipelines, builds) unless it is there, in the caller's
 * transaction and without a race: the database decides, with {@code INSERT ... ON CONFLICT DO NOTHING} on
 * PostgreSQL and {@code MERGE ... KEY} on H2, so concurrent writers never fail on the primary key.
 */
public final class InsertIfAbsent {

    private InsertIfAbsent() {
    }

    /**
     * @param vendor the database, as {@code SchemaMigration.vendor()} names it
     * @param postgresql the named native query for PostgreSQL
     * @param h2 the named native query for H2, with the same positional parameters
     */
    public static void execute(EntityManager em, String vendor, String postgresql, String h2, Object... parameters) {
        Query insert = em.createNamedQuery("h2".equals(vendor) ? h2 : postgresql);
        for (int i = 0; i < parameters.length; i++) {
            insert.setParameter(i + 1, parameters[i]);
        }
        insert.executeUpdate();
    }
}
