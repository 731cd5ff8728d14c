package org.monitorserver.client.cli;

/** The exit codes of the command line, as docs/client.md documents them. */
public enum ExitCode {
    /** The command did what was asked. */
    DONE(0),
    /** The server reported a failure (an error status, a broken answer), or the import job failed. */
    FAILED(1),
    /** The command line is wrong: unknown command or option, missing or bad value. */
    USAGE(2),
    /** What was asked for does not exist: a session, a context, a file, a route or page. */
    NOT_FOUND(3),
    /** The server cannot be reached, timed out, or says it is unavailable. */
    UNAVAILABLE(4),
    /** The server refused the key: none, a wrong or revoked one (401), or not allowed (403). */
    ACCESS_DENIED(5),
    /**
     * The verdict gate failed: {@code compare --fail-on} names a verdict that a row of the comparison has. The
     * comparison was printed all the same, so that a CI job can post it and still fail.
     */
    VERDICT_GATE_FAILED(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }
}
