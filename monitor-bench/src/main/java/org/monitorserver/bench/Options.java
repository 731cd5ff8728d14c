package org.monitorserver.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The command line of the benchmark. {@link #parse} throws {@link UsageException} for anything it does not
 * understand, so that {@link Benchmark} can answer with the usage and exit status 2.
 */
record Options(int metrics, String database, String pgHost, int pgPort, boolean reuse, boolean fastLoad,
        int durationSeconds, int afterLoadSeconds, boolean vacuumAnalyze, boolean auth,
        int warmupSeconds, int port, int managementPort, Path server, Path baselineServer, boolean baseline,
        Set<String> only, int importMetrics, String importDatabase, int authMetrics, String authDatabase,
        String runsDatabase, int runRepeats, Path s3proxyJar, int s3proxyPort, boolean help) {

    /** What the baseline's databases are called: the current run's names with this suffix. */
    static final String BASELINE_SUFFIX = "_old";

    /** S3Proxy's jar where Maven keeps it ({@code org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies}). */
    static final Path DEFAULT_S3PROXY_JAR = Path.of(System.getProperty("user.home"), ".m2", "repository", "org",
            "gaul", "s3proxy", "4.1.0", "s3proxy-4.1.0-jar-with-dependencies.jar");

    static final String USAGE = """
            Usage: java -jar monitor-bench.jar [options]

            Creates a PostgreSQL database, starts the server, loads N metrics through the bulk routes, runs the
            scenarios and prints a Markdown table (also written to monitor-bench/target/bench-<N>.md).

              --metrics N            metrics to load, a multiple of 1000 (default 1000000)
              --db NAME              database to (re)create (default monitor_bench)
              --pg HOST:PORT         PostgreSQL server, user postgres, no password (default 127.0.0.1:5432)
              --reuse                keep the database when it already holds this data set; otherwise
                                     drop, create and load it
              --fast-load            drop the metric table's secondary indexes during the load and build them
                                     after it, as a restore would (for 10M and more); the bulk ingest row is
                                     then not reported, since it would not measure ingest as it runs
              --duration SECONDS     measured time per scenario (default 20)
              --after-load-duration SECONDS
                                     measured time per read scenario of the pass right after the load,
                                     before any ANALYZE (default 5, 0 for no such pass)
              --vacuum-analyze       run VACUUM ANALYZE after that pass, as the benchmark did before issue 11
                                     (default off: the server analyzes in the background by itself)
              --auth on|off          MONITOR_SERVER_AUTH of the N-metric server (default off); "on" loads
                                     the data set into tenant "bench" and sends its user's key (Bearer) with
                                     every request
              --warmup SECONDS       one unreported warm-up of mixed reads and POSTs (default 15, 0 for none)
              --port P               the server's HTTP port (default 8181)
              --management-port P    the server's management port (default 9990)
              --server DIR           the provisioned server (default monitor-ear/target/server)
              --baseline-server DIR  a second provisioned server (the code before a change, e.g.
                                     monitor-bench/old-vs-new.sh): the whole run goes against it first, on
                                     databases named with the suffix "_old" and the same data set, then
                                     against --server, and an "old vs new" table follows
              --only A,B,...         run only these scenarios (names below); "--only import vs bulk",
                                     "--only auth on vs off" or "--only run finish" alone skips the
                                     N-metric data set
              --import-metrics N     metrics per data set of "import vs bulk" (default 100000)
              --import-db NAME       the database "import vs bulk" (re)creates (default monitor_bench_import)
              --auth-metrics N       metrics per mode of "auth on vs off" (default 20000)
              --auth-db NAME         the database "auth on vs off" (re)creates (default monitor_bench_auth)
              --runs-db NAME         the database "run finish" (re)creates (default monitor_bench_runs)
              --run-repeats N        measured finishes of each kind in "run finish" (default 3): a day of
                                     samples at 1 s (86,400 rows) inline, and as 24 gzipped chunks read
                                     from S3Proxy, after 5 unreported inline finishes of 3,600 rows
              --s3proxy-jar PATH     S3Proxy's jar-with-dependencies, started by "run finish" as the object
                                     store (default ~/.m2/repository/org/gaul/s3proxy/4.1.0/
                                     s3proxy-4.1.0-jar-with-dependencies.jar)
              --s3proxy-port P       S3Proxy's port on 127.0.0.1 (default 18390)
              --help                 show this help

            Scenarios:
            """ + String.join("\n", Scenarios.NAMES.stream().map(name -> "  " + name).toList()) + "\n";

    /** A command line that {@link #parse} refuses. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String... args) throws UsageException {
        int metrics = 1_000_000;
        String database = "monitor_bench";
        String pgHost = "127.0.0.1";
        int pgPort = 5432;
        boolean reuse = false;
        boolean fastLoad = false;
        int duration = 20;
        int afterLoad = 5;
        boolean vacuumAnalyze = false;
        boolean auth = false;
        int warmup = 15;
        int port = 8181;
        int managementPort = 9990;
        Path server = Path.of("monitor-ear", "target", "server");
        Path baselineServer = null;
        Set<String> only = null;
        int importMetrics = 100_000;
        String importDatabase = "monitor_bench_import";
        int authMetrics = 20_000;
        String authDatabase = "monitor_bench_auth";
        String runsDatabase = "monitor_bench_runs";
        int runRepeats = 3;
        Path s3proxyJar = DEFAULT_S3PROXY_JAR;
        int s3proxyPort = 18390;
        boolean help = false;

        List<String> queue = new ArrayList<>();
        for (String arg : args) {
            // --name=value is the same as --name value.
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                queue.add(arg.substring(0, eq));
                queue.add(arg.substring(eq + 1));
            } else {
                queue.add(arg);
            }
        }
        for (int i = 0; i < queue.size(); i++) {
            String name = queue.get(i);
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--reuse" -> reuse = true;
                case "--fast-load" -> fastLoad = true;
                case "--vacuum-analyze" -> vacuumAnalyze = true;
                case "--auth" -> auth = switch (value(queue, ++i, name)) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new UsageException("--auth needs on or off, not '" + queue.get(i) + "'");
                };
                case "--metrics" -> metrics = number(name, value(queue, ++i, name), 1000, Integer.MAX_VALUE);
                case "--db" -> database = databaseName(value(queue, ++i, name));
                case "--pg" -> {
                    String hostPort = value(queue, ++i, name);
                    int colon = hostPort.lastIndexOf(':');
                    if (colon <= 0) {
                        throw new UsageException("--pg needs HOST:PORT, not '" + hostPort + "'");
                    }
                    pgHost = hostPort.substring(0, colon);
                    pgPort = number(name, hostPort.substring(colon + 1), 1, 65535);
                }
                case "--duration" -> duration = number(name, value(queue, ++i, name), 1, 86_400);
                case "--after-load-duration" -> afterLoad = number(name, value(queue, ++i, name), 0, 86_400);
                case "--warmup" -> warmup = number(name, value(queue, ++i, name), 0, 86_400);
                case "--port" -> port = number(name, value(queue, ++i, name), 1, 65535);
                case "--management-port" -> managementPort = number(name, value(queue, ++i, name), 1, 65535);
                case "--server" -> server = Path.of(value(queue, ++i, name));
                case "--baseline-server" -> baselineServer = Path.of(value(queue, ++i, name));
                case "--import-metrics" -> importMetrics = number(name, value(queue, ++i, name), 1000, 10_000_000);
                case "--import-db" -> importDatabase = databaseName(value(queue, ++i, name));
                case "--auth-metrics" -> authMetrics = number(name, value(queue, ++i, name), 1000, 10_000_000);
                case "--auth-db" -> authDatabase = databaseName(value(queue, ++i, name));
                case "--runs-db" -> runsDatabase = databaseName(value(queue, ++i, name));
                case "--run-repeats" -> runRepeats = number(name, value(queue, ++i, name), 1, 100);
                case "--s3proxy-jar" -> s3proxyJar = Path.of(value(queue, ++i, name));
                case "--s3proxy-port" -> s3proxyPort = number(name, value(queue, ++i, name), 1, 65535);
                case "--only" -> {
                    // Names have spaces: "--only single POST,counts" unquoted arrives as several words. Nothing
                    // else takes words without "--", so they all belong here.
                    var list = new StringBuilder(value(queue, ++i, name));
                    while (i + 1 < queue.size() && !queue.get(i + 1).startsWith("--")) {
                        list.append(' ').append(queue.get(++i));
                    }
                    only = scenarioNames(list.toString());
                }
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        // Each item gets N/1000 metrics and each session 200: other sizes would break both promises.
        if (metrics % 1000 != 0) {
            throw new UsageException("--metrics must be a multiple of 1000, not " + metrics);
        }
        if (port == managementPort) {
            throw new UsageException("--port and --management-port must differ");
        }
        if (s3proxyPort == port || s3proxyPort == managementPort) {
            throw new UsageException("--s3proxy-port must differ from --port and --management-port");
        }
        // The comparison drops its database: it must never be the one --reuse keeps.
        if (importDatabase.equals(database)) {
            throw new UsageException("--import-db and --db must differ");
        }
        // So does the authentication comparison, and each of the two recreates its own.
        if (authDatabase.equals(database) || authDatabase.equals(importDatabase)) {
            throw new UsageException("--auth-db must differ from --db and --import-db");
        }
        // And "run finish".
        if (Stream.of(database, importDatabase, authDatabase).anyMatch(runsDatabase::equals)) {
            throw new UsageException("--runs-db must differ from --db, --import-db and --auth-db");
        }
        // The baseline's names get a suffix: they must stay names PostgreSQL keeps whole (63 bytes).
        if (baselineServer != null && Stream.of(database, importDatabase, authDatabase, runsDatabase)
                .anyMatch(n -> n.length() + BASELINE_SUFFIX.length() > 63)) {
            throw new UsageException("with --baseline-server, database names must be at most "
                    + (63 - BASELINE_SUFFIX.length()) + " characters");
        }
        return new Options(metrics, database, pgHost, pgPort, reuse, fastLoad, duration, afterLoad, vacuumAnalyze,
                auth, warmup, port, managementPort, server, baselineServer, false, only, importMetrics, importDatabase,
                authMetrics, authDatabase, runsDatabase, runRepeats, s3proxyJar, s3proxyPort, help);
    }

    /**
     * The options of the run against {@code --baseline-server}: that server, and every database with the suffix
     * {@value #BASELINE_SUFFIX} (the old server's schema differs, so the two cannot share one).
     */
    Options forBaseline() {
        if (baselineServer == null) {
            throw new IllegalStateException("no --baseline-server");
        }
        return new Options(metrics, database + BASELINE_SUFFIX, pgHost, pgPort, reuse, fastLoad, durationSeconds,
                afterLoadSeconds, vacuumAnalyze, auth, warmupSeconds, port, managementPort, baselineServer, null, true,
                only, importMetrics, importDatabase + BASELINE_SUFFIX, authMetrics, authDatabase + BASELINE_SUFFIX,
                runsDatabase + BASELINE_SUFFIX, runRepeats, s3proxyJar, s3proxyPort, help);
    }

    /** Whether scenario {@code name} runs. */
    boolean runs(String name) {
        return only == null || only.contains(name);
    }

    /**
     * Whether the N-metric data set is needed: any scenario but "import vs bulk", "auth on vs off" and "run finish",
     * which have databases of their own.
     */
    boolean needsDataSet() {
        return only == null || only.stream().anyMatch(name -> !Scenarios.OWN_DATABASE.contains(name));
    }

    /** The report's file name: the N-metric data set's, else that of the scenarios with their own database. */
    String reportFileName() {
        String suffix = baseline ? "-old.md" : ".md";
        if (needsDataSet()) {
            return "bench-" + metrics + (auth ? "-auth" : "") + suffix;
        }
        var parts = new ArrayList<String>();
        if (runs(Scenarios.IMPORT_VS_BULK)) {
            parts.add("import-" + importMetrics);
        }
        if (runs(Scenarios.AUTH_ON_VS_OFF)) {
            parts.add("auth-" + authMetrics);
        }
        if (runs(Scenarios.RUN_FINISH)) {
            parts.add("runs-" + runRepeats);
        }
        return "bench-" + String.join("-", parts) + suffix;
    }

    /** The option values as one line, for the report's header. */
    String describe() {
        return "--metrics " + metrics + " --db " + database + " --pg " + pgHost + ":" + pgPort
                + (reuse ? " --reuse" : "") + (fastLoad ? " --fast-load" : "") + " --duration " + durationSeconds
                + " --after-load-duration " + afterLoadSeconds + (vacuumAnalyze ? " --vacuum-analyze" : "")
                + " --auth " + (auth ? "on" : "off") + " --warmup " + warmupSeconds
                + " --port " + port + " --management-port " + managementPort + " --server " + server
                + (baseline ? " (the baseline)" : "")
                + (baselineServer == null ? "" : " --baseline-server " + baselineServer)
                + (only == null ? "" : " --only '" + String.join(",", only) + "'")
                + (runs(Scenarios.IMPORT_VS_BULK) ? " --import-metrics " + importMetrics + " --import-db "
                        + importDatabase : "")
                + (runs(Scenarios.AUTH_ON_VS_OFF) ? " --auth-metrics " + authMetrics + " --auth-db " + authDatabase
                        : "")
                + (runs(Scenarios.RUN_FINISH) ? " --runs-db " + runsDatabase + " --run-repeats " + runRepeats
                        + " --s3proxy-jar " + s3proxyJar + " --s3proxy-port " + s3proxyPort : "");
    }

    private static String value(List<String> args, int i, String name) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        return args.get(i);
    }

    private static int number(String name, String text, int min, int max) throws UsageException {
        try {
            int value = Integer.parseInt(text.replace("_", ""));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Same message as out of range.
        }
        throw new UsageException(name + " needs a whole number from " + min + " to " + max + ", not '" + text + "'");
    }

    // The name goes into SQL and a URI unquoted-safe: keep it to what needs no quoting anywhere.
    private static String databaseName(String name) throws UsageException {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new UsageException("--db needs a lower-case name of letters, digits and '_', not '" + name + "'");
        }
        return name;
    }

    private static Set<String> scenarioNames(String list) throws UsageException {
        var names = new LinkedHashSet<String>();
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (!Scenarios.NAMES.contains(trimmed)) {
                throw new UsageException("unknown scenario '" + trimmed + "' in --only");
            }
            names.add(trimmed);
        }
        return names;
    }
}
