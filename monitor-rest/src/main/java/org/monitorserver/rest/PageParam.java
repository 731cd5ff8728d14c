package org.monitorserver.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code ?page=N} parameter shared by every listing: 1-based, negative from the end. Bound as text and
 * checked here, because a failed {@code int} conversion of a query parameter is a 404 by the JAX-RS rules.
 */
public class PageParam {

    @QueryParam("page")
    @Pattern(regexp = "-?\\d{1,9}", message = "must be a whole number: 1 is the first page, -1 the last")
    String page;

    /** The requested page number; 1 when the parameter is absent. */
    public int number() {
        return page == null ? 1 : Integer.parseInt(page);
    }
}
