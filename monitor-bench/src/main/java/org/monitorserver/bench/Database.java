package org.monitorserver.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's PostgreSQL database, managed with the {@code psql} client as user {@code postgres} (trust
 * authentication, no password): the server creates the schema itself when it starts. Names are checked by
 * {@link Options}, so they need no quoting.
 */
final class Database {

    private final String host;
    private final int port;

    Database(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Drops {@code name} (closing its connections) and creates it empty. */
    void recreate(String name) throws IOException, InterruptedException {
        psql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        psql("CREATE DATABASE " + name);
    }

    /**
     * Refreshes the planner's statistics of {@code name}, as autovacuum does some time after a large load. Measured
     * right after the load, stale statistics would make PostgreSQL plan for an empty table.
     */
    void analyze(String name) throws IOException, InterruptedException {
        psql(name, "VACUUM ANALYZE");
    }

    /**
     * Drops the secondary indexes of table {@code metric} in {@code name} and returns their definitions, for
     * {@link #createIndexes} after a load.
     */
    List<String> dropMetricIndexes(String name) throws IOException, InterruptedException {
        List<String> definitions = psql(name, "SELECT indexdef FROM pg_indexes WHERE tablename = 'metric'"
                + " AND indexname <> 'metric_pk' ORDER BY indexname").lines().filter(l -> !l.isBlank()).toList();
        psql(name, "DO $$ DECLARE i record; BEGIN FOR i IN SELECT indexname FROM pg_indexes WHERE tablename ="
                + " 'metric' AND indexname <> 'metric_pk' LOOP EXECUTE 'DROP INDEX ' || quote_ident(i.indexname);"
                + " END LOOP; END $$");
        return definitions;
    }

    /** Runs {@code definitions} ({@code CREATE INDEX} statements) in {@code name}, one by one. */
    void createIndexes(String name, List<String> definitions) throws IOException, InterruptedException {
        for (String definition : definitions) {
            psql(name, "SET maintenance_work_mem = '256MB'; " + definition);
        }
    }

    /** The id of tenant {@code tenant} (a name of letters only) in database {@code name}. */
    long tenantId(String name, String tenant) throws IOException, InterruptedException {
        String id = psql(name, "SELECT id FROM tenant WHERE name = '" + tenant + "'").trim();
        if (id.isEmpty()) {
            throw new BenchmarkException("database " + name + " has no tenant '" + tenant + "'");
        }
        return Long.parseLong(id);
    }

    /**
     * Creates {@code table} in {@code name} with {@code create} (statements that create it, never touching the live
     * table), fills it from {@code csv} with psql's {@code \copy} of {@code columns}, drops it, and answers the
     * wall-clock seconds of the copy alone.
     */
    double timeCopy(String name, String table, String create, List<String> columns, Path csv)
            throws IOException, InterruptedException {
        psql(name, "DROP TABLE IF EXISTS " + table + "; " + create);
        try {
            long start = System.nanoTime();
            psql(name, "\\copy " + table + " (" + String.join(", ", columns) + ") FROM '" + csv.toAbsolutePath()
                    + "' WITH (FORMAT csv)");
            return (System.nanoTime() - start) / 1e9;
        } finally {
            psql(name, "DROP TABLE " + table);
        }
    }

    boolean exists(String name) throws IOException, InterruptedException {
        return psql("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").trim().equals("1");
    }

    /** The URI the server's launcher understands. */
    String uri(String name) {
        return "postgresql://postgres@" + host + ":" + port + "/" + name;
    }

    private String psql(String sql) throws IOException, InterruptedException {
        return psql("postgres", sql);
    }

    private String psql(String database, String sql) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-h", host, "-p", String.valueOf(port),
                "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-X", "-q", "-t", "-A", "-c", sql));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BenchmarkException("cannot run psql (is the PostgreSQL client installed?): " + e.getMessage());
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new BenchmarkException("psql did not finish in 30 minutes: " + sql);
        }
        if (process.exitValue() != 0) {
            throw new BenchmarkException("psql failed (exit " + process.exitValue() + ") on: " + sql + "\n" + output);
        }
        return output;
    }
}
