package org.monitorserver.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark's entry point: {@code java -jar monitor-bench/target/monitor-bench.jar --metrics 1000000}. It
 * creates the database, starts the server, loads the data set, warms up, runs the scenarios, stops the server and
 * prints the report on stdout (progress goes to stderr). Exit status 0 when the report is complete, 1 when the run
 * failed, 2 for a bad command line.
 */
public final class Benchmark {

    private static final String HOST = "127.0.0.1";
    private static final String METRIC_COUNT = "/api/v1/metrics/count";
    /** The file in which the benchmark keeps the data set's user key when authentication is on. */
    private static final String USER_KEY_FILE = "bench-user-key";

    private final Options options;
    private final Path target;
    private final DataSet data;
    private final Api api;
    private final Report report;
    private final AtomicReference<Server> server = new AtomicReference<>();
    /** S3Proxy while "run finish" runs: stopped with the server, also by the shutdown hook. */
    private final AtomicReference<RunFinishTiming.ObjectStore> objectStore = new AtomicReference<>();
    private final Thread mainThread = Thread.currentThread();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean aborted;
    /** Whether the report already says that node usage could not be measured (once, not once per pass). */
    private boolean nodeUsageMissing;

    private Benchmark(Options options, Path target) {
        this.options = options;
        this.target = target;
        this.data = new DataSet(options.metrics());
        this.api = new Api(HOST, options.port());
        this.report = new Report("monitor-bench " + options.describe() + serverEnvironment());
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            System.err.println("monitor-bench: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        // With a baseline, the same run goes against the old server first, then against the current one.
        List<Options> subjects = options.baselineServer() == null ? List.of(options)
                : List.of(options.forBaseline(), options);
        Path target = targetDirectory();
        var running = new AtomicReference<Benchmark>();
        // Ctrl-C or a kill must not leave a server running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Benchmark benchmark = running.get();
            if (benchmark != null) {
                benchmark.abort();
            }
        }, "abort"));
        var reports = new ArrayList<Report>();
        int status = 1;
        try {
            // Both servers before the first database is touched: the second must not be missing an hour later.
            subjects.forEach(subject -> Server.launcher(subject.server()));
            for (Options subject : subjects) {
                var benchmark = new Benchmark(subject, target);
                running.set(benchmark);
                try {
                    benchmark.run();
                } finally {
                    benchmark.finished.countDown();
                }
                reports.add(benchmark.report);
            }
            if (reports.size() == 2) {
                String comparison = Report.oldVsNew(reports.get(0), reports.get(1));
                Path file = target.resolve(options.reportFileName().replace(".md", "-old-vs-new.md"));
                reports.get(1).write(file, comparison);
                System.out.print("\n" + comparison);
                System.err.println("monitor-bench: old vs new written to " + file);
            }
            status = reports.stream().anyMatch(Report::failed) ? 1 : 0;
            if (status != 0) {
                System.err.println("monitor-bench: a check failed: see the lines marked " + Report.FAILED.trim());
            }
        } catch (Exception e) {
            if (running.get() != null && running.get().aborted) {
                // Whatever broke, it broke because the server was being stopped.
                System.err.println("monitor-bench: interrupted");
            } else if (e instanceof BenchmarkException) {
                System.err.println("monitor-bench: " + e.getMessage());
            } else {
                System.err.print("monitor-bench: ");
                e.printStackTrace();
            }
        }
        System.exit(status);
    }

    /**
     * The shutdown hook: after a signal (the run is not finished), interrupts the run, stops the server and gives
     * the run a few seconds to print what it measured so far.
     */
    private void abort() {
        if (finished.getCount() == 0) {
            return;
        }
        aborted = true;
        System.err.println("monitor-bench: interrupted: stopping the server");
        mainThread.interrupt();
        stopServer();
        stopObjectStore();
        try {
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() throws IOException, InterruptedException {
        System.err.println(report.header());
        // Before the database is touched: a run that cannot start the server must not drop it.
        Server.launcher(options.server());
        Server.checkPortsFree(options, api);
        if (options.runs(Scenarios.RUN_FINISH)) {
            RunFinishTiming.checkJar(options.s3proxyJar());
        }
        // Set unless measure() returns: an Error leaves it as it is.
        String failure = "an unexpected error";
        try {
            measure();
            failure = null;
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure = aborted ? "interrupted" : e.getMessage() != null ? e.getMessage() : e.toString();
            throw e;
        } finally {
            stopServer();
            stopObjectStore();
            String markdown = report.markdown(setting());
            if (failure == null) {
                Path file = target.resolve(options.reportFileName());
                report.write(file, markdown);
                System.out.print(markdown);
                System.err.println("monitor-bench: report written to " + file);
            } else if (!report.isEmpty()) {
                // An hour of measurements is still worth reading, but not worth a report file.
                System.out.print(markdown);
                System.out.println("\nINCOMPLETE: the run failed: " + failure);
            }
        }
    }

    private void measure() throws IOException, InterruptedException {
        var database = new Database(options.pgHost(), options.pgPort());
        if (options.needsDataSet()) {
            measureDataSet(database);
        }
        if (options.runs(Scenarios.IMPORT_VS_BULK)) {
            stopServer();
            compareImportWithBulk(database);
        }
        if (options.runs(Scenarios.AUTH_ON_VS_OFF)) {
            stopServer();
            compareAuthModes(database);
        }
        if (options.runs(Scenarios.RUN_FINISH)) {
            stopServer();
            timeRunFinish(database);
        }
    }

    /**
     * "run finish" on a database of its own, recreated, with S3Proxy as the server's object store: a day of
     * tracker samples finished inline and from {@value RunFinishTiming#CHUNKS} chunks, {@code --run-repeats} times
     * each, after an unreported warm-up ({@link RunFinishTiming}). A finish that does not store every row fails the
     * scenario (a FAILED note), not the rest of the run. S3Proxy and the server are stopped at its end.
     */
    private void timeRunFinish(Database database) throws IOException, InterruptedException {
        System.err.println("monitor-bench: run finish: creating database " + options.runsDatabase());
        database.recreate(options.runsDatabase());
        System.err.println("monitor-bench: run finish: starting S3Proxy on port " + options.s3proxyPort() + " (log: "
                + target.resolve("s3proxy").resolve("s3proxy.log") + ")");
        objectStore.set(RunFinishTiming.ObjectStore.start(options.s3proxyJar(), options.s3proxyPort(),
                target.resolve("s3proxy")));
        RunFinishTiming.ObjectStore store = objectStore.get();
        try {
            startServer(database, options.runsDatabase(), RunFinishTiming.serverSettings(store.endpoint()));
            var timing = new RunFinishTiming(api, store, target.resolve("server.log"), () -> server.get().javaPid());
            RunFinishTiming.Outcome outcome;
            try {
                outcome = timing.run(options.runRepeats());
            } catch (RunFinishTiming.CheckFailed e) {
                System.err.println("monitor-bench: run finish: " + e.getMessage());
                report.fail(Scenarios.RUN_FINISH + ": " + e.getMessage());
                return;
            }
            RunFinishTiming.report(outcome, options.runRepeats(), options.runsDatabase()).forEach(line -> {
                if (line.result() != null) {
                    report.add(line.result());
                } else {
                    report.note(line.note());
                }
            });
        } finally {
            stopServer();
            stopObjectStore();
        }
    }

    private void stopObjectStore() {
        RunFinishTiming.ObjectStore running = objectStore.getAndSet(null);
        if (running != null) {
            running.close();
        }
    }

    /**
     * "auth on vs off" on a database of its own, recreated: the server started four times on it, with
     * authentication on, off, off and on ({@link AuthComparison#ROUNDS}). The first "on" start makes the tenant,
     * user and key through the admin routes (a generated superadmin key); the first start of each mode loads the
     * same data set through bulk into its tenant. Every start warms up and measures single POSTs and reads, each in
     * {@link AuthComparison#SLICES} slices, with the server JVM's CPU per request. The "off" starts alternate the
     * slices without and with the user's key, which an "off" server verifies as an "on" one does: the credential
     * check's cost within one JVM, where the mode comparison also holds what differs between JVM starts. The notes
     * compare both.
     */
    private void compareAuthModes(Database database) throws IOException, InterruptedException {
        System.err.println("monitor-bench: auth on vs off: creating database " + options.authDatabase());
        database.recreate(options.authDatabase());
        ImportComparison.Rows rows = ImportComparison.rows(options.authMetrics(), AuthComparison.SEED);
        List<Scenario> workloads = AuthComparison.workloads(rows, HOST + ":" + options.port());
        String adminKey = AuthComparison.generateKey();
        String userKey = null;
        boolean offLoaded = false;
        var rounds = new ArrayList<AuthComparison.Round>();
        var keyed = new ArrayList<AuthComparison.Round>();
        for (int i = 0; i < AuthComparison.ROUNDS.size(); i++) {
            boolean on = AuthComparison.ROUNDS.get(i);
            var settings = new LinkedHashMap<String, String>();
            settings.put("MONITOR_SERVER_AUTH", on ? "on" : "off");
            // The stored superadmin key is the first start's; later starts pass the same one, as a deployment would.
            settings.put("MONITOR_SERVER_ADMIN_KEY", adminKey);
            stopServer();
            startServer(database, options.authDatabase(), settings);
            AuthComparison.checkMode(api, on);
            boolean load = on ? userKey == null : !offLoaded;
            if (userKey == null) {
                userKey = AuthComparison.createUserKey(api.withKey(adminKey));
            }
            String key = userKey;
            List<Scenario> withKey = workloads.stream()
                    .map(w -> w.withHeader("Authorization", AuthComparison.bearer(key))).toList();
            String mode = (on ? "on" : "off") + " (start " + (i + 1) + ")";
            if (load) {
                ImportComparison.Load loaded = new ImportComparison(on ? api.withKey(key) : api, target,
                        () -> RssSampler.start(server.get().javaPid())).bulk(rows);
                System.err.printf(Locale.ROOT, "monitor-bench: auth %s: loaded %,d metrics in %.1f s%n", mode,
                        loaded.metrics(), loaded.seconds());
                offLoaded |= !on;
            }
            database.analyze(options.authDatabase());
            var generator = new LoadGenerator(HOST, options.port());
            warmUp(AuthComparison.warmup(on ? withKey : workloads), generator);
            Set<String> checked = new HashSet<>();
            // Without and with the key, in the other order on the other "off" start.
            boolean keyFirst = i != AuthComparison.ROUNDS.indexOf(false);
            for (int w = 0; w < workloads.size(); w++) {
                check(on ? withKey.get(w) : workloads.get(w), checked);
                var plain = new ArrayList<Measurement>();
                var presented = new ArrayList<Measurement>();
                for (int slice = 0; slice < AuthComparison.SLICES; slice++) {
                    boolean presentKey = on || AuthComparison.slicePresentsKey(slice, keyFirst);
                    (presentKey ? presented : plain).add(run(presentKey ? withKey.get(w) : workloads.get(w),
                            generator, AuthComparison.sliceSeconds(options.durationSeconds())));
                }
                String name = workloads.get(w).name();
                if (on) {
                    rounds.add(pooledRound(true, mode + ", " + name, presented));
                } else {
                    rounds.add(pooledRound(false, mode + ", " + name, plain));
                    keyed.add(pooledRound(false, mode + " with the key, " + name, presented));
                }
            }
        }
        List<String> names = workloads.stream().map(Scenario::name).toList();
        report.note(AuthComparison.note(options.authMetrics(), options.authDatabase(),
                AuthComparison.pairs(names, rounds)));
        report.note(AuthComparison.keyNote(AuthComparison.keyPairs(names, rounds, keyed)));
    }

    /**
     * The slices of one workload on one start of "auth on vs off" as one report row,
     * {@code "auth on vs off: <label>"}, and as the {@link AuthComparison.Round} the notes compare.
     */
    private AuthComparison.Round pooledRound(boolean on, String label, List<Measurement> slices) {
        Result row = AuthComparison.pooled(Scenarios.AUTH_ON_VS_OFF + ": " + label,
                slices.stream().map(Measurement::result).toList(),
                slices.stream().map(m -> m.outcome().requests()).toList());
        report.add(row);
        return new AuthComparison.Round(on, slices.get(0).result().scenario(), row.serverCpuMicros(),
                slices.stream().mapToLong(m -> m.outcome().requests()).sum(),
                slices.stream().mapToDouble(Measurement::otherCores).average().orElse(Double.NaN));
    }

    /**
     * "import vs bulk" on a database of its own, recreated, so that the N-metric one stays as {@code --reuse}
     * expects it and both loads start from the same empty tables.
     */
    private void compareImportWithBulk(Database database) throws IOException, InterruptedException {
        System.err.println("monitor-bench: import vs bulk: creating database " + options.importDatabase());
        database.recreate(options.importDatabase());
        startServer(database, options.importDatabase());
        var comparison = new ImportComparison(api, target, () -> RssSampler.start(server.get().javaPid()));
        ImportComparison.Outcome outcome = comparison.run(options.importMetrics());
        ImportComparison.Load bulk = outcome.bulk();
        report.add(new Result(Scenarios.IMPORT_VS_BULK + ": bulk (metrics/s; latency per 20,000-row request)",
                Loader.PARALLEL_UPLOADS, bulk.metricsPerSecond(), Latencies.percentile(bulk.chunkMicrosSorted(), 50)
                / 1000.0, Latencies.percentile(bulk.chunkMicrosSorted(), 99) / 1000.0, 0, bulk.maxRssMegabytes(), Double.NaN));
        String shape = String.format(Locale.ROOT, "import vs bulk: %,d metrics per data set (%d sessions, %d "
                + "contexts), each into the empty database %s; bulk %.1f s", options.importMetrics(),
                ImportComparison.SESSIONS, ImportComparison.CONTEXTS, options.importDatabase(), bulk.seconds());
        if (outcome.imported().isEmpty()) {
            report.note(shape + "; import not measured: the server has no POST " + ImportComparison.IMPORTS + ".");
            return;
        }
        ImportComparison.Load imported = outcome.imported().get();
        report.add(new Result(Scenarios.IMPORT_VS_BULK + ": import (metrics/s; upload to done)", 1,
                imported.metricsPerSecond(), Double.NaN, Double.NaN, 0, imported.maxRssMegabytes(), Double.NaN));
        double ratio = imported.metricsPerSecond() / bulk.metricsPerSecond();
        report.note(shape + String.format(Locale.ROOT, ", import %.1f s from the upload's start to state done; "
                + "import/bulk = %.2f (goal ≥ 0.5: %s).", imported.seconds(), ratio, ratio >= 0.5 ? "met" : "missed"));
    }

    /** Loads (or reuses) the N-metric data set and runs every scenario of the load generator that is selected. */
    private void measureDataSet(Database database) throws IOException, InterruptedException {
        Optional<Api> reused = Optional.empty();
        if (options.reuse() && database.exists(options.database())) {
            startServer(database, options.database(), dataSetSettings());
            Optional<Api> candidate = dataSetApi();
            if (candidate.isPresent() && holdsDataSet(candidate.get())) {
                reused = candidate;
            } else {
                stopServer();
            }
        }
        Api dataApi = reused.isPresent() ? reused.get() : load(database);
        if (reused.isPresent() && options.runs(Scenarios.BULK_INGEST)) {
            report.note("bulk ingest: not measured, the database was reused (--reuse).");
        }
        if (server.get().javaPid() < 0) {
            System.err.println("monitor-bench: the server's java process was not found: no RSS figures");
        }
        var scenarios = new Scenarios(data, HOST + ":" + options.port());
        var generator = new LoadGenerator(HOST, options.port());
        Set<String> checked = new HashSet<>();
        // The warm-up comes before the pass right after the load: that pass is about plans without a manual
        // ANALYZE, and a cold JIT on two cores would otherwise decide its p99.
        warmUp(keyed(scenarios.warmup(dataApi.count(METRIC_COUNT))), generator);
        if (reused.isEmpty()) {
            measureAfterLoad(database, scenarios, generator, dataApi, checked);
        }
        if (options.runs(Scenarios.CEILING)) {
            Scenario ceiling = keyed(scenarios.ceiling());
            check(ceiling, checked);
            report.add(run(ceiling, generator).result());
        }
        if (options.runs(Scenarios.SINGLE_POST)) {
            report.add(runCounted(keyed(scenarios.singlePost()), Optional.empty(), generator, dataApi).result());
        }
        if (options.runs(Scenarios.PYTEST_SHAPED)) {
            var measured = runCounted(keyed(scenarios.pytestShaped()), Optional.empty(), generator, dataApi);
            LoadGenerator.Outcome outcome = measured.outcome();
            report.add(measured.result());
            report.note(String.format(Locale.ROOT, "%s: %,d answers, %,d of them 201, %,d others; connection "
                    + "failures apart from answers: %,d at the connect (refused, timed out), %,d after it (reset, "
                    + "closed, timed out reading)%s.", Scenarios.PYTEST_SHAPED,
                    outcome.requests() - outcome.connectFailures() - outcome.exchangeFailures(), outcome.created(),
                    outcome.requests() - outcome.connectFailures() - outcome.exchangeFailures() - outcome.ok(),
                    outcome.connectFailures(), outcome.exchangeFailures(),
                    outcome.errors() > 0 ? "; the first error: " + outcome.firstError() : ""));
        }
        // Read after the POSTs, so that the last page exists; it stays a full page's query either way.
        List<Scenario> reads = reads(scenarios, dataApi.count(METRIC_COUNT));
        for (Scenario scenario : reads) {
            check(scenario, checked);
            report.add(run(scenario, generator).result());
        }
        if (options.runs(Scenarios.UNDER_WRITERS)) {
            // The writers grow the tables: the read scenarios are the ones of the count before the pass.
            Scenario writers = keyed(scenarios.singlePost());
            for (Scenario scenario : reads) {
                report.add(runCounted(scenario.named(Scenarios.UNDER_WRITERS + ": " + scenario.name()),
                        Optional.of(writers), generator, dataApi).result());
            }
            report.note(Scenarios.UNDER_WRITERS + ": " + writers.connections() + " connections of single POSTs "
                    + "during each read scenario; the rows are the reads' figures, their server CPU per request is "
                    + "over the reads' and the writers' requests together.");
        }
        if (options.runs(Scenarios.COPY)) {
            copyFromCsv(database);
        }
    }

    /**
     * Creates the database, starts the server on it, loads the data set (the {@value Scenarios#BULK_INGEST} row)
     * and answers the API the scenarios go through: with the data set's key when authentication is on.
     */
    private Api load(Database database) throws IOException, InterruptedException {
        System.err.println("monitor-bench: creating database " + options.database());
        database.recreate(options.database());
        startServer(database, options.database(), dataSetSettings());
        Api dataApi = options.auth() ? api.withKey(createDataSetKey()) : api;
        var loader = new Loader(dataApi, data);
        loader.loadContexts();
        loader.loadSessions();
        List<String> indexes = options.fastLoad() ? database.dropMetricIndexes(options.database()) : List.of();
        var rss = RssSampler.start(server.get().javaPid());
        Loader.Ingest ingest;
        long maxRss;
        try {
            ingest = loader.loadMetrics();
        } finally {
            maxRss = rss.stop();
        }
        long count = dataApi.count(METRIC_COUNT);
        if (count != data.metrics()) {
            throw new BenchmarkException("after the load, " + METRIC_COUNT + " is " + count + ", not "
                    + data.metrics());
        }
        System.err.printf(Locale.ROOT, "monitor-bench: loaded %,d metrics in %.1f s (%,.0f metrics/s)%n",
                ingest.rows(), ingest.seconds(), ingest.rowsPerSecond());
        if (!indexes.isEmpty()) {
            System.err.printf(Locale.ROOT, "monitor-bench: --fast-load: building %d metric indexes%n",
                    indexes.size());
            database.createIndexes(options.database(), indexes);
        }
        if (options.fastLoad()) {
            report.note("bulk ingest: not reported, the metric indexes were built after the load (--fast-load).");
        } else if (options.runs(Scenarios.BULK_INGEST)) {
            // Errors: a failed chunk stops the run, so a finished run has none.
            report.add(new Result(Scenarios.BULK_INGEST, Loader.PARALLEL_UPLOADS, ingest.rowsPerSecond(),
                    Latencies.percentile(ingest.chunkMicrosSorted(), 50) / 1000.0,
                    Latencies.percentile(ingest.chunkMicrosSorted(), 99) / 1000.0, 0, maxRss, Double.NaN));
        }
        return dataApi;
    }

    /**
     * Right after a load and the warm-up: every selected read scenario once, for {@code --after-load-duration}
     * seconds, with no manual ANALYZE (PostgreSQL's statistics are those the server's own background analysis
     * left, if any); then VACUUM ANALYZE only with {@code --vacuum-analyze}.
     */
    private void measureAfterLoad(Database database, Scenarios scenarios, LoadGenerator generator, Api dataApi,
            Set<String> checked) throws IOException, InterruptedException {
        if (options.runs(Scenarios.AFTER_LOAD) && options.afterLoadSeconds() > 0) {
            for (Scenario scenario : reads(scenarios, dataApi.count(METRIC_COUNT))) {
                check(scenario, checked);
                report.add(run(scenario.named(Scenarios.AFTER_LOAD + ": " + scenario.name()), generator,
                        options.afterLoadSeconds()).result());
            }
            report.note(String.format(Locale.ROOT, "%s: each read scenario for %d s, after the warm-up, before any "
                    + "manual ANALYZE.", Scenarios.AFTER_LOAD, options.afterLoadSeconds()));
        }
        if (options.vacuumAnalyze()) {
            System.err.println("monitor-bench: VACUUM ANALYZE after the load (--vacuum-analyze)");
            database.analyze(options.database());
            report.note("VACUUM ANALYZE ran after the load (--vacuum-analyze): the later scenarios read with fresh "
                    + "statistics.");
        } else {
            report.note("No manual VACUUM ANALYZE after the load (add --vacuum-analyze for one): the later scenarios "
                    + "read with the statistics the server's own analysis left.");
        }
    }

    /** The selected read scenarios for {@code metricCount} metrics, node usage last when its key is there. */
    private List<Scenario> reads(Scenarios scenarios, long metricCount) throws IOException {
        var reads = new ArrayList<Scenario>();
        for (Scenario scenario : scenarios.reads(metricCount)) {
            if (options.runs(scenario.name())) {
                reads.add(keyed(scenario));
            }
        }
        if (options.runs(Scenarios.NODE_USAGE)) {
            Path keyFile = dataSetDataDir().resolve(ADMIN_KEY_FILE);
            if (Files.isRegularFile(keyFile)) {
                // The admin key, in place of the data set's key.
                reads.add(scenarios.nodeUsage(Files.readString(keyFile).strip()));
            } else if (!nodeUsageMissing) {
                nodeUsageMissing = true;
                report.note(Scenarios.NODE_USAGE + ": not measured, " + keyFile + " is missing: the server writes "
                        + "the superadmin key there when it first starts on a new database (run without --reuse).");
            }
        }
        return reads;
    }

    /**
     * Runs {@code scenario} (with {@code writers} in the background, if any) and checks that {@code /metrics/count}
     * grew by exactly the POSTs' 201 answers; a report line says so, marked failed if not.
     */
    private Measurement runCounted(Scenario scenario, Optional<Scenario> writers, LoadGenerator generator,
            Api dataApi) throws IOException, InterruptedException {
        long before = dataApi.count(METRIC_COUNT);
        Measurement measured = run(scenario, generator, options.durationSeconds(), writers);
        long grown = dataApi.count(METRIC_COUNT) - before;
        LoadGenerator.Outcome posts = measured.writers().orElse(measured.outcome());
        String line = String.format(Locale.ROOT, "%s: count grew by %,d, 201 answers %,d%s", scenario.name(), grown,
                posts.created(), writers.isEmpty() ? "" : String.format(Locale.ROOT, " (writers: %s POSTs/s, %,d "
                        + "errors)", Report.rate(posts.requestsPerSecond()), posts.errors()));
        if (grown == posts.created()) {
            report.note(line + ".");
        } else {
            line += " — MISMATCH: the count and the 201 answers disagree by " + (grown - posts.created());
            System.err.println("monitor-bench: " + line);
            report.fail(line);
        }
        return measured;
    }

    /**
     * {@value Scenarios#COPY}: the data set's rows (those the load sent, ids of their own) written to a CSV, then
     * copied by {@code psql}'s {@code \copy} into two empty copies of table {@code metric}, never into it: one
     * {@code LIKE metric INCLUDING ALL} (every index, default and check), one {@code LIKE metric INCLUDING DEFAULTS}
     * with the primary key only. Each copy is timed on the wall clock, then its table dropped.
     */
    private void copyFromCsv(Database database) throws IOException, InterruptedException {
        long tenantId = database.tenantId(options.database(), options.auth() ? AuthComparison.TENANT : "default");
        Path csv = target.resolve("copy-" + data.metrics() + ".csv");
        System.err.println("monitor-bench: COPY: writing " + csv);
        try {
            long rows = MetricCsv.write(data, tenantId, csv);
            String like = "bench_copy_like";
            String bare = "bench_copy_bare";
            System.err.println("monitor-bench: COPY into " + like);
            double likeSeconds = database.timeCopy(options.database(), like,
                    "CREATE TABLE " + like + " (LIKE metric INCLUDING ALL)", MetricCsv.COLUMNS, csv);
            System.err.println("monitor-bench: COPY into " + bare);
            double bareSeconds = database.timeCopy(options.database(), bare, "CREATE TABLE " + bare
                    + " (LIKE metric INCLUDING DEFAULTS); ALTER TABLE " + bare + " ADD PRIMARY KEY (id)",
                    MetricCsv.COLUMNS, csv);
            report.add(new Result(Scenarios.COPY_LIKE, 1, rows / likeSeconds, Double.NaN, Double.NaN, 0, -1,
                    Double.NaN));
            report.add(new Result(Scenarios.COPY_BARE, 1, rows / bareSeconds, Double.NaN, Double.NaN, 0, -1,
                    Double.NaN));
            report.note(String.format(Locale.ROOT, "COPY: %,d rows (%,.1f MB of CSV, the bulk load's rows) by psql "
                    + "\\copy, wall clock: %.1f s into %s (LIKE metric INCLUDING ALL: every index of metric), %.1f s "
                    + "into %s (LIKE metric INCLUDING DEFAULTS plus the primary key, no secondary index); both tables "
                    + "dropped after.", rows, Files.size(csv) / 1e6, likeSeconds, like, bareSeconds, bare));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * The API of a reused data set: the server's with the key saved at its load when authentication is on, empty
     * when that key is missing (the data set is then loaded again).
     */
    private Optional<Api> dataSetApi() throws IOException {
        if (!options.auth()) {
            return Optional.of(api);
        }
        Path keyFile = dataSetDataDir().resolve(USER_KEY_FILE);
        return Files.isRegularFile(keyFile) ? Optional.of(api.withKey(Files.readString(keyFile).strip()))
                : Optional.empty();
    }

    /**
     * With authentication on: tenant {@value AuthComparison#TENANT}, its user and a key made with the superadmin
     * key the server generated at its first start, the key saved for a later {@code --reuse}.
     */
    private String createDataSetKey() throws IOException, InterruptedException {
        String adminKey = Files.readString(dataSetDataDir().resolve(ADMIN_KEY_FILE)).strip();
        String key = AuthComparison.createUserKey(api.withKey(adminKey));
        Files.writeString(dataSetDataDir().resolve(USER_KEY_FILE), key);
        return key;
    }

    /** {@code scenario} with the data set's key when authentication is on. */
    private Scenario keyed(Scenario scenario) throws IOException {
        Optional<String> key = options.auth()
                ? Optional.of(Files.readString(dataSetDataDir().resolve(USER_KEY_FILE)).strip()) : Optional.empty();
        return key.map(k -> scenario.withHeader("Authorization", AuthComparison.bearer(k))).orElse(scenario);
    }

    /**
     * The N-metric server's settings: its data folder under the benchmark's target folder, so that the superadmin
     * key it generates at its first start on the new database ({@value #ADMIN_KEY_FILE}) is where
     * {@value Scenarios#NODE_USAGE} finds it, also in a later {@code --reuse} run.
     */
    private Map<String, String> dataSetSettings() {
        return Map.of("MONITOR_SERVER_DATA_DIR", dataSetDataDir().toAbsolutePath().toString(),
                "MONITOR_SERVER_AUTH", options.auth() ? "on" : "off");
    }

    private Path dataSetDataDir() {
        return target.resolve("data-" + options.database());
    }

    /** Runs the unreported {@code warmup} for {@code --warmup} seconds, if any. */
    private void warmUp(Scenario warmup, LoadGenerator generator) throws InterruptedException {
        if (options.warmupSeconds() <= 0) {
            return;
        }
        System.err.printf("monitor-bench: warming up for %d s (%d connections, mixed reads and POSTs)%n",
                options.warmupSeconds(), warmup.connections());
        var outcome = generator.run(warmup, Duration.ofSeconds(options.warmupSeconds()));
        if (outcome.errors() > 0) {
            System.err.println("monitor-bench: the warm-up had " + outcome.errors() + " errors, the first: "
                    + outcome.firstError());
        }
    }

    /** The file in which the server writes a generated superadmin key (the server's {@code SuperadminKey}). */
    static final String ADMIN_KEY_FILE = "admin-key";

    /**
     * A report row, the load generator's full outcome behind it, the background writers' outcome if there were
     * any, and the cores other processes kept busy meanwhile (NaN when unknown).
     */
    private record Measurement(Result result, LoadGenerator.Outcome outcome, Optional<LoadGenerator.Outcome> writers,
            double otherCores) {
    }

    /** Runs one scenario for the configured duration, with the server's memory sampled meanwhile. */
    private Measurement run(Scenario scenario, LoadGenerator generator) throws InterruptedException {
        return run(scenario, generator, options.durationSeconds());
    }

    /** Runs one scenario for {@code seconds}, with the server's memory sampled meanwhile. */
    private Measurement run(Scenario scenario, LoadGenerator generator, int seconds) throws InterruptedException {
        return run(scenario, generator, seconds, Optional.empty());
    }

    /**
     * Runs one scenario for {@code seconds}, with {@code writers} sending from their own threads over the same
     * interval if there are any, and the server's memory sampled meanwhile. The row is the scenario's; its server
     * CPU per request is over the scenario's and the writers' requests together (the JVM's time has no owner).
     */
    private Measurement run(Scenario scenario, LoadGenerator generator, int seconds, Optional<Scenario> writers)
            throws InterruptedException {
        System.err.printf("monitor-bench: %s (%d connections, %d s, %d requests in rotation%s)%n", scenario.name(),
                scenario.connections(), seconds, scenario.requests().size(),
                writers.map(w -> ", " + w.connections() + " writers").orElse(""));
        long pid = server.get().javaPid();
        var rss = RssSampler.start(pid);
        LoadGenerator.Outcome outcome;
        Optional<LoadGenerator.Outcome> written = Optional.empty();
        long maxRss;
        // Right around the timed interval: the warm-up and the checks before it are not in the figure.
        long self = ProcessHandle.current().pid();
        Optional<Duration> cpuBefore = ServerCpu.used(pid);
        Optional<Duration> benchBefore = ServerCpu.used(self);
        Optional<Duration> machineBefore = ServerCpu.machineBusy();
        long start = System.nanoTime();
        Optional<Duration> cpuAfter;
        Optional<Duration> benchAfter;
        Optional<Duration> machineAfter;
        try {
            Optional<FutureTask<LoadGenerator.Outcome>> background = writers.map(w ->
                    new FutureTask<>(() -> generator.run(w, Duration.ofSeconds(seconds))));
            background.ifPresent(task -> new Thread(task, "writers").start());
            outcome = generator.run(scenario, Duration.ofSeconds(seconds));
            if (background.isPresent()) {
                written = Optional.of(background.get().get());
            }
        } catch (ExecutionException e) {
            throw new BenchmarkException("the writers failed: " + e.getCause());
        } finally {
            cpuAfter = ServerCpu.used(pid);
            benchAfter = ServerCpu.used(self);
            machineAfter = ServerCpu.machineBusy();
            maxRss = rss.stop();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuMicros = ServerCpu.microsPerRequest(cpuBefore, cpuAfter,
                outcome.requests() + written.map(LoadGenerator.Outcome::requests).orElse(0L));
        double otherCores = ServerCpu.otherCores(difference(machineBefore, machineAfter),
                difference(cpuBefore, cpuAfter), difference(benchBefore, benchAfter), elapsed);
        System.err.printf(Locale.ROOT, "monitor-bench:   %s requests/s, p50 %.2f ms, p99 %.2f ms, %d errors%s, "
                + "server CPU %.0f µs/request, other processes %.1f cores%n",
                Report.rate(outcome.requestsPerSecond()), outcome.p50Millis(), outcome.p99Millis(), outcome.errors(),
                outcome.errors() > 0 ? " (first: " + outcome.firstError() + ")" : "", cpuMicros, otherCores);
        return new Measurement(new Result(scenario.name(), scenario.connections(), outcome.requestsPerSecond(),
                outcome.p50Millis(), outcome.p99Millis(), outcome.errors(), maxRss, cpuMicros), outcome, written,
                otherCores);
    }

    private static Optional<Duration> difference(Optional<Duration> before, Optional<Duration> after) {
        return before.flatMap(b -> after.map(a -> a.minus(b)));
    }

    /**
     * Calls each distinct path of {@code scenario} once (those not {@code checked} yet) and fails, listing
     * every offender with its status and body, unless all answer as the scenario expects (200 or 204 for a read).
     */
    private void check(Scenario scenario, Set<String> checked) throws IOException {
        var failures = new ArrayList<String>();
        HttpConnection connection = null;
        try {
            for (Request request : scenario.distinctGets()) {
                if (!checked.add(request.path())) {
                    continue;
                }
                if (connection == null) {
                    connection = HttpConnection.open(HOST, options.port());
                }
                // The scenario's own request: with its credentials, if it has any.
                HttpResponse response = connection.exchange(request, true);
                if (!scenario.expected().accepts(response.status())) {
                    String body = response.bodyText();
                    failures.add("GET " + request.path() + " answered " + response.status() + ": "
                            + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
                }
                if (response.closeConnection()) {
                    connection.close();
                    connection = null;
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        if (!failures.isEmpty()) {
            throw new BenchmarkException("scenario '" + scenario.name() + "': " + failures.size()
                    + " path(s) do not answer as expected (" + scenario.expected() + "), so it would measure "
                    + "errors:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(20, failures.size())))
                    + (failures.size() > 20 ? "\n  … and " + (failures.size() - 20) + " more" : ""));
        }
    }

    /**
     * Whether the reused database holds this data set: all its sessions and contexts, and at least its metrics.
     * Earlier runs' POSTs add metrics, so the metric count is usually above N.
     */
    private boolean holdsDataSet(Api dataApi) throws IOException, InterruptedException {
        long metrics = dataApi.count(METRIC_COUNT);
        long sessions = dataApi.count("/api/v1/sessions/count");
        long contexts = dataApi.count("/api/v1/contexts/count");
        if (sessions == data.sessions().size() && contexts == data.contexts().size() && metrics >= data.metrics()) {
            System.err.printf("monitor-bench: reusing database %s (%,d metrics)%n", options.database(), metrics);
            report.note(String.format(Locale.ROOT, "Database reused: %,d bulk-loaded metrics and %,d posted by "
                    + "earlier runs.", data.metrics(), metrics - data.metrics()));
            return true;
        }
        System.err.printf("monitor-bench: database %s holds %,d metrics, %,d sessions, %,d contexts, not this data set:"
                + " reloading%n", options.database(), metrics, sessions, contexts);
        return false;
    }

    private void startServer(Database database, String name) throws IOException, InterruptedException {
        startServer(database, name, Map.of());
    }

    /** Starts the server on database {@code name} with the environment variables {@code settings} set as well. */
    private void startServer(Database database, String name, Map<String, String> settings)
            throws IOException, InterruptedException {
        System.err.println("monitor-bench: starting the server on " + name
                + (settings.containsKey("MONITOR_SERVER_AUTH") ? " with authentication "
                        + settings.get("MONITOR_SERVER_AUTH") : "")
                + " (log: " + target.resolve("server.log") + ")");
        long start = System.nanoTime();
        server.set(Server.start(options.server(), options, database.uri(name), settings,
                target.resolve("server-log"), target.resolve("server.log"), api));
        System.err.printf(Locale.ROOT, "monitor-bench: the server is up after %.1f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    private void stopServer() {
        Server running = server.getAndSet(null);
        if (running != null) {
            running.stop();
        }
    }

    /** The line under the table: what was measured, when, on what. */
    private String setting() {
        String dataSet = options.needsDataSet()
                ? String.format(Locale.ROOT, "N = %,d metrics (%,d sessions)", data.metrics(), data.sessions().size())
                : String.join(" and ", Scenarios.OWN_DATABASE.stream().filter(options::runs).toList()) + " only";
        return String.format(Locale.ROOT, "%s. %s. Machine: %d CPUs%s, %s RAM.", dataSet,
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemory());
    }

    private static String serverEnvironment() {
        var set = new ArrayList<String>();
        for (String name : Server.TUNING) {
            String value = System.getenv(name);
            if (value != null) {
                set.add(name + "='" + value + "'");
            }
        }
        return set.isEmpty() ? "" : " (server environment: " + String.join(" ", set) + ")";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
                    .findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static String totalMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> String.format(Locale.ROOT, "%.1f GiB",
                            RssSampler.vmRss(line.replace("MemTotal:", "VmRSS:")) / 1024.0 / 1024.0))
                    .findFirst().orElse("unknown");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    /**
     * Where the output goes: the folder of the jar ({@code monitor-bench/target}), whatever the working directory;
     * {@code monitor-bench/target} under it when run from classes.
     */
    private static Path targetDirectory() {
        try {
            Path location = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/monitor-bench.jar or target/classes: the parent is target either way.
            return location.toAbsolutePath().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("monitor-bench", "target");
        }
    }
}
