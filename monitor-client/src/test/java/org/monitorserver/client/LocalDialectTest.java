package org.monitorserver.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.monitorserver.client.ExampleData.C1;
import static org.monitorserver.client.ExampleData.C2;
import static org.monitorserver.client.ExampleData.S1;
import static org.monitorserver.client.ExampleData.S2;
import static org.monitorserver.client.ExampleData.S3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monitorserver.client.model.Context;
import org.monitorserver.client.model.Contexts;
import org.monitorserver.client.model.MatchMethod;
import org.monitorserver.client.model.Metric;
import org.monitorserver.client.model.MetricScope;
import org.monitorserver.client.model.Metrics;
import org.monitorserver.client.model.ResourceMethod;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Session;
import org.monitorserver.client.model.Sessions;

/**
 * Every {@link Monitor} method over a {@code .pymon} holding the example data of docs/api.md; the expected values
 * are the server answers that document shows for the same data.
 */
class LocalDialectTest {

    @TempDir
    Path folder;

    private Monitor monitor;

    @BeforeEach
    void open() throws Exception {
        monitor = Monitor.local(ExampleData.write(folder.resolve("example.pymon")));
    }

    @AfterEach
    void close() {
        monitor.close();
    }

    @Test
    void countsAsTheServerDoes() {
        assertEquals(2, monitor.countComponents());
        assertEquals(2, monitor.countContexts());
        assertEquals(3, monitor.countSessions());
        assertEquals(9, monitor.countMetrics());
        assertEquals(9, monitor.countMetrics(null, null, null));
        assertEquals(5, monitor.countMetrics(S1, null, null));
        assertEquals(2, monitor.countMetrics(null, C2, null));
        assertEquals(7, monitor.countMetrics(null, null, "9e1c"));
        assertEquals(5, monitor.countMetrics(S1, C2, "4b7d"), "the session wins over the other conditions");
        assertEquals(0, monitor.countMetrics("nope", null, null));
    }

    @Test
    void getsSessionsAndContextsByExactHash() {
        Session session = monitor.getSession(S1).orElseThrow();
        assertEquals(LocalDateTime.of(2026, 11, 21, 10, 15, 2, 123_456_000), session.runDate());
        assertEquals("9e1c2f0a4d", session.scm());
        assertEquals(List.of("pipeline_branch", "pipeline_build_no", "__ci__"), List.copyOf(session.tags().keySet()));
        assertEquals("412", session.tags().get("pipeline_build_no"), "numbers in their JSON spelling");
        assertEquals(LocalDateTime.of(2026, 11, 22, 9, 0), monitor.getSession(S3).orElseThrow().runDate());
        assertTrue(monitor.getSession("3e1f").isEmpty(), "a prefix is not a hash");

        Context context = monitor.getContext(C2).orElseThrow();
        assertEquals("dev-laptop", context.machineNode());
        assertEquals(null, context.cpuVendor());
        assertEquals(3228.0, context.cpuFrequency());
        assertEquals(32768, context.totalRam());
        assertTrue(monitor.getContext("9a").isEmpty());
    }

    @Test
    void listsEntitiesInArrivalOrder() {
        Metrics metrics = monitor.listMetrics();
        assertEquals(9, metrics.size());
        assertEquals(List.of(41.2, 40.9, 43.5, 38.0, 212.6, 36.1, 41.2, 205.3, 35.8),
                metrics.values().stream().map(Metric::memUsage).toList());
        Metric last = metrics.get(8);
        assertEquals("", last.component(), "a NULL component is the empty one");
        assertEquals(LocalDateTime.of(2026, 11, 22, 9, 0, 2), last.startTime(), "a space stands for T");
        assertEquals(List.of(S1, S2, S3), monitor.listSessions().hashes());
        assertEquals(List.of(C1, C2), monitor.listContexts().hashes());
    }

    @Test
    void listsMetricsBySessionContextScmAndScope() {
        assertEquals(5, monitor.listSessionMetrics(S1).size());
        assertEquals(List.of(205.3, 35.8), mem(monitor.listContextMetrics(C2)));
        assertEquals(List.of(205.3, 35.8), mem(monitor.listMetricsByScmId("4b7d")));
        assertEquals(7, monitor.listMetricsByScmId("9e1c2f0a4d").size());
        assertEquals(List.of(43.5, 35.8), mem(monitor.listMetricsByType(MetricScope.MODULE)));
        assertTrue(monitor.listMetricsByType(MetricScope.PACKAGE).isEmpty());
    }

    @Test
    void listsMetricsByItemVariantAndPattern() {
        assertEquals(List.of(38.0, 212.6, 205.3), mem(monitor.listItemMetrics("test_put_blob")));
        assertEquals(List.of(212.6, 205.3), mem(monitor.listMetricsOfVariant("test_put_blob[1MB]")));
        assertEquals(List.of(41.2, 41.2), mem(monitor.listMetricsOfVariant("test_login[admin]", "api")));
        assertEquals(List.of(36.1), mem(monitor.listMetricsOfVariant("test_parse_size[10%]", "")));
        assertTrue(monitor.listMetricsOfVariant("test_parse_size[10%]", "api").isEmpty());
        assertEquals(List.of(38.0, 212.6, 205.3), mem(monitor.listMetricsFromPattern("put_", null)),
                "_ is literal");
        assertTrue(monitor.listMetricsFromPattern("PUT", null).isEmpty(), "case-sensitive");
        assertEquals(List.of(36.1), mem(monitor.listMetricsFromPattern(null, "10%")));
        assertTrue(monitor.listMetricsFromPattern(null, "1%").isEmpty(), "% is literal");
        assertEquals(List.of(212.6, 205.3), mem(monitor.listMetricsFromPattern("put", "MB")));
        assertThrows(IllegalArgumentException.class, () -> monitor.listMetricsFromPattern(null, null));
    }

    @Test
    void listsComponentsAndTheirMetrics() {
        assertEquals(List.of("api", "storage"), monitor.listComponents());
        assertEquals(List.of(36.1, 35.8), mem(monitor.listComponentMetrics()));
        assertEquals(List.of(36.1, 35.8), mem(monitor.listComponentMetrics("")));
        assertEquals(List.of(38.0, 212.6, 205.3), mem(monitor.listComponentMetrics("storage")));
        assertEquals(List.of("main", "release-2.1"), monitor.listComponentPipelines("storage"));
        assertEquals(List.of("main"), monitor.listComponentPipelines("api"));
        assertEquals(List.of("412"), monitor.listComponentPipelineBuilds("storage", "main"));
        assertEquals(List.of("412", "413"), monitor.listComponentPipelineBuilds("api", "main"));
        assertTrue(monitor.listComponentPipelines("nothing").isEmpty());
    }

    @Test
    void listsPipelinesBuildsAndBuildSessions() {
        assertEquals(List.of("main", "release-2.1"), monitor.listPipelines());
        assertEquals(List.of("412", "413"), monitor.listPipelineBuilds("main"));
        assertEquals(List.of("7"), monitor.listPipelineBuilds("release-2.1"));
        Sessions build = monitor.listBuildSessions("main", "412");
        assertEquals(List.of(S1), build.hashes());
        assertEquals(monitor.getSession(S1).orElseThrow(), build.get(S1).orElseThrow());
        assertTrue(monitor.listBuildSessions("main", "7").isEmpty());
    }

    @Test
    void filtersSessionsByFlags() {
        assertEquals(List.of(S1, S3), monitor.listSessions(List.of("pipeline_build_no", "python"),
                List.of("412", ""), MatchMethod.MATCH_ANY).hashes());
        assertEquals(List.of(S3), monitor.listSessions(List.of("python", "__ci__"), List.of(),
                MatchMethod.MATCH_ALL).hashes());
        assertEquals(List.of(S1, S2, S3), monitor.listSessions(List.of("python", "__ci__"), List.of(),
                MatchMethod.MATCH_ANY).hashes());
        assertEquals(List.of(S2), monitor.listSessions(List.of("pipeline_build_no"), List.of("413"), null).hashes());
        assertThrows(IllegalArgumentException.class,
                () -> monitor.listSessions(List.of("a", "b"), List.of("1"), MatchMethod.MATCH_ANY));
        assertThrows(IllegalArgumentException.class,
                () -> monitor.listSessions(List.of(), List.of("1"), MatchMethod.MATCH_ANY));
        assertThrows(IllegalArgumentException.class,
                () -> monitor.listSessions(List.of("a,b"), List.of(), MatchMethod.MATCH_ANY));
    }

    @Test
    void ranksHighestOrLowestFirstWithTiesInArrivalOrder() {
        assertEquals(List.of(212.6, 205.3, 43.5), mem(monitor.listMetricsResources(ResourceType.MEMORY,
                ResourceMethod.TOP, 3)));
        assertEquals(9, monitor.listMetricsResources(ResourceType.MEMORY, ResourceMethod.TOP).size());
        assertEquals(List.of(40.9, 41.2), mem(monitor.listMetricsResourcesFromComponent("api", ResourceType.MEMORY,
                ResourceMethod.LOWEST, 2)));
        Metrics ties = monitor.listMetricsResourcesFromComponent("api", ResourceType.MEMORY, ResourceMethod.TOP);
        assertEquals(List.of(43.5, 41.2, 41.2, 40.9), mem(ties));
        assertEquals(List.of(S1, S2), List.of(ties.get(1).sessionH(), ties.get(2).sessionH()), "ties in arrival order");
        assertEquals(0.35, monitor.listMetricsResourcesFromPipeline("main", ResourceType.KERNEL_TIME,
                ResourceMethod.TOP).get(0).kernelTime());
        assertEquals(7, monitor.listMetricsResourcesFromPipeline("main", ResourceType.CPU, ResourceMethod.TOP).size());
        assertEquals(List.of(38.0), mem(monitor.listMetricsResourcesFromBuild("main", "412", ResourceType.MEMORY,
                ResourceMethod.LOWEST, 1)));
        assertEquals(List.of(1.87, 0.05), monitor.listMetricsResourcesFromBuild("release-2.1", "7",
                ResourceType.TOTAL_TIME, ResourceMethod.TOP).values().stream().map(Metric::totalTime).toList());
        assertEquals(List.of(0.31, 0.3), monitor.listMetricsResourcesFromComponent("api", ResourceType.USER_TIME,
                ResourceMethod.TOP, 3).values().stream().skip(1).map(Metric::userTime).toList());
        assertThrows(IllegalArgumentException.class,
                () -> monitor.listMetricsResources(ResourceType.CPU, ResourceMethod.TOP, 0));
    }

    @Test
    void derivesSessionsContextsAndMetricsFromCollections() {
        Metrics blobs = monitor.listItemMetrics("test_put_blob");
        Sessions sessions = monitor.listSessionsFrom(blobs);
        assertEquals(List.of(S1, S3), sessions.hashes());
        Contexts contexts = monitor.listContextsFrom(blobs);
        assertEquals(List.of(C1, C2), contexts.hashes());

        Sessions second = new Sessions(List.of(monitor.getSession(S2).orElseThrow()));
        Contexts laptop = new Contexts(List.of(monitor.getContext(C2).orElseThrow()));
        assertEquals(List.of(36.1, 41.2, 205.3, 35.8), mem(monitor.listMetricsFrom(second, laptop)));
        assertEquals(7, monitor.listMetricsFrom(new Sessions(List.of(monitor.getSession(S1).orElseThrow())),
                new Contexts(List.of(monitor.getContext(C1).orElseThrow()))).size(), "no duplicates");
        assertTrue(monitor.listMetricsFrom(null, null).isEmpty());
    }

    @Test
    void refusesWhatIsNoPymonFile() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.pymon"), "not a database");
        assertThrows(MonitorException.class, () -> Monitor.local(text));
        assertThrows(MonitorException.class, () -> Monitor.local(folder.resolve("missing.pymon")));
    }

    @Test
    void neverWritesTheFile() throws Exception {
        Path file = folder.resolve("example.pymon");
        long before = Files.size(file);
        byte[] bytes = Files.readAllBytes(file);
        monitor.listMetrics();
        monitor.listSessions();
        assertEquals(before, Files.size(file));
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(file)));
        assertFalse(Files.exists(folder.resolve("example.pymon-journal")));
    }

    private static List<Double> mem(Metrics metrics) {
        return metrics.values().stream().map(Metric::memUsage).toList();
    }
}
