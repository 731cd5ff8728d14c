package org.monitorserver.client;

/** The answer did not follow the API: a body that is not the expected JSON, or links that loop. */
public class ProtocolException extends MonitorException {

    private static final long serialVersionUID = 1L;

    /** A broken answer, described by {@code message}. */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
