package org.monitorserver.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One line per request at FINE: method, path and query, status. Development ({@code MONITOR_SERVER_ENV=dev}) turns
 * this logger on at start-up; in production it is off unless an admin sets the category
 * {@code org.monitorserver.rest.RequestLog} to DEBUG. Never a body, a header or a key.
 */
@Provider
public class RequestLog implements ContainerResponseFilter {

    static final Logger LOG = Logger.getLogger(RequestLog.class.getName());

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath()
                    + (request.getUriInfo().getRequestUri().getRawQuery() == null ? ""
                            : "?" + request.getUriInfo().getRequestUri().getRawQuery())
                    + " " + response.getStatus());
        }
    }
}
