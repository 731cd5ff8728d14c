package org.monitorserver.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.math.BigInteger;

/**
 * The {@code ?page=N} parameter shared by every listing: 1-based, negative from the end. Bound as text and
 * checked here, because a failed {@code int} conversion of a query parameter is a 404 by the JAX-RS rules.
 */
public class PageParam {

    private static final BigInteger MIN = BigInteger.valueOf(Integer.MIN_VALUE + 1);
    private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    @QueryParam("page")
    @Pattern(regexp = "-?\\d{1,100}", message = "must be a whole number: 1 is the first page, -1 the last")
    String page;

    /**
     * The requested page number; 1 when the parameter is absent. Numbers beyond {@code int} are clamped: no
     * listing has that many pages, so they stay pages beyond the end (404), not malformed numbers (400).
     */
    public int number() {
        if (page == null) {
            return 1;
        }
        var value = new BigInteger(page);
        return value.max(MIN).min(MAX).intValueExact();
    }
}
