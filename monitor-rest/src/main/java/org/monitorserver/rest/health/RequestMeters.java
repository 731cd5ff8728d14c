package org.monitorserver.rest.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request meters for operators, by route template (as the OpenAPI document names it, {@code /api/v1/sessions/{h}})
 * rather than by path, so that their number stays bounded:
 * <ul>
 * <li>{@code monitor_requests_seconds_count/_sum/_max{route, method, status}}: requests and time spent;</li>
 * <li>{@code monitor_request_latency_buckets_total{route, le}}: cumulative latency buckets in seconds, for
 * {@code histogram_quantile}, which needs only the {@code le} label (WildFly's application registry exports no
 * native histograms, and Prometheus names reserve the {@code _bucket} suffix).</li>
 * </ul>
 * Requests that match no route count under {@code route="unmatched"}. The clock starts before matching.
 */
@Provider
@PreMatching
public class RequestMeters implements ContainerRequestFilter, ContainerResponseFilter {

    /** Upper bounds of the latency buckets, in seconds; the last one is {@code +Inf}. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
        Double.POSITIVE_INFINITY};

    private static final String STARTED = RequestMeters.class.getName() + ".started";
    private static final String UNMATCHED = "unmatched";

    @Inject
    MeterRegistry registry;

    @Context
    ResourceInfo resource;

    /** Route templates by resource method, worked out once each. */
    private final Map<Method, String> routes = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter[]> buckets = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        long nanos = System.nanoTime() - started;
        Method method = resource == null ? null : resource.getResourceMethod();
        String route = method == null ? UNMATCHED : routes.computeIfAbsent(method, m -> template(resource));
        timers.computeIfAbsent(List.of(route, request.getMethod(), String.valueOf(response.getStatus())),
                key -> registry.timer("monitor.requests", "route", key.get(0), "method", key.get(1), "status",
                        key.get(2))).record(nanos, TimeUnit.NANOSECONDS);
        Counter[] counters = buckets.computeIfAbsent(route, this::bucketCounters);
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                counters[i].increment();
            }
        }
    }

    private Counter[] bucketCounters(String route) {
        var counters = new Counter[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            counters[i] = registry.counter("monitor.request.latency.buckets", "route", route, "le",
                    Double.isInfinite(BUCKETS[i]) ? "+Inf" : String.valueOf(BUCKETS[i]));
        }
        return counters;
    }

    /** {@code /api/v1} + the class's and the method's {@code @Path}, as OpenAPI writes them. */
    static String template(ResourceInfo resource) {
        return join(join("/api/v1", resource.getResourceClass().getAnnotation(Path.class)),
                resource.getResourceMethod().getAnnotation(Path.class));
    }

    private static String join(String base, Path path) {
        if (path == null || path.value().isEmpty() || path.value().equals("/")) {
            return base;
        }
        // A parameter's regular expression is not part of the template: {h: .+} is {h}.
        String value = path.value().replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        value = value.startsWith("/") ? value : "/" + value;
        return base + (value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }
}
