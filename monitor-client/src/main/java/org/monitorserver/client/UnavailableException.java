package org.monitorserver.client;

/** The server could not be reached or said it is unavailable (502, 503, 504), after the retries allowed. */
public class UnavailableException extends MonitorException {

    private static final long serialVersionUID = 1L;

    /** An unreachable server, described by {@code message}. */
    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
