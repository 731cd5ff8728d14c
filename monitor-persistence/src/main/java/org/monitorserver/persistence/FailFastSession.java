package org.monitorserver.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink's settings for database outages. By default EclipseLink retries a read query outside a transaction
 * that failed on a communication error up to three times, waiting 5 s before each retry: a request that met a
 * connection broken by a database restart then hung for 10 s or more, and usually failed anyway, since the pool
 * can hand out another broken connection. Here it never retries: the request fails at once and is answered 503
 * with {@code Retry-After} ({@link DatabaseOutage}), and the datasource's background validation replaces the
 * broken connections within seconds.
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
