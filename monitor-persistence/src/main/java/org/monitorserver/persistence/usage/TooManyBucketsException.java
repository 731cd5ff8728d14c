package org.monitorserver.persistence.usage;

import jakarta.ejb.ApplicationException;

/**
 * A node usage request whose {@code groupby} would split its window into more than
 * {@link NodeUsageQueries#MAX_BUCKETS} buckets: an hourly split of decades would hold a point per hour in memory
 * and in the answer. An application exception, so that the caller gets this type and can answer 400.
 */
@ApplicationException
public class TooManyBucketsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TooManyBucketsException(String message) {
        super(message);
    }
}
