package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The install bundle on a WildFly of an admin's (issue 14, point 1): {@code target/plain-server} is WildFly 39 with the
 * stock standalone.xml profile and no project content. A copy of it runs; {@code install.sh} of
 * {@code target/monitor-install} with a properties file naming a database of the test's own installs Monitor Server
 * on it; a second run changes nothing (no operation, the configuration byte for byte the same, no redeployment);
 * pytest-monitor's sequence, the counts, OpenAPI, readiness and the metrics endpoint answer. Then the bundle of a
 * newer build (the same EAR with one more entry, so another SHA-1) upgrades it, keeps the data, and is itself
 * idempotent.
 */
class InstallBundleIT {

    private static final int PORT_OFFSET = 360; // HTTP 8440, management 10350
    private static final int METRICS = 4;
    private static final Pattern RUNTIME_NAME = Pattern.compile("monitor-[^ ]+-([0-9a-f]{12})\\.ear");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void installsOnAPlainWildFlyTwiceThenUpgradesKeepingTheData() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "needs the PostgreSQL run");
        Path target = Path.of(System.getProperty("it.ear")).getParent();
        Path work = target.resolve("install-it");
        Path home = work.resolve("wildfly");
        ServerProcess.copyServer(target.resolve("plain-server"), home);
        Path bundle = copyBundle(target.resolve("monitor-install"), work.resolve("bundle"));
        String database = ServerProcess.newDatabase("install");
        Files.writeString(bundle.resolve("monitor-install.properties"), String.join("\n",
                "monitor.db.driver=postgresql", "monitor.db.url=" + database,
                "monitor.db.user=" + System.getenv("MONITOR_DB_USER"),
                "monitor.db.password=" + System.getenv("MONITOR_DB_PASSWORD"), "monitor.db.pool-max=10",
                "monitor.modules.dir=modules", ""));

        Process wildFly = start(home);
        try {
            String root = "http://127.0.0.1:" + (8080 + PORT_OFFSET);
            assertEquals(404, get(root + "/api/v1/health").statusCode(), "nothing is deployed yet");

            long started = System.nanoTime();
            String first = install(bundle, home);
            long installed = System.nanoTime();
            assertTrue(JbossCli.run(home, 9990 + PORT_OFFSET, ":read-attribute(name=server-state)")
                    .contains("\"running\""), () -> "the server waits for a reload after: " + first);
            assertEquals("monitor-" + runtimeSuffix(bundle), runtimeName(home));
            String sessionH = foundationChecks(root);

            Path configuration = home.resolve("standalone/configuration/standalone.xml");
            String before = Files.readString(configuration);
            long logBefore = Files.size(home.resolve("standalone/log/server.log"));
            String second = install(bundle, home);
            assertEquals("", second.strip(), "the second run ran operations");
            assertEquals(before, Files.readString(configuration), "the second run changed the configuration");
            String logged = newLog(home, logBefore);
            assertTrue(!logged.contains("WFLYSRV0010") && !logged.contains("WFLYSRV0016")
                    && !logged.contains("WFLYSRV0049"), () -> "the second run redeployed or reloaded: " + logged);

            Path newer = newerBuild(bundle, work.resolve("bundle-newer"));
            long upgrading = System.nanoTime();
            install(newer, home);
            long upgraded = System.nanoTime();
            assertEquals("monitor-" + runtimeSuffix(newer), runtimeName(home), "the newer build is deployed");
            assertEquals(METRICS, PytestMonitorReplay.countMetrics(http, root + "/api/v1", sessionH),
                    "the data was kept");
            PytestMonitorReplay.replay(http, root + "/api/v1", METRICS);
            String afterUpgrade = Files.readString(configuration);
            assertEquals("", install(newer, home).strip(), "the newer bundle's second run ran operations");
            assertEquals(afterUpgrade, Files.readString(configuration));

            System.out.printf("InstallBundleIT: installed on a plain WildFly in %.1f s (subsystems added, one reload,"
                    + " deployed); the second run ran no operation and left standalone.xml as it was; pytest-monitor's"
                    + " sequence, counts, OpenAPI, readiness and metrics answered; the newer build replaced it in"
                    + " %.1f s with the %d metrics kept%n", (installed - started) / 1e9, (upgraded - upgrading) / 1e9,
                    METRICS);
        } finally {
            ServerProcess.killTree(wildFly);
        }
    }

    /** Ingest, counts, OpenAPI and the operators' endpoints on the installed server; returns the session's hash. */
    private String foundationChecks(String root) throws Exception {
        assertEquals(200, get(root + "/api/v1/health").statusCode());
        String sessionH = PytestMonitorReplay.replay(http, root + "/api/v1", METRICS);
        HttpResponse<String> count = get(root + "/api/v1/metrics/count");
        assertEquals(200, count.statusCode(), count::body);
        assertEquals(METRICS, RunsIT.parse(count.body()).getJsonNumber("count").intValue());
        HttpResponse<String> openApi = get(root + "/openapi");
        assertEquals(200, openApi.statusCode());
        assertTrue(openApi.body().contains("/api/v1/sessions"), "OpenAPI documents the routes");
        String management = "http://127.0.0.1:" + (9990 + PORT_OFFSET);
        HttpResponse<String> ready = get(management + "/health/ready");
        assertEquals(200, ready.statusCode(), ready::body);
        HttpResponse<String> metrics = get(management + "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(Pattern.compile("(?m)^monitor_ingest_rows_total\\{[^}]*path=\"single\"[^}]*} " + METRICS + "\\.0$")
                .matcher(metrics.body()).find(), "the ingest counter moved by the metrics sent");
        return sessionH;
    }

    /** Starts the plain WildFly, without the test run's MONITOR_* variables, and waits until it is ready. */
    private Process start(Path home) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MONITOR_"));
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("http://127.0.0.1:" + (9990 + PORT_OFFSET) + "/health/ready").statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly stopped; see " + home.resolve("console.log"));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("WildFly did not start in two minutes; see " + home.resolve("console.log"));
    }

    /** Runs the bundle's install.sh against the server in {@code home}, as its README says; returns its output. */
    private static String install(Path bundle, Path home) throws IOException, InterruptedException {
        Process run = new ProcessBuilder(bundle.resolve("install.sh").toString(), home.toString(),
                "--controller=127.0.0.1:" + (9990 + PORT_OFFSET)).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!run.waitFor(3, TimeUnit.MINUTES) || run.exitValue() != 0) {
            throw new IllegalStateException("install.sh failed: " + output);
        }
        return output;
    }

    private static String runtimeName(Path home) throws IOException, InterruptedException {
        String answer = JbossCli.run(home, 9990 + PORT_OFFSET, "/deployment=monitor.ear:read-attribute(name=runtime-name)");
        Matcher name = RUNTIME_NAME.matcher(answer);
        assertTrue(name.find(), answer);
        return name.group();
    }

    /** The part of the bundle's runtime name after "monitor-": the version and the EAR's SHA-1 (12 digits). */
    private static String runtimeSuffix(Path bundle) throws Exception {
        Matcher name = RUNTIME_NAME.matcher(Files.readString(bundle.resolve("monitor-install.cli")));
        assertTrue(name.find(), "the install script names its runtime");
        String sha1 = sha1(bundle.resolve("monitor.ear"));
        assertEquals(sha1.substring(0, 12), name.group(1), "the runtime name carries the EAR's SHA-1");
        return name.group().substring("monitor-".length());
    }

    /**
     * The bundle of a newer build, as the build would assemble it: the EAR with one more entry (so another SHA-1)
     * and the install script naming that SHA-1 in its runtime name.
     */
    private static Path newerBuild(Path bundle, Path newer) throws Exception {
        copyBundle(bundle, newer);
        Path ear = newer.resolve("monitor.ear");
        try (var zip = FileSystems.newFileSystem(ear)) {
            Files.writeString(zip.getPath("META-INF", "newer-build.txt"), "a newer build\n");
        }
        String oldSha = sha1(bundle.resolve("monitor.ear")).substring(0, 12);
        Path script = newer.resolve("monitor-install.cli");
        Files.writeString(script, Files.readString(script).replace(oldSha, sha1(ear).substring(0, 12)));
        return newer;
    }

    private static Path copyBundle(Path source, Path copy) throws IOException {
        ServerProcess.copyServer(source, copy);
        copy.resolve("install.sh").toFile().setExecutable(true);
        return copy;
    }

    private static String sha1(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    }

    private static String newLog(Path home, long from) throws IOException {
        byte[] log = Files.readAllBytes(home.resolve("standalone/log/server.log"));
        return new String(log, (int) from, log.length - (int) from, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                BodyHandlers.ofString());
    }
}
