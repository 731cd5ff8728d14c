package org.monitorserver.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the database-outage tests' own, so that stopping and restarting it disturbs nothing else:
 * {@code initdb} into a folder of {@code target/} owned by {@code postgres} (through {@code runuser}, as the
 * server refuses to run as root), Debian's binaries under {@code /usr/lib/postgresql/<version>/bin}, its own port,
 * trust authentication on 127.0.0.1, and a database {@code outage}. Maven creates and starts it before the
 * integration tests ({@code exec:java}, {@code start}) and stops it after them ({@code stop}); {@code DatabaseOutageIT}
 * stops and starts it in between.
 *
 * <p>Arguments: {@code start|stop FOLDER PORT}.
 */
public final class OwnPostgres {

    private final Path folder;
    private final int port;

    OwnPostgres(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: OwnPostgres start|stop FOLDER PORT");
        }
        var cluster = new OwnPostgres(Path.of(args[1]), Integer.parseInt(args[2]));
        switch (args[0]) {
            case "start" -> cluster.create();
            case "stop" -> cluster.stop("immediate");
            default -> throw new IllegalArgumentException("start or stop, not " + args[0]);
        }
    }

    /** A new cluster in the folder (anything there before is removed), started, with database {@code outage}. */
    void create() throws IOException, InterruptedException, SQLException {
        if (Files.exists(folder.resolve("data/postmaster.pid"))) {
            stop("immediate");
        }
        if (Files.exists(folder)) {
            try (Stream<Path> old = Files.walk(folder)) {
                old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(folder);
        run("chown", "postgres", folder.toString());
        postgres("initdb", "-D", data(), "-A", "trust", "-U", "postgres", "--no-sync");
        start();
        try (Connection db = FreshTestDatabase.connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", "postgres"); Statement sql = db.createStatement()) {
            sql.execute("CREATE DATABASE outage");
        }
        System.out.println("OwnPostgres: cluster in " + folder + " on port " + port + ", database outage");
    }

    void start() throws IOException, InterruptedException {
        postgres("pg_ctl", "-D", data(), "-l", folder.resolve("postgres.log").toString(), "-w", "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Stops the cluster: {@code fast} closes every connection, as a restart for maintenance does. */
    void stop(String mode) throws IOException, InterruptedException {
        postgres("pg_ctl", "-D", data(), "-w", "-m", mode, "stop");
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private static void postgres(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", bin(program)));
        command.addAll(Arrays.asList(arguments));
        run(command.toArray(String[]::new));
    }

    /** The program in the newest PostgreSQL of Debian's layout. */
    private static String bin(String program) throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(program)).filter(Files::isExecutable)
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getParent().getFileName()
                            .toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IOException("no " + program + " under /usr/lib/postgresql/*/bin"))
                    .toString();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
