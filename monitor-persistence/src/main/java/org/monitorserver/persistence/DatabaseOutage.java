package org.monitorserver.persistence;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot be reached or is restarting, rather than that the request or the
 * code is wrong: SQLSTATE class 08 (connection exception), 57P01–57P03 (PostgreSQL shutting down, crashed, or
 * starting up), 53300 (too many connections), a connection refused or reset, or the pool giving no connection
 * (the datasource's blocking timeout). Such a failure is answered 503 with {@code Retry-After}: the client's
 * request was valid, nothing of it was committed, and it may be sent again.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Whether {@code failure} or one of its causes is an outage of the database. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof SQLException sql && isOutageState(sql.getSQLState())) {
                return true;
            }
            // The datasource's pool: no connection within its blocking timeout, or none could be made.
            if (cause.getClass().getName().startsWith("jakarta.resource.") || cause.getClass().getName()
                    .startsWith("javax.resource.")) {
                return true;
            }
        }
        return false;
    }

    static boolean isOutageState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }
}
