package org.monitorserver.persistence.run;

import jakarta.ejb.ApplicationException;

/**
 * A finish whose data cannot be stored as it is (a malformed CSV, a chunk outside the run's prefix): answered
 * 400 with the message, which names the line and column where it applies. An application exception, so the
 * container rolls back whatever the finish wrote and hands over this very type.
 */
@ApplicationException(rollback = true)
public class RefusedRunDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RefusedRunDataException(String message) {
        super(message, null, false, false);
    }
}
