package org.monitorserver.persistence;

import jakarta.ejb.ApplicationException;

/**
 * A write that contradicts what is stored, such as a known session hash with other content. An application
 * exception, so the container rolls back and hands over this very type (not an {@code EJBException}).
 */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
