package org.monitorserver.client;

/** Connecting or reading took longer than the configured timeout. */
public class TimedOutException extends MonitorException {

    private static final long serialVersionUID = 1L;

    /** A timeout, described by {@code message}. */
    public TimedOutException(String message, Throwable cause) {
        super(message, cause);
    }
}
