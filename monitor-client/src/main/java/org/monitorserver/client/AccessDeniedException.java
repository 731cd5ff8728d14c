package org.monitorserver.client;

/**
 * The server refused the credentials: 401 (no key, or a wrong, revoked or rotated-away key, or a disabled user) or
 * 403 (the key's user may not do this).
 */
public class AccessDeniedException extends MonitorException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** A 401 or 403 with the server's message. */
    public AccessDeniedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 401 or 403. */
    public int status() {
        return status;
    }
}
