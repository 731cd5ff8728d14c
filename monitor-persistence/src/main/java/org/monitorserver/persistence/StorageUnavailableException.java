package org.monitorserver.persistence;

import jakarta.ejb.ApplicationException;
import java.sql.SQLException;

/**
 * A valid write that was not stored: the database refused it or could not be reached, or the server is shutting
 * down. Nothing of it was committed, so the client may send it again.
 */
// An application exception: an EJB that throws it rolls back and the caller gets it as it is (a 503).
@ApplicationException(rollback = true)
public class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageUnavailableException(String message) {
        super(message);
    }

    /** A write the database refused (or could not take): the JDBC writers' one wording for it. */
    public static StorageUnavailableException refused(SQLException e) {
        return new StorageUnavailableException("the database refused a write: " + e.getMessage(), e);
    }
}
