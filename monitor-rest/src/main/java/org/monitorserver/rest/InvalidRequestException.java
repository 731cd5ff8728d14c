package org.monitorserver.rest;

import java.util.Map;
import java.util.TreeMap;

/** Input that failed validation: answered 400 with a reason per field (in the names the client sent). */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> errors;

    public InvalidRequestException(String message, Map<String, String> errors) {
        super(message, null, false, false);
        this.errors = new TreeMap<>(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
