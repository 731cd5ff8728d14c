package org.monitorserver.persistence.run;

import jakarta.ejb.ApplicationException;

/**
 * An object-store chunk that could not be read: missing, not gzip, or the store unreachable or not configured.
 * The job that needed it fails with this message and the run may be finished again. An application exception,
 * so that the job's transaction rolls back and the runner sees this very type.
 */
@ApplicationException(rollback = true)
public class ChunkUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChunkUnavailableException(String message) {
        super(message, null, false, false);
    }
}
