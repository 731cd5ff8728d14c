package org.monitorserver.persistence;

import jakarta.ejb.ApplicationException;

/**
 * A streamed ingestion that cannot go on, such as a bulk body that breaks off or grows over its limit: the
 * whole call rolls back, and the cause (the caller's own exception, raised while the rows were being read)
 * says what to answer. An application exception, so that the cause reaches the caller unwrapped.
 */
@ApplicationException(rollback = true)
public class IngestAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IngestAbortedException(RuntimeException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
