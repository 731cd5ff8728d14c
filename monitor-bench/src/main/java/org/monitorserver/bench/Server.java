package org.monitorserver.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Monitor Server under test: started with its own launcher ({@code bin/launch-monitor-server.sh}) on the
 * benchmark's database and ports, its output in a log file. The launcher runs {@code standalone.sh}, which runs the
 * server's {@code java} process; that process is the one whose memory {@link RssSampler} reads, and the one that
 * must not outlive the benchmark, so {@link #stop} ends both, forcibly if they take longer than a minute.
 */
final class Server {

    private static final long START_TIMEOUT_MILLIS = 120_000;
    private static final long STOP_TIMEOUT_MILLIS = 60_000;
    /** The environment variables passed on to the server as they are: what one tunes between runs. */
    static final List<String> TUNING = List.of("MONITOR_DB_POOL_MAX", "JAVA_OPTS");

    private final Process launcher;
    private volatile ProcessHandle java;
    private volatile boolean stopped;

    private Server(Process launcher) {
        this.launcher = launcher;
    }

    /**
     * Starts the server in {@code home}, with the environment variables {@code settings} on top of the
     * benchmark's own, and waits until {@code /api/v1/health} answers 200. Fails if something
     * already listens on the port (the benchmark would measure that instead), or if the server exits or is not
     * healthy within two minutes; the server is stopped then.
     */
    static Server start(Path home, Options options, String databaseUri, Map<String, String> settings, Path logDir,
            Path output, Api api) throws IOException, InterruptedException {
        Path script = launcher(home);
        checkPortsFree(options, api);
        Files.createDirectories(logDir);
        // The launcher passes what follows "--" to standalone.sh: the management port has no variable of its own.
        var builder = new ProcessBuilder(List.of(script.toString(), "-p", String.valueOf(options.port()), "--",
                "-Djboss.management.http.port=" + options.managementPort()));
        var env = builder.environment();
        // The caller's MONITOR_* variables (a page size, a body limit, a bind address) would change what is
        // measured or break it. The tuning knobs stay, and the report's header shows them.
        env.keySet().removeIf(name -> name.startsWith("MONITOR_") && !TUNING.contains(name));
        env.put("MONITOR_SERVER_DATABASE_URI", databaseUri);
        env.put("MONITOR_SERVER_LOGDIR", logDir.toAbsolutePath().toString());
        env.put("MONITOR_SERVER_PAGINATION_COUNT", String.valueOf(Scenarios.PAGE_SIZE));
        // What a scenario sets on purpose (MONITOR_SERVER_AUTH, MONITOR_SERVER_ADMIN_KEY), after the removal above.
        env.putAll(settings);
        // standalone.sh then relays SIGTERM to the JVM and waits for it, instead of dying and leaving it behind.
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        var server = new Server(builder.start());
        try {
            server.awaitHealthy(api, output);
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** The launcher script of the server in {@code home}; fails if there is none. */
    static Path launcher(Path home) {
        Path script = home.resolve("bin").resolve("launch-monitor-server.sh");
        if (!Files.isExecutable(script)) {
            throw new BenchmarkException(script.toAbsolutePath() + " not found: build the server first "
                    + "(mvn -B -DskipTests package) or point --server at a provisioned server");
        }
        return script;
    }

    /**
     * Fails if something already listens on the HTTP or management port: the benchmark would measure (and its
     * database set-up could disturb) another server.
     */
    static void checkPortsFree(Options options, Api api) throws InterruptedException {
        if (listening("127.0.0.1", options.port())) {
            throw new BenchmarkException("port " + options.port() + " is already in use"
                    + (api.healthy() ? " by a running Monitor Server" : "")
                    + ": stop it or choose another with --port");
        }
        if (listening("127.0.0.1", options.managementPort())) {
            throw new BenchmarkException("management port " + options.managementPort() + " is already in use: "
                    + "stop what uses it or choose another with --management-port");
        }
    }

    private void awaitHealthy(Api api, Path output) throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!launcher.isAlive()) {
                throw new BenchmarkException("the server exited with status " + launcher.exitValue()
                        + " before it was healthy; the end of " + output + ":\n" + tail(output));
            }
            if (api.healthy()) {
                // Only now: while it starts, standalone.sh runs short-lived "java -version" checks too.
                java = findJava().orElse(null);
                return;
            }
            Thread.sleep(500);
        }
        throw new BenchmarkException("GET /api/v1/health did not answer 200 within " + START_TIMEOUT_MILLIS / 1000
                + " s; the end of " + output + ":\n" + tail(output));
    }

    /** The server's JVM, a live descendant of the launcher whose command is {@code java}. */
    private Optional<ProcessHandle> findJava() {
        return launcher.descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.equals("java") || c.endsWith("/java")).orElse(false))
                .findFirst();
    }

    /** The pid of the server's JVM, or -1 if it was not found (its memory is then not reported). */
    long javaPid() {
        ProcessHandle handle = java;
        return handle == null ? -1 : handle.pid();
    }

    /** Sends SIGTERM to the launcher and the JVM, waits up to a minute, then kills what is left. Idempotent. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        ProcessHandle jvm = java != null && java.isAlive() ? java : findJava().orElse(null);
        launcher.destroy();
        if (jvm != null) {
            jvm.destroy();
        }
        long deadline = System.currentTimeMillis() + STOP_TIMEOUT_MILLIS;
        try {
            if (jvm != null) {
                jvm.onExit().get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            }
            launcher.waitFor(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Timed out or interrupted: kill below.
        }
        if (jvm != null && jvm.isAlive()) {
            System.err.println("monitor-bench: the server did not stop within a minute: killing it");
            jvm.destroyForcibly();
        }
        if (launcher.isAlive()) {
            launcher.destroyForcibly();
        }
    }

    private static boolean listening(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read it: " + e.getMessage() + ")";
        }
    }
}
