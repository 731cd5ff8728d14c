package org.monitorserver.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * The one place where request paths are made canonical before routing, so every route answers in each of
 * the spellings real clients send, without a redirect (pytest-monitor does not follow them for POST):
 * <ul>
 * <li>a trailing slash is dropped ({@code /metrics/} is {@code /metrics});</li>
 * <li>repeated slashes are collapsed (a base URL ending in {@code /} gives {@code //sessions/});</li>
 * <li>a doubled prefix is dropped ({@code /api/v1/api/v1/...}: the reference query client appends
 * {@code next_url} to a base that already ends in {@code /api/v1}).</li>
 * </ul>
 * It also refuses NUL characters in the path and query ({@code %00}) with a 400: no column can hold them,
 * and PostgreSQL rejects a query that binds one.
 */
@Provider
@PreMatching
public class RequestPaths implements ContainerRequestFilter {

    private static final String PREFIX = "/api/v1";

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (hasNul(uri.getPath()) || hasNul(uri.getQuery())) {
            request.abortWith(ErrorMapper.answer(Response.Status.BAD_REQUEST,
                    "NUL characters (%00) are not allowed in paths or query parameters", null));
            return;
        }
        String path = uri.getRawPath();
        String canonical = canonical(path);
        if (!canonical.equals(path)) {
            request.setRequestUri(UriBuilder.fromUri(uri).replacePath(canonical).build());
        }
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** {@code path} without repeated or trailing slashes and without a doubled {@code /api/v1}. */
    static String canonical(String path) {
        String result = path.replaceAll("/{2,}", "/");
        while (result.startsWith(PREFIX + PREFIX + "/") || result.equals(PREFIX + PREFIX)) {
            result = result.substring(PREFIX.length());
        }
        if (result.length() > 1 && result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
