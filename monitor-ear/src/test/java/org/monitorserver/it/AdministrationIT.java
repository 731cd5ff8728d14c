package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an admin changes on a running server (docs/administration.md), on a server process of the test's own
 * started with {@code MONITOR_SERVER_WORKERS=7}, {@code MONITOR_SERVER_ENV=Development} and
 * {@code MONITOR_SERVER_LOG_FORMAT=json}: the worker threads follow the variable, server.log is JSON with each
 * request logged at FINE (development), and a setting changed through {@code jboss-cli} that is read at start-up
 * (the page size) takes effect on a reload, not before. Then console changes that survive a rebuild, with
 * {@code MONITOR_SERVER_CONFIG_DIR}.
 */
class AdministrationIT extends ApiTestSupport {

    private static final int OFFSET = 350;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void workersEnvironmentJsonLogsAndASettingThatTakesEffectOnReload() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "needs the PostgreSQL run");
        String database = ServerProcess.newDatabase("admin");
        Path target = Path.of(System.getProperty("it.ear")).getParent();
        Path home = target.resolve("admin-server");
        try (var server = new ServerProcess(home, OFFSET, ServerProcess.environment(database,
                target.resolve("admin-data"), Map.of("MONITOR_SERVER_WORKERS", "7", "MONITOR_SERVER_ENV", "Development",
                        "MONITOR_SERVER_LOG_FORMAT", "json", "MONITOR_SERVER_PAGINATION_COUNT", "500")))) {
            server.start();
            int management = 9990 + OFFSET;

            String worker = JbossCli.run(home, management,
                    "/subsystem=io/worker=default:read-resource(include-runtime=true, resolve-expressions=true)");
            assertTrue(worker.matches("(?s).*\"task-max-threads\" => \"7\".*"), worker);
            assertTrue(worker.matches("(?s).*\"max-pool-size\" => 7\\b.*"), worker);

            for (int i = 0; i < 3; i++) {
                String context = Body.hash();
                assertEquals(201, postTo(server.root(), "/api/v1/contexts/", Body.context(context).json()));
            }
            assertEquals(3, pageSize(server.root()));
            JbossCli.run(home, management, "/system-property=monitor.server.pagination-count:write-attribute(name=value, value=2)");
            assertTrue(pageSize(server.root()) >= 3, "the page size is read at start-up: no change before a reload");
            JbossCli.run(home, management, ":reload");
            long reloaded = awaitPageSize(server, 2);
            System.out.printf("AdministrationIT: the page size became 2 %d ms after :reload%n", reloaded);

            List<String> log = Files.readAllLines(home.resolve("standalone/log/server.log"));
            // The first lines of a boot come before the logging subsystem, in the format of the server's copy.
            int first = 0;
            while (first < log.size() && !log.get(first).startsWith("{")) {
                first++;
            }
            List<String> after = log.subList(first, log.size());
            JsonObject request = after.stream().filter(line -> line.startsWith("{"))
                    .map(RunsIT::parse)
                    .filter(line -> line.getString("message", "").startsWith("POST /api/v1/contexts 201"))
                    .findFirst().orElseThrow(() -> new AssertionError("no request logged: " + after));
            assertEquals("FINE", request.getString("level"), "requests are logged at FINE in development");
            assertTrue(after.size() > 100 && after.stream().allMatch(line -> line.startsWith("{")),
                    "server.log is JSON once logging has started");
            System.out.printf("AdministrationIT: 7 worker threads from MONITOR_SERVER_WORKERS; page size 500 -> 2 only"
                    + " after jboss-cli and :reload; server.log JSON with requests at %s%n", request.getString("level"));
        }
    }

    /**
     * {@code MONITOR_SERVER_CONFIG_DIR} outside the server's folder: a setting written with {@code jboss-cli} is still
     * in force after a rebuild (a new copy of the provisioned server), and the launcher adds to the kept configuration
     * what the build has and it lacks (a setting removed from it here, as an older build would not have it).
     */
    @Test
    void consoleChangesSurviveARebuildWithAConfigurationFolder() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "needs the PostgreSQL run");
        int offset = 370; // HTTP 8551, management 10360
        String database = ServerProcess.newDatabase("config");
        Path target = Path.of(System.getProperty("it.ear")).getParent();
        Path configDir = target.resolve("admin-config");
        ServerProcess.delete(configDir);
        var environment = ServerProcess.environment(database, target.resolve("config-data"),
                Map.of("MONITOR_SERVER_CONFIG_DIR", configDir.toString(), "MONITOR_SERVER_PAGINATION_COUNT", "3"));
        String root = "http://127.0.0.1:" + (8181 + offset);
        Path home = target.resolve("config-server");
        try (var server = new LauncherProcess(home, offset, environment)) {
            server.start(Map.of());
            for (int i = 0; i < 3; i++) {
                assertEquals(201, postTo(root, "/api/v1/contexts/", Body.context(Body.hash()).json()));
            }
            assertEquals(3, pageSize(root));
            JbossCli.run(home, 9990 + offset,
                    "/system-property=monitor.server.pagination-count:write-attribute(name=value, value=2)");
        }
        Path kept = configDir.resolve("standalone.xml");
        assertTrue(Files.readString(kept).contains("name=\"monitor.server.pagination-count\" value=\"2\""));
        Files.writeString(kept, Files.readString(kept).replaceAll(".*\"monitor.server.rate-limit-burst\".*\n", ""));

        try (var rebuilt = new LauncherProcess(home, offset, environment)) {
            assertTrue(!Files.readString(home.resolve("standalone/configuration/standalone.xml"))
                    .contains("value=\"2\""), "the rebuilt server's own configuration is the provisioned one");
            rebuilt.start(Map.of());
            assertEquals(2, pageSize(root), "the setting written with jboss-cli survived the rebuild");
            assertTrue(Files.readString(kept).contains("\"monitor.server.rate-limit-burst\""),
                    "the launcher added the setting the kept configuration lacked");
            System.out.println("AdministrationIT: with MONITOR_SERVER_CONFIG_DIR, the page size written with jboss-cli"
                    + " (2) survived a rebuild, and the launcher added the setting the kept configuration lacked");
        }
    }

    private int postTo(String root, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", JSON)
                .POST(BodyPublishers.ofString(json)).build(), BodyHandlers.ofString()).statusCode();
    }

    /**
     * Waits until pages hold {@code size} rows: once the reload has redeployed the application (it answers nothing
     * meanwhile). Returns the milliseconds it took; fails after two minutes.
     */
    private long awaitPageSize(ServerProcess server, int size) throws Exception {
        long start = System.nanoTime();
        while (true) {
            try {
                server.awaitHealth();
                if (pageSize(server.root()) == size) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (java.io.IOException | RuntimeException reloading) {
                // the server is reloading: no answer, or an answer before the application is back
            }
            assertTrue(System.nanoTime() - start < 120_000_000_000L, "the page size did not become " + size);
            Thread.sleep(250);
        }
    }

    private int pageSize(String root) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(root + "/api/v1/contexts/?page=1")).build(),
                BodyHandlers.ofString()).body();
        return RunsIT.parse(body).getJsonArray("contexts").size();
    }
}
