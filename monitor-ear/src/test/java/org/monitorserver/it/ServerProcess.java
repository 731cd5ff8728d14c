package org.monitorserver.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Monitor Server process of a test's own, not the Arquillian-managed one: a copy of the provisioned test server
 * ({@code jboss.home}) with the built EAR in its deployments folder, started with a port offset and its own
 * environment, and killed with SIGKILL (the JVM and the script that started it) when the test says so.
 */
final class ServerProcess implements AutoCloseable {

    private final Path home;
    private final int portOffset;
    private final Map<String, String> environment;
    private Process process;

    /** A copy of the test server in {@code home} (replaced if it exists), serving the EAR under test. */
    ServerProcess(Path home, int portOffset, Map<String, String> environment) throws IOException {
        this.home = home;
        this.portOffset = portOffset;
        this.environment = Map.copyOf(environment);
        copyServer(Path.of(System.getProperty("jboss.home")), home);
        // The managed test server may hold Arquillian's deployment in its configuration, with content that is not
        // copied: this copy deploys the EAR from its deployments folder instead.
        Path configuration = home.resolve("standalone/configuration/standalone.xml");
        Files.writeString(configuration, Files.readString(configuration).replaceAll("(?s)<deployments>.*?</deployments>",
                ""));
        Files.copy(Path.of(System.getProperty("it.ear")), home.resolve("standalone/deployments/monitor.ear"));
    }

    /**
     * Copies the WildFly in {@code source} to {@code home} (replaced if it exists), without what a server writes as it
     * runs (its data, temporary files and logs), so that the copy starts as new.
     */
    static void copyServer(Path source, Path home) throws IOException {
        delete(home);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                if (relative.startsWith(Path.of("standalone", "data")) || relative.startsWith(Path.of("standalone", "tmp"))
                        || relative.startsWith(Path.of("standalone", "log"))) {
                    continue;
                }
                Path target = home.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * A new, empty database named {@code prefix_<random>} on the PostgreSQL server of the test run
     * ({@code MONITOR_DB_URL}); returns its JDBC URL. The databases of earlier runs with the same prefix are dropped
     * first, so that they do not pile up on a machine that runs the tests again and again.
     */
    static String newDatabase(String prefix) throws SQLException {
        String database = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        String url = System.getenv("MONITOR_DB_URL");
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        try (var admin = FreshTestDatabase.connect(base + "postgres", System.getenv("MONITOR_DB_USER"),
                System.getenv("MONITOR_DB_PASSWORD")); var sql = admin.createStatement()) {
            var earlier = new java.util.ArrayList<String>();
            try (var names = sql.executeQuery("SELECT datname FROM pg_database WHERE datname ~ '^" + prefix
                    + "_[0-9a-f]{8}$'")) {
                while (names.next()) {
                    earlier.add(names.getString(1));
                }
            }
            for (String name : earlier) {
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            sql.execute("CREATE DATABASE " + database);
        }
        return base + database;
    }

    /** The environment of a server on database {@code url} with data folder {@code dataDir}, plus {@code more}. */
    static Map<String, String> environment(String url, Path dataDir, Map<String, String> more) {
        var environment = new HashMap<>(Map.of("MONITOR_DB_DRIVER", "postgresql", "MONITOR_DB_URL", url,
                "MONITOR_DB_USER", System.getenv("MONITOR_DB_USER"), "MONITOR_DB_PASSWORD",
                System.getenv("MONITOR_DB_PASSWORD"), "MONITOR_SERVER_ADMIN_KEY", System.getProperty("it.admin.key"),
                "MONITOR_SERVER_DATA_DIR", dataDir.toString(),
                // Off unless the test says otherwise, whatever the failsafe execution that runs it has.
                "MONITOR_SERVER_AUTH", "off"));
        environment.putAll(more);
        return environment;
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:8481}. */
    String root() {
        return "http://127.0.0.1:" + (8181 + portOffset);
    }

    /** Starts the server and waits until its health answers UP (at most two minutes). */
    void start() throws IOException, InterruptedException {
        var builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + portOffset, "-Djboss.node.name=crash-" + portOffset)
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        awaitHealth();
    }

    /** Waits until the server's health answers UP (at most two minutes): after a start or a reload. */
    void awaitHealth() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var answer = http.send(HttpRequest.newBuilder(URI.create(root() + "/api/v1/health"))
                        .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped; see " + home.resolve("console.log"));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not come up in two minutes; see " + home.resolve("console.log"));
    }

    /**
     * A graceful stop, as a rolling restart does it: the server is suspended (new requests get 503, requests in
     * progress finish, for at most 10 s), then stops; returns once the process has ended.
     */
    void stopGracefully() throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + (9990 + portOffset), "--command=:shutdown(suspend-timeout=10)")
                .redirectErrorStream(true).redirectOutput(home.resolve("cli.log").toFile()).start();
        cli.waitFor();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not stop in 60 s; see " + home.resolve("cli.log"));
        }
    }

    /** SIGKILL to the JVM and the script that started it: no shutdown hook, no drain, as a crash. */
    void kill() throws InterruptedException {
        killTree(process);
    }

    /** SIGKILL to {@code started} and every process under it; returns once all have ended. */
    static void killTree(Process started) throws InterruptedException {
        var children = started.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        started.destroyForcibly();
        started.waitFor();
        for (ProcessHandle child : children) {
            child.onExit().join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    /** Deletes {@code folder} and everything in it, if it exists. */
    static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> old = Files.walk(folder)) {
                old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
