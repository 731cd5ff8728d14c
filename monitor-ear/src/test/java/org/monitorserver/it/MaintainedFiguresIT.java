package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.MetricJson;

/**
 * Every maintained figure equals what a scan of {@code metric} computes, after single POSTs and bulk loads raced
 * each other: the row count, the tallies of each context, component, scope, item and variant, the id blocks of
 * each listing, the node spans, the component list, each build's first run date, and the rankings over all
 * metrics, per component and per pipeline. This run's own groups are compared, and the tenant's totals over every test's rows. PostgreSQL only:
 * the test reads the tables through its own connection.
 */
class MaintainedFiguresIT extends ApiTestSupport {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private static final int POSTERS = 6;
    private static final int POSTS_EACH = 40;
    private static final int BULKS = 3;
    private static final int BULK_ROWS = 400;

    /** What {@code MetricBlock} counts per row: ids per block. */
    private static final int IDS_PER_BLOCK = 8192;

    private final Random random = new Random();
    private final String run = Keys.uniqueName("figures");
    private final List<String> contexts = List.of(Body.hash(), Body.hash(), Body.hash());
    private final List<String> sessions = List.of(Body.hash(), Body.hash(), Body.hash());
    private final List<String> components = List.of(run + "-a", run + "-b");
    private final String pipeline = run + "-p";

    private MetricJson metric() {
        String item = run + "-item" + random.nextInt(7);
        return new MetricJson(sessions.get(random.nextInt(3)), contexts.get(random.nextInt(3)),
                "2026-12-03T09:" + (10 + random.nextInt(40)) + ":00.5", "tests.figures", item,
                item + "[" + random.nextInt(3) + "]", "tests/figures.py", random.nextBoolean() ? "function" : "module",
                components.get(random.nextInt(2)), random.nextDouble() * 100, random.nextDouble(), random.nextDouble(),
                random.nextDouble(), random.nextDouble() * 1000);
    }

    @Test
    void everyFigureEqualsAScanAfterRacingWriters() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "needs the PostgreSQL run");
        try (Client client = ClientBuilder.newClient()) {
            json(post("/api/v1/sessions/", Body.session(sessions.get(0)).with("description",
                    Map.of("pipeline_branch", pipeline, "pipeline_build_no", "1")).json()), 201);
            race(client);
        }
        try (Connection db = database()) {
            String mine = "m.session_h IN ('" + String.join("','", sessions) + "')";
            assertEquals(scan(db, "SELECT 'METRIC', COUNT(*) FROM metric WHERE tenant_id = 1"),
                    scan(db, "SELECT family, SUM(row_total) FROM tenant_row_count WHERE tenant_id = 1"
                            + " AND family = 'METRIC' GROUP BY family"), "metric count");
            for (var dimension : Map.of("CONTEXT", "context_h", "COMPONENT", "component", "KIND", "kind", "ITEM",
                    "item", "VARIANT", "item_variant").entrySet()) {
                String keys = "(SELECT DISTINCT " + dimension.getValue() + " FROM metric m WHERE " + mine + ")";
                assertEquals(scan(db, "SELECT " + dimension.getValue() + ", COUNT(*) FROM metric WHERE tenant_id = 1"
                        + " AND " + dimension.getValue() + " IN " + keys + " GROUP BY 1"),
                        scan(db, "SELECT group_key, SUM(row_total) FROM metric_tally WHERE tenant_id = 1"
                                + " AND dimension = '" + dimension.getKey() + "' AND group_key IN " + keys
                                + " GROUP BY 1"), () -> "tallies of " + dimension.getKey());
            }
            assertEquals(scan(db, "SELECT id / " + IDS_PER_BLOCK + ", COUNT(*) FROM metric WHERE tenant_id = 1 GROUP BY 1"),
                    scan(db, "SELECT block, SUM(row_total) FROM metric_block WHERE tenant_id = 1 AND listing = 'ALL'"
                            + " GROUP BY 1"), "blocks of all metrics");
            for (var listing : Map.of("CONTEXT", "context_h", "COMPONENT", "component", "KIND", "kind").entrySet()) {
                String keys = "(SELECT DISTINCT " + listing.getValue() + " FROM metric m WHERE " + mine + ")";
                assertEquals(scan(db, "SELECT " + listing.getValue() + " || ':' || (id / " + IDS_PER_BLOCK
                        + "), COUNT(*) FROM metric WHERE tenant_id = 1 AND " + listing.getValue() + " IN " + keys
                        + " GROUP BY 1"),
                        scan(db, "SELECT group_key || ':' || block, SUM(row_total) FROM metric_block"
                                + " WHERE tenant_id = 1 AND listing = '" + listing.getKey() + "' AND group_key IN "
                                + keys + " GROUP BY 1"), () -> "blocks of " + listing.getKey());
            }
            assertEquals(scan(db, "SELECT session_h || context_h || MIN(item_start_time), 1 FROM metric m WHERE "
                    + mine + " GROUP BY session_h, context_h"),
                    scan(db, "SELECT session_h || context_h || start_at, 1 FROM node_span m WHERE tenant_id = 1 AND "
                            + mine), "node spans");
            String builds = " WHERE tenant_id = 1 AND pipeline = '" + pipeline + "'";
            assertEquals(scan(db, "SELECT build, EXTRACT(EPOCH FROM MIN(run_date))::bigint FROM test_session" + builds
                    + " GROUP BY build"), scan(db, "SELECT build, EXTRACT(EPOCH FROM first_run_date)::bigint FROM"
                    + " pipeline_build" + builds), "each build's first run date");
            assertEquals(2, scan(db, "SELECT build, 1 FROM pipeline_build" + builds).size());
            assertEquals(scan(db, "SELECT DISTINCT component, 1 FROM metric m WHERE " + mine),
                    scan(db, "SELECT name, 1 FROM component WHERE tenant_id = 1 AND name LIKE '" + run + "%'"),
                    "component list");
            for (String resource : List.of("total_time", "user_time", "kernel_time", "cpu_usage", "mem_usage")) {
                for (boolean head : new boolean[] {true, false}) {
                    String order = resource + (head ? " DESC" : "") + ", m.id";
                    rankings(db, resource, head, "ALL", "", "", order);
                    for (String component : components) {
                        rankings(db, resource, head, "COMPONENT", component, " AND m.component = '" + component + "'",
                                order);
                    }
                    rankings(db, resource, head, "PIPELINE", pipeline, " AND m.session_h IN (SELECT session_h"
                            + " FROM test_session WHERE tenant_id = 1 AND pipeline = '" + pipeline + "')", order);
                }
            }
        }
    }

    /**
     * Single POSTs and bulk loads at once; the second session, with the pipeline, is posted in the middle, after
     * some of its metrics.
     */
    private void race(Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(POSTERS + BULKS + 1);
        try {
            var racers = new ArrayList<Future<?>>();
            for (int p = 0; p < POSTERS; p++) {
                racers.add(pool.submit(() -> {
                    for (int i = 0; i < POSTS_EACH; i++) {
                        json(Keys.send(client, root(), "POST", "/api/v1/metrics/", JSONB.toJson(metric()),
                                Keys.Credentials.NONE), 201);
                    }
                    return null;
                }));
            }
            for (int b = 0; b < BULKS; b++) {
                racers.add(pool.submit(() -> {
                    String rows = "[" + java.util.stream.Stream.generate(this::metric).limit(BULK_ROWS)
                            .map(JSONB::toJson).collect(Collectors.joining(",")) + "]";
                    assertEquals(BULK_ROWS, json(Keys.send(client, root(), "POST", "/api/v1/metrics/bulk", rows,
                            Keys.Credentials.NONE), 200).getInt("accepted"));
                    return null;
                }));
            }
            racers.add(pool.submit(() -> {
                Thread.sleep(300);
                json(Keys.send(client, root(), "POST", "/api/v1/sessions/", Body.session(sessions.get(1))
                        .with("description", Map.of("pipeline_branch", pipeline, "pipeline_build_no", "2")).json(),
                        Keys.Credentials.NONE), 201);
                // A session of build 1 that started before the first one: the build's first run date goes down.
                json(Keys.send(client, root(), "POST", "/api/v1/sessions/", Body.session(sessions.get(2))
                        .with("run_date", "2026-11-20T08:00:00")
                        .with("description", Map.of("pipeline_branch", pipeline, "pipeline_build_no", "1")).json(),
                        Keys.Credentials.NONE), 201);
                return null;
            }));
            for (Future<?> racer : racers) {
                racer.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A list's first 500 entries are the scope's 500 metrics sorted by the resource. */
    private static void rankings(Connection db, String resource, boolean head, String scope, String key,
            String filter, String order) throws SQLException {
        String name = resource.equals("mem_usage") ? "MEMORY" : resource.equals("cpu_usage") ? "CPU"
                : resource.toUpperCase();
        assertEquals(ids(db, "SELECT m.id FROM metric m WHERE m.tenant_id = 1" + filter + " ORDER BY " + order
                + " LIMIT 500"),
                ids(db, "SELECT metric_id FROM metric_rank WHERE tenant_id = 1 AND resource = '" + name
                        + "' AND head = " + head + " AND scope = '" + scope + "' AND scope_key = '" + key
                        + "' ORDER BY sort_key, metric_id LIMIT 500"),
                () -> scope + " " + key + " " + name + (head ? " head" : " tail"));
    }

    private static List<Long> ids(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            var ids = new ArrayList<Long>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        }
    }

    /** A query's rows as key (first column, as text) to number (second column). */
    private static Map<String, Long> scan(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            var result = new TreeMap<String, Long>();
            while (rows.next()) {
                result.put(rows.getString(1), rows.getLong(2));
            }
            return result;
        }
    }
}
