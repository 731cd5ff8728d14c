package org.monitorserver.bench;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

/**
 * The "import vs bulk" scenario: the same shape of data loaded twice into an empty database, once through
 * {@code POST /api/v1/metrics/bulk} (after its contexts and sessions through the single POSTs) and once as a
 * {@code .pymon} file through {@code POST /api/v1/imports}, each with hashes of its own so that the import skips
 * nothing. Both loads are timed without the data set's generation: the bulk one from its first chunk sent to its last
 * answered, the import from the start of the upload until the job's {@code state} is {@code done}. The goal of
 * issue 9 is an import rate of at least half the bulk rate.
 */
final class ImportComparison {

    static final int SESSIONS = 5;
    static final int CONTEXTS = 2;
    static final String IMPORTS = "/api/v1/imports";
    /** The import job's states that end it. */
    static final String DONE = "done";
    static final String FAILED = "failed";

    private static final long BULK_SEED = 9_001L;
    private static final long IMPORT_SEED = 9_002L;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(30);
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** One data set: its contexts, sessions (tags as the API answers them) and metrics. */
    record Rows(List<ContextJson> contexts, List<SessionJson> sessions, List<MetricJson> metrics) {
    }

    /** A timed load of {@code metrics} rows; {@code chunkMicrosSorted} are the bulk requests' latencies. */
    record Load(long metrics, double seconds, long[] chunkMicrosSorted, long maxRssMegabytes) {

        double metricsPerSecond() {
            return metrics / seconds;
        }
    }

    /** Both loads; {@code imported} is empty when the server has no import route. */
    record Outcome(Load bulk, Optional<Load> imported) {
    }

    /** What samples the server's memory during a load (the server's process is not this class's business). */
    interface MemorySampler {
        RssSampler start();
    }

    private final Api api;
    private final Path target;
    private final MemorySampler memory;

    ImportComparison(Api api, Path target, MemorySampler memory) {
        this.api = api;
        this.target = target;
        this.memory = memory;
    }

    /**
     * {@code metrics} metrics over {@value #SESSIONS} sessions (consecutive blocks, one build each of two pipelines)
     * and {@value #CONTEXTS} contexts, the same for the same {@code seed}; another seed gives other hashes.
     */
    static Rows rows(int metrics, long seed) {
        var random = new Random(DataSet.mix(seed));
        var contexts = new ArrayList<ContextJson>(CONTEXTS);
        for (int c = 0; c < CONTEXTS; c++) {
            contexts.add(DataSet.contextRecord(DataSet.hex(random, 32), "import-runner-" + c));
        }
        var sessions = new ArrayList<SessionJson>(SESSIONS);
        List<DataSet.Item> items = DataSet.items(DataSet.ITEMS);
        var rows = new ArrayList<MetricJson>(metrics);
        for (int s = 0; s < SESSIONS; s++) {
            LocalDateTime runDate = LocalDateTime.of(2026, 6, 1, 0, 0).plusHours(s);
            String pipeline = DataSet.PIPELINES.get(s % DataSet.PIPELINES.size());
            var tags = new ArrayList<TagJson>();
            DataSet.ciTags(pipeline, String.valueOf(s / DataSet.PIPELINES.size() + 1))
                    .forEach((key, value) -> tags.add(TagJson.of(key, value)));
            var session = new SessionJson(DataSet.hex(random, 32), DataSet.iso(runDate), DataSet.hex(random, 40),
                    List.copyOf(tags));
            sessions.add(session);
            // Session s holds the metrics from..to-1: blocks of N/5, the remainder spread over them.
            int from = (int) ((long) s * metrics / SESSIONS);
            int to = (int) ((long) (s + 1) * metrics / SESSIONS);
            for (int i = from; i < to; i++) {
                rows.add(DataSet.metric(session.sessionH(), contexts.get(s % CONTEXTS).h(),
                        DataSet.iso(runDate.plusNanos((i - from) * 1_000_000L)), items.get(i % items.size()),
                        random));
            }
        }
        return new Rows(List.copyOf(contexts), List.copyOf(sessions), rows);
    }

    /** Loads one data set of {@code metrics} rows each way into the server's (empty) database and times both. */
    Outcome run(int metrics) throws IOException, InterruptedException {
        Load bulk = bulk(rows(metrics, BULK_SEED));
        System.err.printf(Locale.ROOT, "monitor-bench: import vs bulk: bulk %,d metrics in %.1f s (%,.0f metrics/s)%n",
                bulk.metrics(), bulk.seconds(), bulk.metricsPerSecond());
        Path file = target.resolve("import-" + metrics + ".pymon");
        Rows second = rows(metrics, IMPORT_SEED);
        PymonFile.write(file, second.contexts(), second.sessions(), second.metrics());
        Optional<Load> imported = importFile(file, metrics);
        imported.ifPresent(load -> System.err.printf(Locale.ROOT,
                "monitor-bench: import vs bulk: import %,d metrics in %.1f s (%,.0f metrics/s)%n", load.metrics(),
                load.seconds(), load.metricsPerSecond()));
        return new Outcome(bulk, imported);
    }

    /** The contexts and sessions one POST each, then the metrics in NDJSON chunks as {@link Loader} sends them. */
    Load bulk(Rows rows) throws IOException, InterruptedException {
        for (ContextJson context : rows.contexts()) {
            postOne("/api/v1/contexts/", JSONB.toJson(context));
        }
        for (SessionJson session : rows.sessions()) {
            var tags = new LinkedHashMap<String, String>();
            session.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
            postOne("/api/v1/sessions/", DataSet.sessionSubmission(session.sessionH(), session.runDate(),
                    session.scmRef(), tags));
        }
        // Rendered before the clock starts: the comparison is about the server, not JSON-B in this process.
        var chunks = new ArrayList<byte[]>();
        var chunkRows = new ArrayList<Integer>();
        for (int from = 0; from < rows.metrics().size(); from += Loader.METRIC_CHUNK) {
            var body = new StringBuilder();
            List<MetricJson> chunk = rows.metrics().subList(from, Math.min(rows.metrics().size(),
                    from + Loader.METRIC_CHUNK));
            chunk.forEach(metric -> body.append(JSONB.toJson(metric)).append('\n'));
            chunks.add(body.toString().getBytes(StandardCharsets.UTF_8));
            chunkRows.add(chunk.size());
        }
        long before = api.count("/api/v1/metrics/count");
        var next = new AtomicInteger();
        var latencies = new ArrayList<Latencies>();
        ExecutorService uploads = Executors.newFixedThreadPool(Loader.PARALLEL_UPLOADS);
        RssSampler rss = memory.start();
        long maxRss;
        long start = System.nanoTime();
        double seconds;
        try {
            var futures = new ArrayList<Future<?>>();
            for (int u = 0; u < Loader.PARALLEL_UPLOADS; u++) {
                var mine = new Latencies();
                latencies.add(mine);
                futures.add(uploads.submit(() -> {
                    for (int c = next.getAndIncrement(); c < chunks.size(); c = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        api.bulk("/api/v1/metrics/bulk", chunks.get(c), chunkRows.get(c));
                        mine.add((System.nanoTime() - sent) / 1000);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            seconds = (System.nanoTime() - start) / 1e9;
        } catch (ExecutionException e) {
            next.set(chunks.size());
            throw e.getCause() instanceof BenchmarkException failure ? failure
                    : new BenchmarkException("import vs bulk: metric upload failed: " + e.getCause());
        } finally {
            uploads.shutdownNow();
            maxRss = rss.stop();
        }
        checkGrowth(before, rows.metrics().size(), "the bulk load");
        return new Load(rows.metrics().size(), seconds, Latencies.mergeSorted(latencies), maxRss);
    }

    /**
     * Uploads {@code file}, then polls its job until it is done; empty when the server has no import route (404 or
     * 405), a failure when the job fails or stores another number of metrics than {@code metrics}.
     */
    Optional<Load> importFile(Path file, int metrics) throws IOException, InterruptedException {
        byte[] upload = Files.readAllBytes(file);
        long before = api.count("/api/v1/metrics/count");
        RssSampler rss = memory.start();
        long maxRss;
        double seconds;
        try {
            long start = System.nanoTime();
            Api.Answer accepted = api.post(IMPORTS, "application/vnd.sqlite3", upload, Duration.ofMinutes(10));
            if (accepted.status() == 404 || accepted.status() == 405) {
                System.err.println("monitor-bench: import vs bulk: POST " + IMPORTS + " answered "
                        + accepted.status() + ": the server cannot import, so no import figure");
                return Optional.empty();
            }
            if (accepted.status() != 202) {
                throw new BenchmarkException("POST " + IMPORTS + " answered " + accepted.status() + ": "
                        + Api.shorten(accepted.body()));
            }
            String job = jobPath(accepted);
            JsonObject state = awaitEnd(job, start);
            seconds = (System.nanoTime() - start) / 1e9;
            if (FAILED.equals(text(state, "state"))) {
                throw new BenchmarkException("import vs bulk: the import job failed: " + state);
            }
            System.err.println("monitor-bench: import vs bulk: job " + job + " ended: " + state);
        } finally {
            maxRss = rss.stop();
        }
        checkGrowth(before, metrics, "the import");
        return Optional.of(new Load(metrics, seconds, new long[0], maxRss));
    }

    /** Polls {@code job} until its state is done or failed, and answers its last JSON. */
    private JsonObject awaitEnd(String job, long start) throws IOException, InterruptedException {
        long deadline = start + IMPORT_TIMEOUT.toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Api.Answer answer = api.get(job, Duration.ofMinutes(1));
            if (answer.status() != 200) {
                throw new BenchmarkException("GET " + job + " answered " + answer.status() + ": "
                        + Api.shorten(answer.body()));
            }
            JsonObject state = object(answer, job);
            String name = text(state, "state");
            if (DONE.equals(name) || FAILED.equals(name)) {
                return state;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new BenchmarkException("import vs bulk: the import did not end within " + IMPORT_TIMEOUT
                        + ": " + state);
            }
            if (now > nextReport) {
                System.err.println("monitor-bench: import vs bulk: " + state);
                nextReport = now + Duration.ofSeconds(10).toNanos();
            }
            // A bench tool, not a test: a short fixed interval bounds the timing error to 50 ms.
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** The job's path: its {@code Location}, else {@code /api/v1/imports/<id>}. */
    static String jobPath(Api.Answer accepted) {
        Optional<String> location = accepted.location().filter(l -> !l.isBlank());
        if (location.isPresent()) {
            URI uri = URI.create(location.get());
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        String id = text(object(accepted, IMPORTS), "id");
        if (id == null) {
            throw new BenchmarkException("POST " + IMPORTS + " answered 202 with neither a Location nor an id: "
                    + Api.shorten(accepted.body()));
        }
        return IMPORTS + "/" + id;
    }

    /** The answer as a JSON object, read generically: the import's fields belong to another issue. */
    static JsonObject object(Api.Answer answer, String path) {
        try {
            return Json.createReader(new StringReader(answer.body())).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new BenchmarkException(path + " answered " + answer.status() + " without a JSON object: "
                    + Api.shorten(answer.body()));
        }
    }

    /** A field as text, whether the server writes it as a string or a number; null when absent or null. */
    static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private void checkGrowth(long before, long metrics, String what) throws IOException, InterruptedException {
        long after = api.count("/api/v1/metrics/count");
        if (after - before != metrics) {
            throw new BenchmarkException("import vs bulk: " + what + " of " + metrics + " metrics made "
                    + "/api/v1/metrics/count grow by " + (after - before));
        }
    }

    private void postOne(String path, String json) throws IOException, InterruptedException {
        Api.Answer answer = api.post(path, "application/json", json.getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(1));
        if (answer.status() != 201) {
            throw new BenchmarkException("POST " + path + " answered " + answer.status() + ": "
                    + Api.shorten(answer.body()));
        }
    }
}
