package org.monitorserver.rest;

/** A request body over the configured limit: answered 413 before it is parsed. */
public class BodyTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes (MONITOR_SERVER_MAX_BODY_BYTES)", null, false,
                false);
    }
}
