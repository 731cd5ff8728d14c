package org.monitorserver.rest.resource;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.PathParam;
import java.math.BigInteger;
import java.util.Map;
import org.monitorserver.domain.metric.Resource;
import org.monitorserver.rest.InvalidRequestException;

/**
 * The path parameters every ranking shares: {@code {resource}}, {@code {direction}} ({@code head} or
 * {@code tail}, enforced by the route's template) and the optional {@code {n}}. {@code n} is bound as text and
 * checked here, because a failed {@code int} conversion of a path parameter is a 404 by the JAX-RS rules.
 */
public class RankingParams {

    /** How many metrics a ranking holds when the path gives no {@code n}. */
    static final int DEFAULT_LIMIT = 10;

    /** The most metrics a ranking holds; a larger {@code n} gives this many. */
    static final int MAX_LIMIT = 500;

    @PathParam("resource")
    String resource;

    @PathParam("direction")
    String direction;

    @PathParam("n")
    @Pattern(regexp = "\\d*[1-9]\\d*", message = "must be a whole number of at least 1")
    String n;

    /**
     * The resource the path names.
     *
     * @throws InvalidRequestException when it is not one of {@link Resource#apiNames()}
     */
    Resource resource() {
        return Resource.fromApiName(resource).orElseThrow(() -> new InvalidRequestException(
                "unknown resource '" + resource + "'; allowed: " + Resource.apiNames(),
                Map.of("resource", "must be one of: " + Resource.apiNames())));
    }

    /** True for {@code head} (highest first), false for {@code tail} (lowest first). */
    boolean highest() {
        return "head".equals(direction);
    }

    /** How many metrics the ranking holds: {@code n} (already validated), 10 without it, at most 500. */
    int limit() {
        if (n == null) {
            return DEFAULT_LIMIT;
        }
        return new BigInteger(n).min(BigInteger.valueOf(MAX_LIMIT)).intValue();
    }
}
