package org.monitorserver.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.monitorserver.rest.health.HealthResource;
import org.monitorserver.rest.security.Caller;

/**
 * The optional per-tenant rate limit ({@code MONITOR_SERVER_RATE_LIMIT} requests per second, bursts of
 * {@code MONITOR_SERVER_RATE_LIMIT_BURST}): a request beyond it is answered 429 with {@code Retry-After} and does
 * nothing. Off by default, because pytest-monitor stops sending for the rest of its run on a 429. The buckets live
 * in this server process only: N instances behind a balancer let a tenant through at up to N times the rate
 * (docs/operations.md). The health route is never limited, so that balancers keep seeing the server.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class TenantRateLimit implements ContainerRequestFilter {

    @Inject
    MonitorSettings settings;

    @Inject
    Caller caller;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (settings.rateLimit().isEmpty() || resource.getResourceClass() == HealthResource.class) {
            return;
        }
        TokenBuckets buckets = settings.rateLimit().get();
        long waitNanos = buckets.take(caller.tenantId());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            request.abortWith(Response.fromResponse(ErrorMapper.answer(Response.Status.TOO_MANY_REQUESTS,
                    "this tenant sends more than " + buckets.perSecond() + " requests per second; retry in "
                            + seconds + " s", null)).header(HttpHeaders.RETRY_AFTER, seconds).build());
        }
    }
}
