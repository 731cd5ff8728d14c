package org.monitorserver.client;

/** The server answered 404: no such route or page (single entities are {@code Optional.empty()} instead). */
public class NotFoundException extends MonitorException {

    private static final long serialVersionUID = 1L;

    /** A 404 with the server's message. */
    public NotFoundException(String message) {
        super(message);
    }
}
