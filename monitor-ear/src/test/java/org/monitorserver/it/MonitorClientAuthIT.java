package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.client.Monitor;
import org.monitorserver.client.model.Contexts;
import org.monitorserver.client.model.MatchMethod;
import org.monitorserver.client.model.Metric;
import org.monitorserver.client.model.MetricScope;
import org.monitorserver.client.model.Metrics;
import org.monitorserver.client.model.ResourceMethod;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Session;
import org.monitorserver.client.model.Sessions;
import org.monitorserver.it.Keys.TestTenant;

/**
 * Every {@link Monitor} method through both dialects on the same data: a small data set posted to the deployed
 * server (page size 3, so most listings span pages) and written to a {@code .pymon} with pytest-monitor's
 * schema. The server runs with authentication on (the {@code *AuthIT} execution) and each test has a tenant of its
 * own, so whole-tenant listings such as {@code listMetrics()} hold this test's rows only, however much the IT
 * database has gathered over earlier runs. Names and hashes are unique per run all the same.
 */
class MonitorClientAuthIT extends ApiTestSupport {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final String run = "cit" + Long.toString(System.nanoTime(), 36);
    private final String componentA = run + "-api";
    private final String componentB = run + "-store";
    private final String pipeline = run + "-main";
    private final String otherPipeline = run + "-rel";
    private final String tag = run + "_flavor";
    private final String scm = run + "deadbeef";
    private final List<ContextJson> contexts = new ArrayList<>();
    private final List<Map<String, Object>> sessions = new ArrayList<>();
    private final List<MetricJson> metrics = new ArrayList<>();

    private final Client http = ClientBuilder.newClient();
    private TestTenant tenant;
    private Path file;
    private Monitor remote;
    private Monitor local;

    @BeforeEach
    void storeTheDataBothWays() throws Exception {
        tenant = Keys.tenant(http, root(), "client");
        contexts.add(new ContextJson(run + "c1", run + "c1", 8, 2000.0, "x86_64", "GenuineIntel", 16000, "ci-1",
                "x86_64", "64bit", "Linux - 6.1.0", "3.11.4"));
        contexts.add(new ContextJson(run + "c2", run + "c2", 10, 3228.0, "arm", null, 32768, "laptop", "arm64",
                "64bit", "Darwin - 24.1.0", "3.12.7"));
        session(run + "s1", "2026-11-21T10:15:02.123456", scm, Map.of("pipeline_branch", pipeline,
                "pipeline_build_no", "1"));
        session(run + "s2", "2026-11-21T11:00:00", scm + "01", Map.of("pipeline_branch", pipeline,
                "pipeline_build_no", "2", tag, "x"));
        session(run + "s3", "2026-11-22T09:30:00.500000", run + "cafe", Map.of("pipeline_branch", pipeline,
                "pipeline_build_no", 10, tag, "y"));
        session(run + "s4", "2026-11-23T08:00:00", null, Map.of("pipeline_branch", otherPipeline,
                "pipeline_build_no", "1"));
        String[] components = {componentA, componentB, ""};
        for (int i = 0; i < 21; i++) {
            String session = run + "s" + (1 + i % 4);
            String context = run + (i % 4 == 3 ? "c2" : "c1");
            boolean module = i % 7 == 6;
            String item = module ? "tests.test_" + run : "test_" + run + "_" + (char) ('a' + i % 3);
            String variant = module ? "" : item + "[" + (i % 2 == 0 ? "big" : "small") + "]";
            // A few equal memory values, so that ties in rankings keep arrival order in both dialects.
            double memory = 30 + (i % 5) * 10 + (i % 3 == 0 ? 0 : 0.5);
            metrics.add(new MetricJson(session, context, String.format("2026-11-21T10:%02d:%02d%s", i, i,
                    i % 2 == 0 ? ".250000" : ""), "tests.test_" + run, item, variant, "tests/test_" + run + ".py",
                    module ? "module" : "function", components[i % 3], 0.1 * (i + 1), 0.05 * (i % 4),
                    0.01 * (i % 6), 0.4 + (i % 5) / 10.0, memory));
        }
        contexts.forEach(c -> assertEquals(201, postAsTenant("/api/v1/contexts/", JSONB.toJson(c))));
        for (Map<String, Object> s : sessions) {
            JsonObjectBuilder body = Json.createObjectBuilder(s);
            assertEquals(201, postAsTenant("/api/v1/sessions/", body.build().toString()));
        }
        metrics.forEach(m -> assertEquals(201, postAsTenant("/api/v1/metrics/", JSONB.toJson(m))));

        file = writePymon(Files.createTempFile(run, ".pymon"));
        remote = Monitor.remote(URI.create(root() + "/api/v1"), tenant.userKey());
        local = Monitor.local(file);
    }

    @AfterEach
    void closeBoth() throws Exception {
        remote.close();
        local.close();
        http.close();
        Files.deleteIfExists(file);
    }

    /** Posts {@code body} to {@code path} with the tenant's key; answers the status. */
    private int postAsTenant(String path, String body) {
        try (Response answer = Keys.send(http, root(), "POST", path, body, tenant.user())) {
            return answer.getStatus();
        }
    }

    @Test
    void countsAgree() {
        for (Map<String, Object> s : sessions) {
            String h = (String) s.get("session_h");
            assertEquals(local.countMetrics(h, null, null), remote.countMetrics(h, null, null), h);
        }
        for (ContextJson c : contexts) {
            assertEquals(local.countMetrics(null, c.h(), null), remote.countMetrics(null, c.h(), null));
        }
        assertEquals(11, remote.countMetrics(null, null, scm), "both sessions whose reference starts with it");
        assertEquals(local.countMetrics(null, null, scm), remote.countMetrics(null, null, scm));
        // The tenant holds this test's rows only: the totals agree exactly.
        assertEquals(21, local.countMetrics());
        assertEquals(local.countMetrics(), remote.countMetrics());
        assertEquals(local.countSessions(), remote.countSessions());
        assertEquals(local.countContexts(), remote.countContexts());
        assertEquals(local.countComponents(), remote.countComponents());
        assertEquals(2, local.countComponents());
    }

    @Test
    void singleEntitiesAgree() {
        for (Map<String, Object> s : sessions) {
            String h = (String) s.get("session_h");
            assertEquals(local.getSession(h).orElseThrow(), remote.getSession(h).orElseThrow(), h);
        }
        for (ContextJson c : contexts) {
            assertEquals(local.getContext(c.h()).orElseThrow(), remote.getContext(c.h()).orElseThrow());
        }
        assertTrue(remote.getSession(run + "s").isEmpty(), "a prefix is not a session");
        assertTrue(local.getSession(run + "s").isEmpty());
        assertTrue(remote.getContext(run + "nope").isEmpty());
    }

    @Test
    void listingsAgreeWholeAndInOrder() {
        Set<String> ours = hashes();
        assertEquals(local.listMetrics(), remote.listMetrics().filterWith(m -> ours.contains(m.sessionH())));
        assertEquals(local.listSessions().values(), remote.listSessions().filterWith(s -> ours.contains(s.h()))
                .values());
        assertEquals(local.listContexts().values(), remote.listContexts().filterWith(c -> c.h().startsWith(run))
                .values());
        for (Map<String, Object> s : sessions) {
            String h = (String) s.get("session_h");
            assertEquals(local.listSessionMetrics(h), remote.listSessionMetrics(h));
        }
        for (ContextJson c : contexts) {
            assertEquals(local.listContextMetrics(c.h()), remote.listContextMetrics(c.h()));
        }
        assertEquals(11, remote.listMetricsByScmId(scm).size(), "four pages of 3");
        assertEquals(local.listMetricsByScmId(scm), remote.listMetricsByScmId(scm));
        for (MetricScope scope : MetricScope.values()) {
            assertEquals(local.listMetricsByType(scope), remote.listMetricsByType(scope).filterWith(m -> ours
                    .contains(m.sessionH())));
        }
    }

    @Test
    void itemVariantAndPatternListingsAgree() {
        for (String item : List.of("test_" + run + "_a", "test_" + run + "_b", "tests.test_" + run)) {
            assertFalse(local.listItemMetrics(item).isEmpty(), item);
            assertEquals(local.listItemMetrics(item), remote.listItemMetrics(item));
        }
        String variant = "test_" + run + "_a[big]";
        assertEquals(local.listMetricsOfVariant(variant), remote.listMetricsOfVariant(variant));
        for (String component : List.of(componentA, componentB, "")) {
            assertEquals(local.listMetricsOfVariant(variant, component),
                    remote.listMetricsOfVariant(variant, component), component);
        }
        assertEquals(local.listMetricsFromPattern(run + "_b", null), remote.listMetricsFromPattern(run + "_b", null));
        assertEquals(local.listMetricsFromPattern(null, "[small]").filterWith(m -> m.item().contains(run)),
                remote.listMetricsFromPattern(null, "[small]").filterWith(m -> m.item().contains(run)));
        assertEquals(local.listMetricsFromPattern(run, "big"), remote.listMetricsFromPattern(run, "big"));
    }

    @Test
    void componentAndPipelineListingsAgree() {
        Set<String> ours = hashes();
        assertEquals(List.of(componentA, componentB), local.listComponents());
        assertEquals(local.listComponents(), remote.listComponents().stream().filter(c -> c.startsWith(run))
                .toList());
        for (String component : List.of(componentA, componentB)) {
            assertEquals(local.listComponentMetrics(component), remote.listComponentMetrics(component));
            assertEquals(local.listComponentPipelines(component), remote.listComponentPipelines(component));
            assertEquals(local.listComponentPipelineBuilds(component, pipeline),
                    remote.listComponentPipelineBuilds(component, pipeline));
        }
        assertEquals(local.listComponentMetrics(), remote.listComponentMetrics().filterWith(m -> ours
                .contains(m.sessionH())));
        assertEquals(List.of(pipeline, otherPipeline), local.listPipelines());
        assertEquals(local.listPipelines(), remote.listPipelines().stream().filter(p -> p.startsWith(run)).toList());
        assertEquals(List.of("1", "10", "2"), local.listPipelineBuilds(pipeline), "builds sort as text");
        assertEquals(local.listPipelineBuilds(pipeline), remote.listPipelineBuilds(pipeline));
        for (String build : List.of("1", "2", "10")) {
            assertEquals(local.listBuildSessions(pipeline, build).values(),
                    remote.listBuildSessions(pipeline, build).values(), build);
        }
    }

    @Test
    void sessionFlagFiltersAgree() {
        Set<String> ours = hashes();
        List<List<List<String>>> filters = List.of(
                List.of(List.of(tag), List.of()),
                List.of(List.of(tag), List.of("y")),
                List.of(List.of(tag, "pipeline_build_no"), List.of("", "1")),
                List.of(List.of("pipeline_branch", tag), List.of(pipeline, "")));
        for (List<List<String>> filter : filters) {
            for (MatchMethod method : MatchMethod.values()) {
                Sessions expected = local.listSessions(filter.get(0), filter.get(1), method);
                assertEquals(expected.values(), remote.listSessions(filter.get(0), filter.get(1), method)
                        .filterWith(s -> ours.contains(s.h())).values(), filter + " " + method);
            }
        }
        assertEquals(List.of(run + "s3"), local.listSessions(List.of(tag), List.of("y"), MatchMethod.MATCH_ALL)
                .hashes());
    }

    @Test
    void collectionsDerivedThroughEitherDialectAgree() {
        Metrics blobs = local.listItemMetrics("test_" + run + "_c");
        assertEquals(local.listSessionsFrom(blobs).values(), remote.listSessionsFrom(blobs).values());
        assertEquals(local.listContextsFrom(blobs).values(), remote.listContextsFrom(blobs).values());
        Sessions two = new Sessions(List.of(local.getSession(run + "s2").orElseThrow(),
                local.getSession(run + "s4").orElseThrow()));
        Contexts laptop = new Contexts(List.of(local.getContext(run + "c2").orElseThrow()));
        assertEquals(local.listMetricsFrom(two, laptop), remote.listMetricsFrom(two, laptop));
        assertEquals(local.listMetricsFrom(two, null), remote.listMetricsFrom(two, null));
    }

    @Test
    void rankingsAgree() {
        for (ResourceType resource : ResourceType.values()) {
            for (ResourceMethod method : ResourceMethod.values()) {
                String what = resource + " " + method;
                for (int n : List.of(1, 4, 10, 25)) {
                    assertEquals(local.listMetricsResourcesFromComponent(componentA, resource, method, n),
                            remote.listMetricsResourcesFromComponent(componentA, resource, method, n), what + n);
                    assertEquals(local.listMetricsResourcesFromPipeline(pipeline, resource, method, n),
                            remote.listMetricsResourcesFromPipeline(pipeline, resource, method, n), what + n);
                    assertEquals(local.listMetricsResourcesFromBuild(pipeline, "10", resource, method, n),
                            remote.listMetricsResourcesFromBuild(pipeline, "10", resource, method, n), what + n);
                }
                assertEquals(local.listMetricsResourcesFromComponent(componentB, resource, method),
                        remote.listMetricsResourcesFromComponent(componentB, resource, method), what);
                assertEquals(local.listMetricsResourcesFromPipeline(otherPipeline, resource, method),
                        remote.listMetricsResourcesFromPipeline(otherPipeline, resource, method), what);
                assertEquals(local.listMetricsResourcesFromBuild(pipeline, "1", resource, method),
                        remote.listMetricsResourcesFromBuild(pipeline, "1", resource, method), what);
                // Over all metrics other tests' rows interleave: this run's rows among the server's top n are
                // this run's own top k, in the same order.
                Set<String> ours = hashes();
                Metrics remoteOurs = remote.listMetricsResources(resource, method, 500)
                        .filterWith(m -> ours.contains(m.sessionH()));
                List<Metric> localTop = local.listMetricsResources(resource, method, 500).values();
                assertEquals(localTop.subList(0, remoteOurs.size()), remoteOurs.values(), what);
                assertEquals(Math.min(10, 21), local.listMetricsResources(resource, method).size());
            }
        }
        assertEquals(10, remote.listMetricsResources(ResourceType.MEMORY, ResourceMethod.TOP).size(),
                "ten rows, whether in one body or in pages");
    }

    private Set<String> hashes() {
        return sessions.stream().map(s -> (String) s.get("session_h")).collect(Collectors.toSet());
    }

    private void session(String h, String runDate, String scmRef, Map<String, Object> tags) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("session_h", h);
        session.put("run_date", runDate);
        session.put("scm_ref", scmRef);
        // Tags in a fixed order: the server keeps the posted order, the file keeps the JSON text's.
        Map<String, Object> ordered = new LinkedHashMap<>();
        tags.keySet().stream().sorted().forEach(k -> ordered.put(k, tags.get(k)));
        session.put("description", ordered);
        sessions.add(session);
    }

    /** The same data in a file with pytest-monitor's exact schema, in the same order as posted. */
    private Path writePymon(Path path) throws Exception {
        Files.deleteIfExists(path);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath());
                Statement ddl = connection.createStatement()) {
            PymonSchema.create(ddl);
            insert(connection, "INSERT INTO EXECUTION_CONTEXTS VALUES (?,?,?,?,?,?,?,?,?,?,?)", contexts,
                    c -> Arrays.asList(c.h(), c.cpuCount(), (int) c.cpuFrequency(), c.cpuType(), c.cpuVendor(),
                            c.ramTotal(), c.machineNode(), c.machineType(), c.machineArch(), c.systemInfo(),
                            c.pythonInfo()));
            insert(connection, "INSERT INTO TEST_SESSIONS VALUES (?,?,?,?)", sessions,
                    s -> Arrays.asList(s.get("session_h"), s.get("run_date"), s.get("scm_ref"),
                            Json.createObjectBuilder((Map<String, Object>) s.get("description")).build().toString()));
            insert(connection, "INSERT INTO TEST_METRICS VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", metrics,
                    m -> Arrays.asList(m.sessionH(), m.contextH(), m.itemStartTime(), m.itemPath(), m.item(),
                            m.itemVariant(), m.itemFsLoc(), m.kind(), m.component(), m.totalTime(), m.userTime(),
                            m.kernelTime(), m.cpuUsage(), m.memUsage()));
        }
        return path;
    }

    private static <T> void insert(Connection connection, String sql, List<T> rows, Function<T, List<Object>> cells)
            throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                List<Object> values = cells.apply(row);
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                statement.executeUpdate();
            }
        }
    }
}
