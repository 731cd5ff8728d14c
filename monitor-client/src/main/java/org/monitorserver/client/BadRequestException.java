package org.monitorserver.client;

import java.util.Map;

/** The server refused the request as invalid (400), with its message and the reason per field. */
public class BadRequestException extends MonitorException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> errors;

    /** A 400 with the server's {@code message} and {@code errors} (empty when it gave none). */
    public BadRequestException(String message, Map<String, String> errors) {
        super(message);
        this.errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** The reason per field, as the server's error body gave them. */
    public Map<String, String> errors() {
        return errors;
    }
}
