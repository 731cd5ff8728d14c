package org.monitorserver.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageRequest;

/**
 * Renders pages the way every listing of the API does: {@code {"<things>": [...], "total_page": n,
 * "prev_url": ..., "next_url": ...}}, where the URLs are server-root paths that keep the request's other query
 * parameters, or null at either end. An empty first page is 204 No Content, which the reference clients read
 * as "nothing".
 */
@ApplicationScoped
public class Pages {

    @Inject
    MonitorSettings settings;

    /** The request for page {@code page} (already validated by {@link PageParam}) at the configured size. */
    public PageRequest request(PageParam page) {
        return new PageRequest(page.number(), settings.paginationCount());
    }

    /** The response for {@code page}, its rows under {@code key}, with extra leading keys (such as the parent). */
    public Response render(String key, Page<?> page, UriInfo uri, Map<String, Object> extra) {
        if (page.isEmpty() && page.number() == 1) {
            return Response.noContent().build();
        }
        var body = new LinkedHashMap<String, Object>(extra);
        body.put(key, page.items());
        body.put("total_page", page.totalPages());
        body.put("prev_url", page.hasPrevious() ? link(uri, page.number() - 1) : null);
        body.put("next_url", page.hasNext() ? link(uri, page.number() + 1) : null);
        return Response.ok(body).build();
    }

    /** Same as {@link #render(String, Page, UriInfo, Map)} without extra keys. */
    public Response render(String key, Page<?> page, UriInfo uri) {
        return render(key, page, uri, Map.of());
    }

    private static String link(UriInfo uri, int number) {
        URI target = uri.getRequestUriBuilder().replaceQueryParam("page", number).build();
        return target.getRawPath() + "?" + target.getRawQuery();
    }
}
