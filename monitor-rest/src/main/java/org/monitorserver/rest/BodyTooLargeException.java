package org.monitorserver.rest;

/** A request body over the configured limit: answered 413 before it is parsed. */
public class BodyTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        this(limit, "MONITOR_SERVER_MAX_BODY_BYTES");
    }

    /** @param setting the environment variable that sets the limit */
    public BodyTooLargeException(long limit, String setting) {
        super("the request body is larger than " + limit + " bytes (" + setting + ")", null, false, false);
    }
}
