package org.monitorserver.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Parents;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageRequest;

/**
 * Renders pages the way every listing of the API does, as a {@link PageJson}: the rows under the listing's key,
 * {@code total_page}, and {@code prev_url} and {@code next_url} as server-root paths that keep the request's
 * other query parameters, or null at either end. An empty first page is no body at all (null, which JAX-RS
 * answers 204 No Content), which the reference clients read as "nothing".
 */
@ApplicationScoped
public class Pages {

    @Inject
    MonitorSettings settings;

    /** The request for page {@code page} (already validated by {@link PageParam}) at the configured size. */
    public PageRequest request(PageParam page) {
        return new PageRequest(page.number(), settings.paginationCount());
    }

    /** The request for page {@code page} of a listing that is one page of {@code size} rows whatever the setting. */
    public PageRequest request(PageParam page, int size) {
        return new PageRequest(page.number(), size);
    }

    /** The body for {@code page}, its rows under {@code rows}, after the listing's {@code parents}; null for 204. */
    public <T> PageJson<T> render(Rows rows, Page<T> page, UriInfo uri, Parents parents) {
        if (page.isEmpty() && page.number() == 1) {
            return null;
        }
        Links links = links(page, uri);
        return PageJson.of(rows, page.items(), parents, links.totalPage(), links.prevUrl(), links.nextUrl());
    }

    /**
     * The paging fields of {@code page} for an answer that carries more than a listing (a comparison): the same
     * {@code total_page}, {@code prev_url} and {@code next_url} as every listing's.
     */
    public Links links(Page<?> page, UriInfo uri) {
        return new Links(page.totalPages(), page.hasPrevious() ? link(uri, page.number() - 1) : null,
                page.hasNext() ? link(uri, page.number() + 1) : null);
    }

    /** A page's {@code total_page}, {@code prev_url} and {@code next_url} (null at either end). */
    public record Links(int totalPage, String prevUrl, String nextUrl) {
    }

    /** Same as {@link #render(Rows, Page, UriInfo, Parents)} for a top-level listing. */
    public <T> PageJson<T> render(Rows rows, Page<T> page, UriInfo uri) {
        return render(rows, page, uri, Parents.NONE);
    }

    private static String link(UriInfo uri, int number) {
        URI target = uri.getRequestUriBuilder().replaceQueryParam("page", number).build();
        return target.getRawPath() + "?" + target.getRawQuery();
    }
}
