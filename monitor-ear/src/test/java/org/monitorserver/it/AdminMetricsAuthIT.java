package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monitorserver.it.Keys.Credentials;
import org.monitorserver.it.Keys.TestTenant;

/**
 * With {@code MONITOR_SERVER_AUTH=on}: the admin metrics of the reference (004). Node usage of crafted sessions
 * against hand-computed node-seconds (overlap, clipping, every {@code groupby}, users), the access rules, and the
 * task queues against planted job rows and a real import.
 */
class AdminMetricsAuthIT extends ApiTestSupport {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final Client client = ClientBuilder.newClient();
    private TestTenant c;
    private TestTenant d;

    /**
     * A Monday at 00:00 UTC between 2001 and 2384, different per run: the IT database outlives runs, and the
     * superadmin's figures span every tenant, so each run's crafted sessions need a time of their own.
     */
    private LocalDateTime monday;

    @BeforeEach
    void tenants() {
        c = Keys.tenant(client, root(), "usage-c");
        d = Keys.tenant(client, root(), "usage-d");
        monday = LocalDate.of(2001, 1, 1).plusWeeks(ThreadLocalRandom.current().nextInt(20_000)).atStartOfDay();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static long epoch(LocalDateTime utc) {
        return utc.toEpochSecond(ZoneOffset.UTC);
    }

    /** One session of {@code tenant}, sent by {@code sender}, with one metric per [start, start + seconds]. */
    private void session(Credentials sender, String node, LocalDateTime... startsAndEnds) {
        String sessionH = Body.hash();
        Response context = Keys.send(client, root(), "POST", "/api/v1/contexts/", Body.context(node).json(), sender);
        assertEquals(201, context.getStatus(), () -> context.readEntity(String.class));
        context.close();
        json(Keys.send(client, root(), "POST", "/api/v1/sessions/", Body.session(sessionH).json(), sender), 201);
        for (int i = 0; i < startsAndEnds.length; i += 2) {
            double seconds = java.time.Duration.between(startsAndEnds[i], startsAndEnds[i + 1]).toMillis() / 1000.0;
            json(Keys.send(client, root(), "POST", "/api/v1/metrics/", Body.metric(sessionH, node)
                    .with("item_start_time", ISO.format(startsAndEnds[i])).with("total_time", seconds).json(), sender),
                    201);
        }
    }

    private JsonObject usage(Credentials who, String query) {
        return json(Keys.get(client, root(), "/api/v1/metrics/nodes/usage" + query, who), 200);
    }

    private List<long[]> data(JsonObject usage) {
        var points = new ArrayList<long[]>();
        usage.getJsonArray("data").forEach(v -> points.add(new long[] {v.asJsonObject().getJsonNumber("time")
                .longValue(), v.asJsonObject().getJsonNumber("value").longValue()}));
        return points;
    }

    private static void assertData(List<long[]> expected, List<long[]> actual) {
        assertEquals(expected.size(), actual.size(), () -> "entries: " + render(actual));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], actual.get(i)[0], "time of entry " + i + ": " + render(actual));
            assertEquals(expected.get(i)[1], actual.get(i)[1], "value of entry " + i + ": " + render(actual));
        }
    }

    private static String render(List<long[]> points) {
        return points.stream().map(p -> p[0] + "=" + p[1]).toList().toString();
    }

    @Test
    void nodeUsageMatchesHandComputedNodeSeconds() {
        LocalDateTime t = monday.plusHours(10); // Monday 10:00
        String n1 = Body.hash();
        String n2 = Body.hash();
        String n3 = Body.hash();
        // n1: ci's two overlapping sessions, [10:00, 10:21] and [10:15, 10:40]: one busy span of 2,400 s.
        session(c.user(), n1, t, t.plusMinutes(10), t.plusMinutes(20), t.plusMinutes(21));
        session(c.user(), n1, t.plusMinutes(15), t.plusMinutes(40));
        // n2: boss's session [10:30, 11:30], 3,600 s.
        session(c.admin(), n2, t.plusMinutes(30), t.plusMinutes(90));
        // n3: boss's session over midnight, Monday 23:30 to Tuesday 00:30.
        session(c.admin(), n3, monday.plusHours(23).plusMinutes(30), monday.plusDays(1).plusMinutes(30));

        // The whole window from 10:00: 2,400 + 3,600 + 3,600.
        JsonObject all = usage(c.admin(), "?start=" + epoch(t) + "&end=" + epoch(monday.plusDays(2)));
        assertEquals(epoch(t), all.getJsonNumber("start").longValue());
        assertData(List.of(new long[] {epoch(t), 9600}), data(all));
        // start defaults to the tenant's earliest span start.
        assertEquals(epoch(t), usage(c.admin(), "?end=" + epoch(monday.plusDays(2))).getJsonNumber("start")
                .longValue());
        // Clipped to [10:30, 11:00]: n1 600 s, n2 1,800 s.
        assertData(List.of(new long[] {epoch(t.plusMinutes(30)), 2400}), data(usage(c.admin(),
                "?start=" + epoch(t.plusMinutes(30)) + "&end=" + epoch(t.plusMinutes(60)))));
        // By hour over [10:00, 12:00]: n1 2,400 + n2 1,800; then n2 1,800.
        assertData(List.of(new long[] {epoch(t), 4200}, new long[] {epoch(t.plusHours(1)), 1800}),
                data(usage(c.admin(), "?start=" + epoch(t) + "&end=" + epoch(t.plusHours(2)) + "&groupby=hour")));
        // By day over Monday and Tuesday: n3 splits at midnight.
        assertData(List.of(new long[] {epoch(monday), 2400 + 3600 + 1800},
                new long[] {epoch(monday.plusDays(1)), 1800}), data(usage(c.admin(),
                "?start=" + epoch(monday) + "&end=" + epoch(monday.plusDays(2)) + "&groupby=day")));
        // The user filter: ci's sessions only (n1).
        assertData(List.of(new long[] {epoch(t), 2400}), data(usage(c.admin(),
                "?start=" + epoch(t) + "&end=" + epoch(monday.plusDays(2)) + "&user=ci")));
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        String node = Body.hash();
        // Sunday 23:00 to Monday 01:00, across the ISO week boundary.
        LocalDateTime sunday = monday.plusDays(6).plusHours(23);
        session(c.user(), node, sunday, sunday.plusHours(2));
        assertData(List.of(new long[] {epoch(monday), 3600}, new long[] {epoch(monday.plusWeeks(1)), 3600}),
                data(usage(c.admin(), "?start=" + epoch(monday) + "&end=" + epoch(monday.plusWeeks(2))
                        + "&groupby=week")));
        // The last day of the month 23:00 to the first of the next 01:00.
        LocalDateTime first = monday.plusWeeks(3).with(TemporalAdjusters.firstDayOfNextMonth());
        String other = Body.hash();
        session(c.user(), other, first.minusHours(1), first.plusHours(1));
        LocalDateTime monthStart = first.minusMonths(1);
        List<long[]> months = data(usage(c.admin(), "?start=" + epoch(monthStart) + "&end="
                + epoch(first.plusMonths(1)) + "&groupby=month&user=ci"));
        // The first month holds the last hour of its last day, and whatever part of the Sunday session falls in it
        // (none, all, or an hour when that Sunday is the month's last day).
        long weekSessionInFirstMonth = Math.max(0, Math.min(epoch(sunday.plusHours(2)), epoch(first))
                - Math.max(epoch(sunday), epoch(monthStart)));
        assertData(List.of(new long[] {epoch(monthStart), 3600 + weekSessionInFirstMonth},
                new long[] {epoch(first), 3600}), months);
        assertEquals(DayOfWeek.MONDAY, monday.getDayOfWeek());
    }

    @Test
    void theAccessRulesOf004() {
        LocalDateTime t = monday.plusHours(8);
        session(c.user(), Body.hash(), t, t.plusMinutes(10));      // C's ci: 600 s
        session(d.user(), Body.hash(), t, t.plusMinutes(20));      // D's ci: 1,200 s
        session(d.admin(), Body.hash(), t, t.plusMinutes(30));     // D's boss: 1,800 s
        String window = "?start=" + epoch(t) + "&end=" + epoch(t.plusHours(1));
        Credentials superadmin = Credentials.bearer(Keys.ADMIN);

        // A tenant admin sees their own tenant; user= is their tenant's user.
        assertEquals(600, data(usage(c.admin(), window)).get(0)[1]);
        assertEquals(600, data(usage(c.admin(), window + "&user=ci")).get(0)[1]);
        assertEquals(3000, data(usage(d.admin(), window)).get(0)[1]);
        assertEquals(1200, data(usage(d.admin(), window + "&user=ci")).get(0)[1]);
        // The superadmin sees every tenant; user= is that name in every tenant; tenant= one tenant.
        assertEquals(600 + 1200, data(usage(superadmin, window + "&user=ci")).get(0)[1]);
        assertEquals(3000, data(usage(superadmin, window + "&tenant=" + d.name())).get(0)[1]);
        assertEquals(1800, data(usage(superadmin, window + "&tenant=" + d.name() + "&user=boss")).get(0)[1]);
        // tenant= from anyone else is 405, even their own tenant; plain users 403; no credentials 401.
        assertStatus(405, Keys.get(client, root(), "/api/v1/metrics/nodes/usage" + window + "&tenant=" + c.name(),
                c.admin()));
        assertStatus(403, Keys.get(client, root(), "/api/v1/metrics/nodes/usage" + window, c.user()));
        Keys.assertUnauthorized(Keys.get(client, root(), "/api/v1/metrics/nodes/usage", Credentials.NONE));
        assertStatus(404, Keys.get(client, root(), "/api/v1/metrics/nodes/usage?tenant=no-such-tenant", superadmin));
        assertStatus(400, Keys.get(client, root(), "/api/v1/metrics/nodes/usage?groupby=year", c.admin()));
        assertStatus(400, Keys.get(client, root(), "/api/v1/metrics/nodes/usage?start=10&end=5", c.admin()));
        assertStatus(400, Keys.get(client, root(), "/api/v1/metrics/nodes/usage?start=-1", c.admin()));
        // Decades by the hour would be hundreds of thousands of points: refused, not computed.
        assertStatus(400, Keys.get(client, root(), "/api/v1/metrics/nodes/usage?start=0&end=" + epoch(t)
                + "&groupby=hour", c.admin()));
    }

    private static void assertStatus(int expected, Response response) {
        String body = response.readEntity(String.class);
        assertEquals(expected, response.getStatus(), body);
        assertTrue(body.contains("\"message\""), body);
    }

    @Test
    void queueMetricsMatchPlantedJobsPerTenant() throws SQLException {
        long tenantC = tenantId(c.name());
        long tenantD = tenantId(d.name());
        // C: 2 running (leased to a live server far into the future), 1 done, 1 failed. D: 1 running.
        plant(tenantC, "RUNNING", 2);
        plant(tenantC, "DONE", 1);
        plant(tenantC, "FAILED", 1);
        plant(tenantD, "RUNNING", 1);
        Credentials superadmin = Credentials.bearer(Keys.ADMIN);
        JsonObject all = json(Keys.get(client, root(), "/api/v1/metrics/queues", superadmin), 200);
        assertEquals(Map.of("inProgress", 2L, "queued", 0L, "total", 2L), figures(all.getJsonObject(c.name())));
        assertEquals(Map.of("inProgress", 1L, "queued", 0L, "total", 1L), figures(all.getJsonObject(d.name())));
        assertTrue(all.containsKey("superadmin") && all.containsKey("default"), all::toString);
        // A tenant admin sees their own tenant only.
        JsonObject own = json(Keys.get(client, root(), "/api/v1/metrics/queues", c.admin()), 200);
        assertEquals(List.of(c.name()), List.copyOf(own.keySet()));
        // A queued job is claimed by a runner within seconds, so it is counted right after planting, and the
        // count is checked against the rows in the same moment.
        for (int attempt = 0;; attempt++) {
            long before = countJobs(tenantC, "QUEUED");
            plant(tenantC, "QUEUED", 1);
            JsonObject seen = json(Keys.get(client, root(), "/api/v1/metrics/queues", c.admin()), 200)
                    .getJsonObject(c.name());
            long after = countJobs(tenantC, "QUEUED");
            if (after == before + 1) {
                assertEquals(after, seen.getJsonNumber("queued").longValue(), seen::toString);
                break;
            }
            assertTrue(attempt < 5, "a runner kept claiming the planted job first");
        }
        Keys.assertUnauthorized(Keys.get(client, root(), "/api/v1/metrics/queues", Credentials.NONE));
    }

    @Test
    void queueMetricsShowARealImportWhileItRuns() throws Exception {
        Path dir = Files.createTempDirectory("queue-");
        Path file = dir.resolve("running.pymon");
        try {
            // 20,000 metrics: a job of a few seconds, long enough to be seen running.
            byte[] bytes = Files.readAllBytes(new ImportIT.DataSet(4, 5000).write(file));
            Response upload = c.user().apply(client.target(URI.create(root() + "/api/v1/imports")).request())
                    .post(Entity.entity(bytes, "application/octet-stream"));
            long id = json(upload, 202).getJsonNumber("id").longValue();
            boolean seenRunning = false;
            for (int i = 0; i < 600; i++) {
                JsonObject job = json(Keys.get(client, root(), "/api/v1/imports/" + id, c.user()), 200);
                JsonObject queue = json(Keys.get(client, root(), "/api/v1/metrics/queues", c.admin()), 200)
                        .getJsonObject(c.name());
                String state = json(Keys.get(client, root(), "/api/v1/imports/" + id, c.user()), 200)
                        .getString("state");
                if (job.getString("state").equals("running") && state.equals("running")) {
                    assertEquals(1, queue.getJsonNumber("inProgress").longValue(), queue::toString);
                    seenRunning = true;
                }
                if (state.equals("done") || state.equals("failed")) {
                    assertEquals("done", state);
                    break;
                }
                Thread.sleep(50);
            }
            assertTrue(seenRunning, "the import was seen running");
            JsonObject after = json(Keys.get(client, root(), "/api/v1/metrics/queues", c.admin()), 200)
                    .getJsonObject(c.name());
            assertEquals(0, after.getJsonNumber("total").longValue(), after::toString);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static Map<String, Long> figures(JsonObject queue) {
        return Map.of("inProgress", queue.getJsonNumber("inProgress").longValue(), "queued",
                queue.getJsonNumber("queued").longValue(), "total", queue.getJsonNumber("total").longValue());
    }

    private static long tenantId(String name) throws SQLException {
        try (Connection db = database(); PreparedStatement find = db.prepareStatement("SELECT id FROM tenant WHERE name = ?")) {
            find.setString(1, name);
            try (ResultSet row = find.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long countJobs(long tenant, String state) throws SQLException {
        try (Connection db = database(); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM import_job WHERE tenant_id = " + tenant
                        + " AND state = '" + state + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Job rows without uploads; running ones hold a lease of a server that is alive for an hour yet. */
    private static void plant(long tenant, String state, int count) throws SQLException {
        try (Connection db = database(); PreparedStatement job = db.prepareStatement("INSERT INTO import_job (id,"
                + " tenant_id, state, size_bytes, created_at, started_at, finished_at, lease_owner, lease_expires)"
                + " VALUES (nextval('import_job_seq'), ?, ?, 1, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
            boolean running = state.equals("RUNNING");
            boolean ended = state.equals("DONE") || state.equals("FAILED");
            for (int i = 0; i < count; i++) {
                job.setLong(1, tenant);
                job.setString(2, state);
                job.setTimestamp(3, now);
                job.setTimestamp(4, running || ended ? now : null);
                job.setTimestamp(5, ended ? now : null);
                job.setString(6, running ? "live-server" : null);
                job.setTimestamp(7, running ? Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).plusHours(1))
                        : null);
                job.addBatch();
            }
            job.executeBatch();
        }
    }
}
