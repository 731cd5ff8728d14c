package org.monitorserver.rest.security;

import java.util.List;

/**
 * A request without valid credentials where they are needed: answered 401 with {@code WWW-Authenticate} by the
 * error mapper. The message never says whether the user, key or tenant exists.
 */
public class NotAuthenticatedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The one message every failed or missing authentication gets. */
    public static final String MESSAGE = "authentication required: send an API key (Authorization: Bearer KEY,"
            + " HTTP Basic user:KEY, or the Monitor-UserID, Monitor-TenantID and Monitor-ApiKey headers)";

    /** The {@code WWW-Authenticate} challenges of a 401: the two schemes a key can be sent with. */
    public static final List<String> CHALLENGES = List.of("Bearer realm=\"monitor-server\"",
            "Basic realm=\"monitor-server\", charset=\"UTF-8\"");

    public NotAuthenticatedException() {
        super(MESSAGE, null, false, false);
    }
}
