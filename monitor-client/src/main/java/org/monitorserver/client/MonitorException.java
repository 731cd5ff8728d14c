package org.monitorserver.client;

/** A query that could not be answered; its subclasses say why. */
public class MonitorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public MonitorException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public MonitorException(String message, Throwable cause) {
        super(message, cause);
    }
}
