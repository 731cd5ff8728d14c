package org.monitorserver.client;

/** The server answered a status the client does not recover from (409, 413, 415, 500, ...). */
public class ServerErrorException extends MonitorException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** The answer {@code status} with the server's {@code message}. */
    public ServerErrorException(int status, String message) {
        super("HTTP " + status + ": " + message);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }
}
