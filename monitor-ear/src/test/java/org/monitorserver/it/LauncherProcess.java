package org.monitorserver.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Monitor Server started as operators start it, through {@code bin/launch-monitor-server.sh}, for what the launcher
 * itself does (such as {@code MONITOR_SERVER_CERTIFICATE}). Its home is a copy of the provisioned test server with the
 * built EAR, made by {@link ServerProcess} (which is never started here); each run of the launcher gets
 * {@code environment} on top of the test's own, without the dry-run hook.
 */
final class LauncherProcess implements AutoCloseable {

    /** How a launcher run that stopped by itself ended. */
    record Outcome(int exitStatus, String stdout, String stderr) {
    }

    private final Path home;
    private final int portOffset;
    private final Map<String, String> environment;
    private Process process;

    /**
     * A copy of the test server in {@code home} (replaced if it exists), serving the EAR under test; every run of
     * the launcher gets {@code environment}.
     */
    LauncherProcess(Path home, int portOffset, Map<String, String> environment) throws IOException {
        new ServerProcess(home, portOffset, Map.of());
        this.home = home;
        this.portOffset = portOffset;
        this.environment = Map.copyOf(environment);
    }

    /** True once WildFly has run in this home: it creates these folders at boot, and the copy has neither. */
    boolean wildFlyHasRun() {
        return Files.exists(home.resolve("standalone/tmp")) || Files.exists(home.resolve("standalone/log"));
    }

    /**
     * Runs the launcher with {@code more} in its environment, for a run that must stop by itself (a refused
     * setting); throws if it is still running after a minute, that is if it started WildFly.
     */
    Outcome runToEnd(Map<String, String> more) throws IOException, InterruptedException {
        Path stdout = home.resolve("launcher-stdout.txt");
        Path stderr = home.resolve("launcher-stderr.txt");
        Process run = builder(more).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!run.waitFor(60, TimeUnit.SECONDS)) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
            throw new IllegalStateException("the launcher did not stop within a minute; see " + stdout);
        }
        return new Outcome(run.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /**
     * Starts the server through the launcher with {@code more} in its environment and waits until its HTTP health
     * answers 200 (at most two minutes).
     */
    void start(Map<String, String> more) throws IOException, InterruptedException {
        Path console = home.resolve("console.log");
        process = builder(more).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + (8181 + portOffset) + "/api/v1/health");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var answer = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the launcher stopped (status " + process.exitValue() + "); see "
                        + console);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not come up in two minutes; see " + console);
    }

    private ProcessBuilder builder(Map<String, String> more) {
        var builder = new ProcessBuilder(List.of(home.resolve("bin/launch-monitor-server.sh").toString(), "--",
                "-Djboss.socket.binding.port-offset=" + portOffset, "-Djboss.node.name=launcher-" + portOffset));
        builder.environment().remove("MONITOR_LAUNCHER_DRY_RUN");
        builder.environment().putAll(environment);
        builder.environment().putAll(more);
        return builder;
    }

    /** SIGKILL to the JVM and the scripts that started it, as {@link ServerProcess#kill()} does. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            ServerProcess.killTree(process);
        }
    }
}
