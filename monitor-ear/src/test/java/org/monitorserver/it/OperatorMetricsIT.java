package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The operators' view on the management interface: readiness and liveness ({@code /health/ready},
 * {@code /health/live}, MicroProfile Health: WildFly's own procedures, the deployment's status among them) and the
 * Prometheus endpoint ({@code /metrics}), whose request and
 * ingest counters move with the requests this test sends, beside WildFly's own datasource and worker figures.
 */
class OperatorMetricsIT extends ApiTestSupport {

    private static final int METRICS = 7;
    private static final int BULK = 25;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessAndLivenessAnswerOnTheManagementInterface() throws Exception {
        HttpResponse<String> ready = management("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"deployments-status\",\"status\":\"UP\",\"data\":{\"monitor.ear\":\"OK\"}"),
                ready.body());
        assertEquals(200, management("/health/live").statusCode());
    }

    @Test
    void requestAndIngestCountersMoveWithTheRequests() throws Exception {
        String context = Body.hash();
        String session = Body.hash();
        json(post("/api/v1/contexts/", Body.context(context).json()), 201);
        json(post("/api/v1/sessions/", Body.session(session).json()), 201);
        List<String> before = scrape();

        for (int i = 0; i < METRICS; i++) {
            json(post("/api/v1/metrics/", Body.metric(session, context).json()), 201);
        }
        String rows = IntStream.range(0, BULK).mapToObj(i -> Body.metric(session, context).json())
                .collect(Collectors.joining("\n"));
        json(post("/api/v1/metrics/bulk", rows, "application/x-ndjson"), 200);
        json(get("/api/v1/sessions/" + session), 200);
        List<String> after = scrape();

        String posts = "monitor_requests_seconds_count{route=/api/v1/metrics,method=POST,status=201}";
        assertEquals(METRICS, value(after, posts) - value(before, posts), posts);
        String byHash = "monitor_requests_seconds_count{route=/api/v1/sessions/{prefix},method=GET,status=200}";
        assertEquals(1, value(after, byHash) - value(before, byHash), byHash);
        String under = "monitor_request_latency_buckets_total{route=/api/v1/metrics,le=+Inf}";
        assertTrue(value(after, under) - value(before, under) >= METRICS, under);
        String single = "monitor_ingest_rows_total{path=single}";
        String bulk = "monitor_ingest_rows_total{path=bulk}";
        assertTrue(value(after, single) - value(before, single) >= METRICS, single);
        assertEquals(BULK, value(after, bulk) - value(before, bulk), bulk);
        assertTrue(value(after, "monitor_writer_batch_rows_count{}") >= 1);
        // Gauges read this deployment's objects, not those of an earlier one of the same server (NaN).
        assertTrue(value(after, "monitor_writer_queue_depth{}") >= 0, "the writer's queue depth is a number");
        assertTrue(value(after, "monitor_jobs{kind=import,state=queued}") >= 0, "the jobs gauge is a number");
        for (String present : List.of("monitor_writer_queue_depth{}", "monitor_jobs{kind=import,state=queued}",
                "monitor_jobs{kind=run,state=running}", "datasources_pool_in_use_count{name=MonitorDS}",
                "undertow_request_count_total{}", "io_max_pool_size{}")) {
            assertTrue(find(after, present).size() > 0, "the scrape has " + present);
        }
        System.out.printf("OperatorMetricsIT: %d single and %d bulk metrics moved the request and ingest counters"
                + " by exactly as much (scrape of %d lines)%n", METRICS, BULK, after.size());
    }

    private HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + System.getProperty("it.management.port") + path)).build(), BodyHandlers.ofString());
    }

    private List<String> scrape() throws IOException, InterruptedException {
        HttpResponse<String> metrics = management("/metrics");
        assertEquals(200, metrics.statusCode());
        return metrics.body().lines().filter(line -> !line.startsWith("#")).toList();
    }

    /**
     * The lines of series {@code spec}: {@code name{label=value,...}} or {@code name{}}, matching every label given
     * (values without quotes), whatever other labels the line has.
     */
    private static List<String> find(List<String> lines, String spec) {
        String name = spec.substring(0, spec.indexOf('{'));
        String labels = spec.substring(spec.indexOf('{') + 1, spec.length() - 1);
        List<String> wanted = labels.isEmpty() ? List.of() : List.of(labels.split(","));
        return lines.stream().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> wanted.stream().allMatch(label -> {
                    int eq = label.indexOf('=');
                    return line.contains(label.substring(0, eq) + "=\"" + label.substring(eq + 1) + "\"");
                })).toList();
    }

    /** The sum of the values of series {@code spec}; 0 when there is none yet. */
    private static double value(List<String> lines, String spec) {
        return find(lines, spec).stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
