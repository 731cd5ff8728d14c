package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.MetricJson;
import org.monitorserver.it.Keys.Credentials;

/**
 * The maintained rankings against the truth: every head and tail route, over all metrics and per component,
 * pipeline and build, at n = 1, 10 and 500, equals the metrics sorted by the resource, after enough metrics to
 * overflow every list and then racing single POSTs and bulk loads whose values land above, inside and below
 * each list. One metric's session arrives only after the metric, during the race, and its pipeline's lists must
 * still hold the metric. Values are random doubles, so no two metrics tie and arrival order does not matter.
 *
 * <p>Here, with authentication off, everything is the default tenant's; {@link RankingListsAuthIT} runs the same
 * in two fresh tenants at once. The expected rankings are computed from what the test posted, except over all of
 * the default tenant's metrics, which other tests also post to: that truth is an {@code ORDER BY} over the
 * whole table, so it needs the PostgreSQL run.
 */
class RankingListsIT extends ApiTestSupport {

    private static final List<String> RESOURCES = List.of("memory", "cpu", "kernel_time", "user_time", "total_time");

    private static final Map<String, String> FIELDS = Map.of("memory", "mem_usage", "cpu", "cpu_usage",
            "kernel_time", "kernel_time", "user_time", "user_time", "total_time", "total_time");

    /** Metrics before the race: more than a list holds, in every scope. */
    private static final int FIRST = 1_600;

    /** The racers: single POSTs on several threads, and bulk loads. */
    private static final int POSTERS = 4;
    private static final int POSTS_EACH = 30;
    private static final int BULKS = 2;
    private static final int BULK_ROWS = 250;

    private static final Jsonb JSONB_WRITER = JsonbBuilder.create();

    private final Random random = new Random();

    /** One tenant's posted metrics and scopes. */
    final class TenantData {

        final Credentials credentials;
        final String[] components = {Keys.uniqueName("rank-c"), Keys.uniqueName("rank-c")};
        final String[] pipelines = {Keys.uniqueName("rank-p"), Keys.uniqueName("rank-p")};
        final String build = "7";
        /** Sessions: one per pipeline (build 7), one without a pipeline, one of pipeline 0 that comes late. */
        final String[] sessions = {Body.hash(), Body.hash(), Body.hash(), Body.hash()};
        final List<MetricJson> posted = Collections.synchronizedList(new ArrayList<>());
        /** Whether the ranking over all metrics is this test's alone (a fresh tenant). */
        final boolean ownsAll;

        TenantData(Credentials credentials, boolean ownsAll) {
            this.credentials = credentials;
            this.ownsAll = ownsAll;
        }

        String pipelineOf(String session) {
            return session.equals(sessions[1]) ? pipelines[1] : session.equals(sessions[2]) ? null : pipelines[0];
        }

        /**
         * A metric with fresh random values around {@code centre}, in a random component and session: half of
         * them in pipeline 0 (sessions 0 and 3), two fifths in pipeline 1, the rest in none, so that every list
         * overflows.
         */
        MetricJson metric(double centre) {
            int draw = random.nextInt(20);
            String session = sessions[draw < 7 ? 0 : draw < 15 ? 1 : draw < 17 ? 2 : 3];
            return new MetricJson(session, session, "2026-12-03T08:00:00", "tests.rank", Keys.uniqueName("item"),
                    "v", "tests/rank.py", "function", components[random.nextInt(2)], value(centre), value(centre),
                    value(centre), value(centre), value(centre));
        }

        private double value(double centre) {
            return centre + random.nextDouble() * 1000;
        }
    }

    /** The tenants the test writes to; with authentication off, the default one. */
    List<TenantData> tenants(Client client) {
        return List.of(new TenantData(Credentials.NONE, false));
    }

    TenantData tenant(Credentials credentials, boolean ownsAll) {
        return new TenantData(credentials, ownsAll);
    }

    @Test
    void everyRankingEqualsTheMetricsSortedByItsResource() throws Exception {
        try (Client client = ClientBuilder.newClient()) {
            List<TenantData> tenants = tenants(client);
            for (TenantData tenant : tenants) {
                for (int s : new int[] {0, 1, 2}) {
                    json(send(client, "POST", "/api/v1/sessions/", session(tenant, tenant.sessions[s]), tenant), 201);
                }
                var first = new ArrayList<MetricJson>();
                for (int i = 0; i < FIRST; i++) {
                    first.add(tenant.metric(0));
                }
                bulk(client, tenant, first);
            }
            race(tenants);
            for (TenantData tenant : tenants) {
                check(client, tenant);
            }
        }
    }

    /**
     * Single POSTs and bulk loads of every tenant at once, with values above everything (4,000 and up), inside
     * (0 to 1,000) and below (-4,000 and down); the late session arrives in the middle of it.
     */
    private void race(List<TenantData> tenants) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tenants.size() * (POSTERS + BULKS + 1));
        try (Client client = ClientBuilder.newClient()) {
            var racers = new ArrayList<Future<?>>();
            for (TenantData tenant : tenants) {
                for (int p = 0; p < POSTERS; p++) {
                    racers.add(pool.submit(() -> {
                        for (int i = 0; i < POSTS_EACH; i++) {
                            MetricJson metric = tenant.metric(centre(i));
                            json(send(client, "POST", "/api/v1/metrics/", JSONB_WRITER.toJson(metric), tenant), 201);
                            tenant.posted.add(metric);
                        }
                        return null;
                    }));
                }
                for (int b = 0; b < BULKS; b++) {
                    racers.add(pool.submit(() -> {
                        var rows = new ArrayList<MetricJson>();
                        for (int i = 0; i < BULK_ROWS; i++) {
                            rows.add(tenant.metric(centre(i)));
                        }
                        bulk(client, tenant, rows);
                        return null;
                    }));
                }
                racers.add(pool.submit(() -> {
                    Thread.sleep(200);
                    json(send(client, "POST", "/api/v1/sessions/", session(tenant, tenant.sessions[3]), tenant), 201);
                    return null;
                }));
            }
            for (Future<?> racer : racers) {
                racer.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Above, inside and below the lists, in turn. */
    private static double centre(int i) {
        return switch (i % 3) {
            case 0 -> 4_000;
            case 1 -> 0;
            default -> -5_000;
        };
    }

    private void check(Client client, TenantData tenant) throws SQLException {
        for (String resource : RESOURCES) {
            for (String end : List.of("head", "tail")) {
                for (int n : new int[] {1, 10, 500}) {
                    if (tenant.ownsAll) {
                        compare(client, tenant, "", resource, end, n, m -> true);
                    } else if ("postgresql".equals(System.getenv("MONITOR_DB_DRIVER"))) {
                        assertEquals(overWholeTable(resource, end, n), ranked(client, tenant, "", resource, end, n),
                                () -> "all metrics, " + resource + " " + end + " " + n);
                    }
                    for (String component : tenant.components) {
                        compare(client, tenant, "/components/" + component, resource, end, n,
                                m -> m.component().equals(component));
                    }
                    for (String pipeline : tenant.pipelines) {
                        compare(client, tenant, "/pipelines/" + pipeline, resource, end, n,
                                m -> pipeline.equals(tenant.pipelineOf(m.sessionH())));
                        compare(client, tenant, "/pipelines/" + pipeline + "/builds/" + tenant.build, resource, end,
                                n, m -> pipeline.equals(tenant.pipelineOf(m.sessionH())));
                    }
                }
            }
        }
    }

    private void compare(Client client, TenantData tenant, String scope, String resource, String end, int n,
            Predicate<MetricJson> inScope) {
        Comparator<MetricJson> order = Comparator.comparingDouble(m -> value(m, resource));
        List<String> expected = tenant.posted.stream().filter(inScope)
                .sorted("head".equals(end) ? order.reversed() : order).limit(n).map(MetricJson::item).toList();
        assertEquals(expected, ranked(client, tenant, scope, resource, end, n),
                () -> (scope.isEmpty() ? "all metrics" : scope) + ", " + resource + " " + end + " " + n);
    }

    /** The items a ranking route answers, in its order. */
    private List<String> ranked(Client client, TenantData tenant, String scope, String resource, String end, int n) {
        Response answer = Keys.get(client, root(), "/api/v1/resources/" + resource + scope + "/" + end + "/" + n
                + "/metrics", tenant.credentials);
        return page(answer, 200, MetricJson.class).metrics().stream().map(MetricJson::item).toList();
    }

    /** The truth over all of the default tenant's metrics: the whole table sorted. */
    private static List<String> overWholeTable(String resource, String end, int n) throws SQLException {
        String field = FIELDS.get(resource);
        try (var connection = database(); var query = connection.prepareStatement("SELECT item FROM metric"
                + " WHERE tenant_id = 1 ORDER BY " + field + ("head".equals(end) ? " DESC" : "") + ", id LIMIT ?")) {
            query.setInt(1, n);
            try (var rows = query.executeQuery()) {
                var items = new ArrayList<String>();
                while (rows.next()) {
                    items.add(rows.getString(1));
                }
                return items;
            }
        }
    }

    private static double value(MetricJson m, String resource) {
        return switch (resource) {
            case "memory" -> m.memUsage();
            case "cpu" -> m.cpuUsage();
            case "kernel_time" -> m.kernelTime();
            case "user_time" -> m.userTime();
            default -> m.totalTime();
        };
    }

    private void bulk(Client client, TenantData tenant, List<MetricJson> rows) {
        String ndjson = rows.stream().map(JSONB_WRITER::toJson).collect(Collectors.joining("\n"));
        var report = json(Keys.send(client, root(), "POST", "/api/v1/metrics/bulk", "[" + ndjson.replace("\n", ",")
                + "]", tenant.credentials), 200);
        assertEquals(rows.size(), report.getInt("accepted"), report::toString);
        tenant.posted.addAll(rows);
    }

    private String session(TenantData tenant, String hash) {
        String pipeline = tenant.pipelineOf(hash);
        Body session = Body.session(hash);
        return (pipeline == null ? session.with("description", Map.of())
                : session.with("description", Map.of("pipeline_branch", pipeline, "pipeline_build_no",
                        tenant.build))).json();
    }

    private Response send(Client client, String method, String path, String body, TenantData tenant) {
        return Keys.send(client, root(), method, path, body, tenant.credentials);
    }
}
