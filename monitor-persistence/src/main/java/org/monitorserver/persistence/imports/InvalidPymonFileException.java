package org.monitorserver.persistence.imports;

/**
 * An uploaded file that cannot be imported: not SQLite, truncated or corrupt, not pytest-monitor's schema, or a
 * row that does not convert. The message says precisely what is wrong; it becomes the failed job's error.
 */
public class InvalidPymonFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidPymonFileException(String message) {
        super(message, null, false, false);
    }
}
