package org.monitorserver.rest.run;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves {@code /runs...} at the server root as {@code /api/v1/runs...}: resource-tracker's Python client joins
 * {@code /runs} to its base URL's root, dropping any path. The request is forwarded inside the server, never
 * redirected (the clients do not follow redirects with their bodies), to the one set of JAX-RS resources; it was
 * authenticated on its way in, like any other.
 */
@WebFilter(filterName = "RootRunsFilter", urlPatterns = {"/runs", "/runs/*"}, dispatcherTypes = DispatcherType.REQUEST)
public class RootRunsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Where the JAX-RS application is mapped (MonitorApplication). */
    static final String API = "/api/v1";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String query = request.getQueryString();
        request.getRequestDispatcher(API + path + (query == null ? "" : "?" + query)).forward(request, response);
    }
}
