package org.monitorserver.domain.run;

/**
 * A run's CSV that cannot be read; the message is written for the client who sent it and names the text, the line
 * and, where one is at fault, the column by name and 1-based position.
 */
public class InvalidRunDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String column;

    /** An error at a line (1-based) and, when not null, a column by name. */
    public InvalidRunDataException(String message, int line, String column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line the problem is on; 1 for a text without a header, where the header should be. */
    public int line() {
        return line;
    }

    /** The name of the column at fault, or null when no single named column is. */
    public String column() {
        return column;
    }
}
