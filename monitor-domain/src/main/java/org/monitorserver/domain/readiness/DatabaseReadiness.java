package org.monitorserver.domain.readiness;

/** Whether the database answers and holds the schema; the local business interface of the EJB that knows. */
public interface DatabaseReadiness {

    /** The name the EJB has in {@code java:app}; the EAR's modules know it by its class instead. */
    String JNDI_NAME = "java:app/monitor-persistence/DatabaseStatus!org.monitorserver.domain.readiness.DatabaseReadiness";

    /** True when the database answers and holds the schema; false, never an exception, otherwise. */
    boolean isReady();
}
