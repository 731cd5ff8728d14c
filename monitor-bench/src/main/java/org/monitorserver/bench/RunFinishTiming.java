package org.monitorserver.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The "run finish" scenario: how long the run API takes to finish a day of resource-tracker samples (86,400 rows at
 * 1 s, the tracker's 32 columns), on a database of its own and with S3Proxy as the object store. After
 * {@value #WARMUP_RUNS} unreported inline finishes of {@value #WARMUP_ROWS} rows (a warm JIT), each measured run is
 * registered, then finished twice over on separate runs:
 * <ul>
 * <li>inline: the whole CSV in {@code data_csv} (plain JSON, as the Rust client sends it), timed on the client
 * from the POST's start to its 200;</li>
 * <li>from the object store: the same rows as {@value #CHUNKS} gzipped chunks uploaded first (not timed), then
 * timed from the finish POST's start until {@code GET /api/v1/runs/{id}} shows {@code processing.status ok},
 * polled every {@value #POLL_MILLIS} ms.</li>
 * </ul>
 * Both also report the server's own {@code processing.duration_ms}. Every finish must store all rows
 * ({@code processing.rows} and {@code stats.samples}), else the scenario fails ({@link CheckFailed}).
 */
final class RunFinishTiming {

    /** A day at the tracker's default interval. */
    static final int DAY_ROWS = 86_400;
    /** An hour per chunk. */
    static final int CHUNKS = 24;
    static final int WARMUP_RUNS = 5;
    static final int WARMUP_ROWS = 3_600;
    static final String BUCKET = "bench-runs";
    static final String ACCESS_KEY = "monitor-bench-access";
    static final String SECRET_KEY = "monitor-bench-secret";
    static final int POLL_MILLIS = 20;
    static final long SEED = 86_400L;
    /** The first sample's time: that of the reference sample the real tracker wrote. */
    static final long FIRST_TIMESTAMP = 1_796_192_508L;
    static final String RUNS = "/api/v1/runs";

    /** The tracker's columns (Linux procfs tracker), in its order. */
    static final List<String> COLUMNS = List.of("timestamp", "system_processes", "system_utime", "system_stime",
            "system_cpu_usage", "system_memory_free_mib", "system_memory_used_mib", "system_memory_buffers_mib",
            "system_memory_cached_mib", "system_memory_active_mib", "system_memory_inactive_mib",
            "system_disk_read_bytes", "system_disk_write_bytes", "system_disk_space_total_gb",
            "system_disk_space_used_gb", "system_disk_space_free_gb", "system_net_recv_bytes",
            "system_net_sent_bytes", "system_gpu_usage", "system_gpu_vram_mib", "system_gpu_utilized", "process_pid",
            "process_children", "process_utime", "process_stime", "process_cpu_usage", "process_memory_mib",
            "process_disk_read_bytes", "process_disk_write_bytes", "process_gpu_usage", "process_gpu_vram_mib",
            "process_gpu_utilized");

    /** The line {@code RunIngest} logs when a job has stored a run's chunks. */
    static final Pattern STORED = Pattern.compile("Run (\\S+): (\\d+) samples from (\\d+) chunks stored in (\\d+) ms");

    private static final Duration POST_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);
    private static final double MEMORY_TOTAL_MIB = 24_105.0625;

    /** A check of the scenario that did not hold: the scenario fails, the rest of the benchmark goes on. */
    static final class CheckFailed extends BenchmarkException {
        private static final long serialVersionUID = 1L;

        CheckFailed(String message) {
            super(message);
        }
    }

    /** The server's answer about one finished run, as far as the scenario reads it. */
    record Processed(String status, long rows, long files, long durationMillis, long samples, String error) {
    }

    /** One measured finish: the client's wall time, the server's {@code processing.duration_ms}, its CPU. */
    record Timing(double wallMillis, long processingMillis, double serverCpuMillis, double storeCpuMillis) {
    }

    /** What the scenario measured. */
    record Outcome(List<Timing> inline, List<Timing> chunked, long csvBytes, long inlineBodyBytes,
            long inlineBodyGzipBytes, long chunkBytes, long chunkGzipBytes, List<Double> uploadMillis,
            List<Long> storedMillis, long maxRssMegabytes) {
    }

    /** What knows the server's process (its pid changes with each start; not this class's business). */
    interface ServerProcess {
        long pid();
    }

    private final Api api;
    private final ObjectStore store;
    private final Path serverLog;
    private final ServerProcess server;

    RunFinishTiming(Api api, ObjectStore store, Path serverLog, ServerProcess server) {
        this.api = api;
        this.store = store;
        this.serverLog = serverLog;
        this.server = server;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The data: pure functions, tested without a server.

    /**
     * {@code rows} samples of a machine with two cores running one training-like job, as the tracker writes them:
     * quoted header, bare numbers (Python's float form: {@code 1.0}, {@code 0.0103}), {@code \n} line ends, an empty
     * cell for no value (the GPU columns now and then, the disk space once an hour). The same {@code seed} gives the
     * same text on every JVM ({@link Random} and {@link StrictMath} are specified to the bit).
     */
    static String csv(int rows, long seed) {
        var out = new StringBuilder(200 * (rows + 1));
        out.append(header());
        var random = new Random(seed);
        double processMemory = 34.2236;
        double cached = 408.0664;
        double diskUsed = 28.78;
        int children = 2;
        int processes = 84;
        for (int i = 0; i < rows; i++) {
            // A job with busy and quiet phases: the load follows a slow wave (an hour and a bit) plus noise.
            double wave = 0.5 + 0.5 * StrictMath.sin(i * 2 * Math.PI / 4_321.0);
            double processCpu = clamp(wave * 1.9 + random.nextGaussian() * 0.05, 0, 2);
            double systemCpu = clamp(processCpu + 0.01 + random.nextDouble() * 0.04, 0, 2);
            double processUtime = round(processCpu * (0.95 + random.nextDouble() * 0.05), 2);
            double processStime = round(processCpu - processUtime < 0 ? 0 : (processCpu - processUtime), 2);
            double systemUtime = round(systemCpu * 0.97, 2);
            double systemStime = round(systemCpu - systemUtime, 2);
            // Memory grows while the job loads its data, then breathes with the load.
            processMemory = clamp(processMemory + (i < 1_800 ? 1.7 : 0) + (wave - 0.5) * 0.8
                    + random.nextGaussian() * 0.3, 30, 6_000);
            if (random.nextInt(10) == 0) {
                children = 1 + random.nextInt(4);
            }
            if (random.nextInt(20) == 0) {
                processes = 80 + random.nextInt(9);
            }
            long processRead = random.nextInt(12) == 0 ? 4_096L * (1 + random.nextInt(256)) : 0;
            long processWrite = random.nextInt(8) == 0 ? 4_096L * (1 + random.nextInt(64)) : 0;
            long systemRead = processRead + (random.nextInt(40) == 0 ? 4_096L * random.nextInt(32) : 0);
            long systemWrite = processWrite + (random.nextInt(5) == 0 ? 4_096L * (1 + random.nextInt(48)) : 0);
            cached = clamp(cached + systemRead / 1_048_576.0 * 0.8, 0, 8_000);
            diskUsed += systemWrite / 1e9 * 0.5;
            long received = random.nextInt(3) == 0 ? 60 + random.nextInt(40_000) : 0;
            long sent = random.nextInt(3) == 0 ? 54 + random.nextInt(9_000) : 0;
            double used = 236.159 + processMemory;
            double buffers = 2.1445;
            double free = MEMORY_TOTAL_MIB - used - buffers - cached;
            double active = 76.3 + processMemory + random.nextDouble() * 0.1;
            double inactive = 261.3945 + cached * 0.01;
            // nvidia-smi now and then does not answer in time: the GPU cells are empty for that sample.
            boolean noGpu = i % 50 == 7;
            // The disk space is read on another clock: empty once an hour.
            boolean noDiskSpace = i % 3_600 == 1_800;

            double timestamp = FIRST_TIMESTAMP + i + random.nextInt(4) / 1000.0;
            out.append(number(timestamp, 3)).append(',')
                    .append(processes).append(',')
                    .append(number(systemUtime, 2)).append(',')
                    .append(number(systemStime, 2)).append(',')
                    .append(number(systemCpu, 4)).append(',')
                    .append(number(free, 4)).append(',')
                    .append(number(used, 4)).append(',')
                    .append(number(buffers, 4)).append(',')
                    .append(number(cached, 4)).append(',')
                    .append(number(active, 4)).append(',')
                    .append(number(inactive, 4)).append(',')
                    .append(systemRead).append(',')
                    .append(systemWrite).append(',')
                    .append(noDiskSpace ? "" : "270.55").append(',')
                    .append(noDiskSpace ? "" : number(diskUsed, 2)).append(',')
                    .append(noDiskSpace ? "" : number(80.16 - (diskUsed - 28.78), 2)).append(',')
                    .append(received).append(',')
                    .append(sent).append(',')
                    .append(noGpu ? "" : "0").append(',')
                    .append(noGpu ? "" : "0").append(',')
                    .append(noGpu ? "" : "0").append(',')
                    .append(26_255).append(',')
                    .append(children).append(',')
                    .append(number(processUtime, 2)).append(',')
                    .append(number(processStime, 2)).append(',')
                    .append(number(processCpu, 4)).append(',')
                    .append(number(processMemory, 4)).append(',')
                    .append(processRead).append(',')
                    .append(processWrite).append(',')
                    .append(noGpu ? "" : "0").append(',')
                    .append(noGpu ? "" : "0").append(',')
                    .append(noGpu ? "" : "0").append('\n');
        }
        return out.toString();
    }

    /** The tracker's header line: every name quoted, {@code \n} at the end. */
    static String header() {
        return String.join(",", COLUMNS.stream().map(c -> '"' + c + '"').toList()) + "\n";
    }

    /**
     * {@code value} rounded to {@code decimals} places as Python prints a float: no trailing zeros, but at least
     * one decimal ({@code 1.0}, {@code 270.55}, {@code 0.0103}).
     */
    static String number(double value, int decimals) {
        long scale = (long) Math.pow(10, decimals);
        long scaled = Math.round(Math.abs(value) * scale);
        long whole = scaled / scale;
        long fraction = scaled % scale;
        var out = new StringBuilder(24);
        if (value < 0 && scaled != 0) {
            out.append('-');
        }
        out.append(whole).append('.');
        if (fraction == 0) {
            return out.append('0').toString();
        }
        String digits = Long.toString(fraction + scale).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return out.append(digits, 0, end).toString();
    }

    /**
     * {@code csv} (a header line, then rows) split into {@code count} chunks of consecutive rows, their sizes
     * differing by one at most, each starting with the header as the tracker's chunks do.
     */
    static List<String> chunks(String csv, int count) {
        int headerEnd = csv.indexOf('\n') + 1;
        if (headerEnd == 0) {
            throw new IllegalArgumentException("a CSV without a header line");
        }
        String header = csv.substring(0, headerEnd);
        var rowStarts = new ArrayList<Integer>();
        for (int at = headerEnd; at < csv.length(); at = csv.indexOf('\n', at) + 1) {
            rowStarts.add(at);
            if (csv.indexOf('\n', at) < 0) {
                break;
            }
        }
        int rows = rowStarts.size();
        if (count < 1 || count > Math.max(1, rows)) {
            throw new IllegalArgumentException(rows + " rows cannot make " + count + " chunks");
        }
        var chunks = new ArrayList<String>(count);
        for (int c = 0; c < count; c++) {
            int from = (int) ((long) c * rows / count);
            int to = (int) ((long) (c + 1) * rows / count);
            int start = from < rows ? rowStarts.get(from) : csv.length();
            int end = to < rows ? rowStarts.get(to) : csv.length();
            chunks.add(header + csv.substring(start, end));
        }
        return chunks;
    }

    /** The object URIs of {@code count} chunks under {@code prefix}: {@code <prefix>/<seq:04d>.csv.gz}. */
    static List<String> chunkUris(String prefix, int count) {
        var uris = new ArrayList<String>(count);
        for (int seq = 0; seq < count; seq++) {
            uris.add(String.format(Locale.ROOT, "%s/%04d.csv.gz", prefix, seq));
        }
        return uris;
    }

    /** The bucket and key of {@code s3://bucket/key}. */
    static String[] bucketAndKey(String uri) {
        if (!uri.startsWith("s3://") || uri.indexOf('/', 5) < 0) {
            throw new BenchmarkException("not an s3:// object URI: " + uri);
        }
        int slash = uri.indexOf('/', 5);
        return new String[] {uri.substring(5, slash), uri.substring(slash + 1)};
    }

    /** The inline finish's JSON body: exit 0, finished, {@code data_csv} the CSV as it is. */
    static String inlineFinish(String csv) {
        return Json.createObjectBuilder().add("exit_code", 0).add("run_status", "finished")
                .add("data_source", "inline").add("data_csv", csv).build().toString();
    }

    /** The object-store finish's JSON body: exit 0, finished, {@code data_uris} in order. */
    static String storeFinish(List<String> uris) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        uris.forEach(array::add);
        return Json.createObjectBuilder().add("exit_code", 0).add("run_status", "finished")
                .add("data_source", "s3").add("data_uris", array).build().toString();
    }

    /** A registration as the Python client sends one (its {@code command} a string holding a JSON array). */
    static String registration(String task, int number) {
        return Json.createObjectBuilder()
                .add("project_name", "monitor-bench")
                .add("job_name", "run finish")
                .add("stage_name", "bench")
                .add("task_name", task)
                .add("external_run_id", "bench-" + task + "-" + number)
                .add("pid", 26_255)
                .add("command", "[\"python\", \"train.py\", \"--epochs\", \"10\"]")
                .add("language", "python")
                .add("team", "bench")
                .add("tags", Json.createObjectBuilder().add("scenario", "run finish"))
                .add("host_hostname", "bench-host")
                .add("host_vcpus", 2)
                .add("host_memory_mib", 24_105)
                .build().toString();
    }

    /** {@code text} gzipped. */
    static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (var gzip = new GZIPOutputStream(out, 64 * 1024)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The median: the middle value, or the mean of the two middle ones for an even count; NaN for none. */
    static double median(List<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** {@code processing} and {@code stats.samples} of a run's answer ({@code {run, processing, stats}}). */
    static Processed processed(JsonObject answer) {
        JsonObject processing = answer.getJsonObject("processing");
        if (processing == null) {
            throw new BenchmarkException("a run answer without processing: " + Api.shorten(answer.toString()));
        }
        JsonObject stats = answer.get("stats") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        return new Processed(ImportComparison.text(processing, "status"), whole(processing, "rows"),
                whole(processing, "files"), whole(processing, "duration_ms"), whole(stats, "samples"),
                ImportComparison.text(processing, "error"));
    }

    /** Fails with {@link CheckFailed} unless {@code processed} stored {@code rows} samples from {@code files}. */
    static void check(String what, Processed processed, long rows, long files) {
        var problems = new ArrayList<String>();
        if (!"ok".equals(processed.status())) {
            problems.add("processing.status " + processed.status()
                    + (processed.error() == null ? "" : " (" + processed.error() + ")"));
        }
        if (processed.rows() != rows) {
            problems.add("processing.rows " + processed.rows() + ", not " + rows);
        }
        if (processed.samples() != rows) {
            problems.add("stats.samples " + processed.samples() + ", not " + rows);
        }
        if (processed.files() != files) {
            problems.add("processing.files " + processed.files() + ", not " + files);
        }
        if (!problems.isEmpty()) {
            throw new CheckFailed(what + ": " + String.join(", ", problems));
        }
    }

    /** The {@code stored in X ms} figures of the server's log lines about {@code runIds}, in their order. */
    static List<Long> storedMillis(List<String> logLines, List<String> runIds) {
        var byRun = new HashMap<String, Long>();
        for (String line : logLines) {
            Matcher matcher = STORED.matcher(line);
            if (matcher.find()) {
                byRun.put(matcher.group(1), Long.parseLong(matcher.group(4)));
            }
        }
        return runIds.stream().filter(byRun::containsKey).map(byRun::get).toList();
    }

    private static long whole(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber number ? number.longValue() : -1;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The measurement.

    /** Warms up, then measures {@code repeats} finishes of each kind. */
    Outcome run(int repeats) throws IOException, InterruptedException {
        String warmupCsv = csv(WARMUP_ROWS, SEED + 1);
        byte[] warmupBody = inlineFinish(warmupCsv).getBytes(StandardCharsets.UTF_8);
        System.err.printf(Locale.ROOT, "monitor-bench: run finish: warming up, %d inline finishes of %,d rows%n",
                WARMUP_RUNS, WARMUP_ROWS);
        for (int i = 0; i < WARMUP_RUNS; i++) {
            String id = register("warm-up", i).runId();
            long start = System.nanoTime();
            Processed processed = finishInline(id, warmupBody);
            check("warm-up finish " + (i + 1), processed, WARMUP_ROWS, 0);
            System.err.printf(Locale.ROOT, "monitor-bench: run finish: warm-up %d: %.0f ms (processing %d ms)%n",
                    i + 1, (System.nanoTime() - start) / 1e6, processed.durationMillis());
        }

        String csv = csv(DAY_ROWS, SEED);
        byte[] csvBytes = csv.getBytes(StandardCharsets.UTF_8);
        byte[] inlineBody = inlineFinish(csv).getBytes(StandardCharsets.UTF_8);
        long inlineGzip = gzip(inlineBody).length;
        List<byte[]> chunks = chunks(csv, CHUNKS).stream()
                .map(chunk -> gzip(chunk.getBytes(StandardCharsets.UTF_8))).toList();
        long chunkBytes = chunks(csv, CHUNKS).stream().mapToLong(c -> c.getBytes(StandardCharsets.UTF_8).length)
                .sum();
        long chunkGzip = chunks.stream().mapToLong(c -> c.length).sum();
        System.err.printf(Locale.ROOT, "monitor-bench: run finish: %,d rows, CSV %,d bytes, inline body %,d bytes "
                + "(%,d gzipped), %d chunks %,d bytes (%,d gzipped)%n", DAY_ROWS, csvBytes.length, inlineBody.length,
                inlineGzip, CHUNKS, chunkBytes, chunkGzip);

        var inline = new ArrayList<Timing>();
        var chunked = new ArrayList<Timing>();
        var uploads = new ArrayList<Double>();
        var chunkedRuns = new ArrayList<String>();
        RssSampler rss = RssSampler.start(server.pid());
        long maxRss;
        try {
            for (int r = 0; r < repeats; r++) {
                // Inline: the POST, timed on this side.
                String id = register("inline", r).runId();
                Optional<Duration> cpuBefore = ServerCpu.used(server.pid());
                long start = System.nanoTime();
                Processed processed = finishInline(id, inlineBody);
                double wall = (System.nanoTime() - start) / 1e6;
                Optional<Duration> cpuAfter = ServerCpu.used(server.pid());
                check("inline finish " + (r + 1), processed, DAY_ROWS, 0);
                inline.add(new Timing(wall, processed.durationMillis(), millis(cpuBefore, cpuAfter), Double.NaN));
                System.err.printf(Locale.ROOT, "monitor-bench: run finish: inline %d: %.0f ms (processing %d ms)%n",
                        r + 1, wall, processed.durationMillis());

                // Object store: the chunks uploaded first, untimed; then the finish until the job is ok.
                Registered run = register("s3", r);
                List<String> uris = chunkUris(run.uploadPrefix(), CHUNKS);
                long uploadStart = System.nanoTime();
                for (int c = 0; c < CHUNKS; c++) {
                    store.put(uris.get(c), chunks.get(c));
                }
                uploads.add((System.nanoTime() - uploadStart) / 1e6);
                byte[] body = storeFinish(uris).getBytes(StandardCharsets.UTF_8);
                cpuBefore = ServerCpu.used(server.pid());
                Optional<Duration> storeBefore = ServerCpu.used(store.pid());
                start = System.nanoTime();
                processed = finishFromStore(run.runId(), body, start);
                wall = (System.nanoTime() - start) / 1e6;
                cpuAfter = ServerCpu.used(server.pid());
                Optional<Duration> storeAfter = ServerCpu.used(store.pid());
                check("object-store finish " + (r + 1), processed, DAY_ROWS, CHUNKS);
                chunked.add(new Timing(wall, processed.durationMillis(), millis(cpuBefore, cpuAfter),
                        millis(storeBefore, storeAfter)));
                chunkedRuns.add(run.runId());
                System.err.printf(Locale.ROOT, "monitor-bench: run finish: %d chunks %d: %.0f ms from the POST to "
                        + "ok (processing %d ms; upload before it %.0f ms, not counted)%n", CHUNKS, r + 1, wall,
                        processed.durationMillis(), uploads.get(uploads.size() - 1));
            }
        } finally {
            maxRss = rss.stop();
        }
        List<Long> stored = List.of();
        try {
            stored = storedMillis(Files.readAllLines(serverLog), chunkedRuns);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("monitor-bench: run finish: cannot read " + serverLog + ": " + e.getMessage());
        }
        return new Outcome(List.copyOf(inline), List.copyOf(chunked), csvBytes.length, inlineBody.length,
                inlineGzip, chunkBytes, chunkGzip, List.copyOf(uploads), stored, maxRss);
    }

    private static double millis(Optional<Duration> before, Optional<Duration> after) {
        return before.isPresent() && after.isPresent() ? after.get().minus(before.get()).toNanos() / 1e6
                : Double.NaN;
    }

    /** A registered run: its id and upload prefix. */
    record Registered(String runId, String uploadPrefix) {
    }

    private Registered register(String task, int number) throws IOException, InterruptedException {
        Api.Answer answer = api.post(RUNS, "application/json",
                registration(task, number).getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));
        if (answer.status() != 201) {
            throw new BenchmarkException("POST " + RUNS + " answered " + answer.status() + ": "
                    + Api.shorten(answer.body()));
        }
        JsonObject registered = ImportComparison.object(answer, RUNS);
        String id = ImportComparison.text(registered, "run_id");
        String prefix = ImportComparison.text(registered, "upload_uri_prefix");
        if (id == null || id.isBlank()) {
            throw new BenchmarkException("POST " + RUNS + " answered 201 without a run_id: "
                    + Api.shorten(answer.body()));
        }
        return new Registered(id, prefix == null ? "" : prefix);
    }

    private Processed finishInline(String id, byte[] body) throws IOException, InterruptedException {
        String path = RUNS + "/" + id + "/finish";
        Api.Answer answer = api.post(path, "application/json", body, POST_TIMEOUT);
        if (answer.status() != 200) {
            throw new CheckFailed("POST " + path + " (inline) answered " + answer.status() + ": "
                    + Api.shorten(answer.body()));
        }
        return processed(ImportComparison.object(answer, path));
    }

    /** Posts the finish, then polls the run every {@value #POLL_MILLIS} ms until its processing ends. */
    private Processed finishFromStore(String id, byte[] body, long start) throws IOException, InterruptedException {
        String path = RUNS + "/" + id + "/finish";
        Api.Answer answer = api.post(path, "application/json", body, POST_TIMEOUT);
        if (answer.status() != 200) {
            throw new CheckFailed("POST " + path + " (s3) answered " + answer.status() + ": "
                    + Api.shorten(answer.body()));
        }
        Processed processed = processed(ImportComparison.object(answer, path));
        String run = RUNS + "/" + id;
        long deadline = start + JOB_TIMEOUT.toNanos();
        while (!"ok".equals(processed.status()) && !"failed".equals(processed.status())) {
            if (System.nanoTime() > deadline) {
                throw new CheckFailed("run " + id + " still " + processed.status() + " after " + JOB_TIMEOUT);
            }
            Thread.sleep(POLL_MILLIS);
            Api.Answer state = api.get(run, Duration.ofMinutes(1));
            if (state.status() != 200) {
                throw new BenchmarkException("GET " + run + " answered " + state.status() + ": "
                        + Api.shorten(state.body()));
            }
            processed = processed(ImportComparison.object(state, run));
        }
        return processed;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The object store: S3Proxy in a process of its own, and the SDK's client of it.

    /** The server's settings for an object store at {@code endpoint}. */
    static Map<String, String> serverSettings(String endpoint) {
        return Map.of("MONITOR_SERVER_RUNS_S3_BUCKET", BUCKET, "MONITOR_SERVER_RUNS_S3_ENDPOINT", endpoint,
                "MONITOR_SERVER_RUNS_S3_ACCESS_KEY", ACCESS_KEY, "MONITOR_SERVER_RUNS_S3_SECRET_KEY", SECRET_KEY,
                "MONITOR_SERVER_RUNS_S3_REGION", "us-east-1");
    }

    /** S3Proxy's settings: in-memory storage ({@code transient}), signatures checked with the bench's keys. */
    static String proxyProperties(String endpoint) {
        return "s3proxy.endpoint=" + endpoint + "\n"
                + "s3proxy.authorization=aws-v2-or-v4\n"
                + "s3proxy.identity=" + ACCESS_KEY + "\n"
                + "s3proxy.credential=" + SECRET_KEY + "\n"
                + "jclouds.provider=transient\n";
    }

    /** Fails, saying what to do, unless {@code jar} is a file. */
    static void checkJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new BenchmarkException("S3Proxy's jar " + jar.toAbsolutePath() + " not found: \"run finish\" needs "
                    + "it as its object store. Fetch it (mvn dependency:get "
                    + "-Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies) or point --s3proxy-jar at it");
        }
    }

    /** S3Proxy running on 127.0.0.1 with the bucket {@value #BUCKET} made, and an S3 client of it. */
    static final class ObjectStore implements AutoCloseable {

        private static final long START_TIMEOUT_MILLIS = 60_000;

        private final Process process;
        private final String endpoint;
        private final Path log;
        private S3Client s3;

        private ObjectStore(Process process, String endpoint, Path log) {
            this.process = process;
            this.endpoint = endpoint;
            this.log = log;
        }

        /**
         * Starts S3Proxy from {@code jar} on {@code port} (its properties and log in {@code dir}), waits until the
         * port accepts connections and makes the bucket. Fails if something already listens on the port.
         */
        static ObjectStore start(Path jar, int port, Path dir) throws IOException, InterruptedException {
            checkJar(jar);
            if (listening(port)) {
                throw new BenchmarkException("port " + port + " (S3Proxy) is already in use: stop what uses it or "
                        + "choose another with --s3proxy-port");
            }
            String endpoint = "http://127.0.0.1:" + port;
            Files.createDirectories(dir);
            Path properties = dir.resolve("s3proxy.properties");
            Files.writeString(properties, proxyProperties(endpoint));
            Path log = dir.resolve("s3proxy.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var builder = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString(), "--properties",
                    properties.toAbsolutePath().toString());
            builder.environment().put("LOG_LEVEL", "warn");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            var store = new ObjectStore(builder.start(), endpoint, log);
            try {
                store.awaitPort(port);
                store.s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                        .forcePathStyle(true)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                try {
                    store.s3.createBucket(b -> b.bucket(BUCKET));
                } catch (BucketAlreadyOwnedByYouException e) {
                    // Cannot happen with transient storage, but harmless.
                }
                return store;
            } catch (InterruptedException | RuntimeException e) {
                store.close();
                throw e;
            }
        }

        String endpoint() {
            return endpoint;
        }

        long pid() {
            return process.isAlive() ? process.pid() : -1;
        }

        /** Uploads {@code bytes} to {@code uri} ({@code s3://bucket/key}, the bucket {@value #BUCKET}). */
        void put(String uri, byte[] bytes) {
            String[] bucketAndKey = bucketAndKey(uri);
            if (!BUCKET.equals(bucketAndKey[0])) {
                throw new BenchmarkException("the server handed out " + uri + ", outside bucket " + BUCKET
                        + ": is it configured with this object store?");
            }
            s3.putObject(b -> b.bucket(BUCKET).key(bucketAndKey[1]).contentType("application/gzip"),
                    RequestBody.fromBytes(bytes));
        }

        private void awaitPort(int port) throws InterruptedException {
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
            while (!listening(port)) {
                if (!process.isAlive()) {
                    throw new BenchmarkException("S3Proxy exited with status " + process.exitValue()
                            + " before it listened; the end of " + log + ":\n" + tail(log));
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new BenchmarkException("S3Proxy did not listen on port " + port + " within "
                            + START_TIMEOUT_MILLIS / 1000 + " s; the end of " + log + ":\n" + tail(log));
                }
                Thread.sleep(100);
            }
        }

        /** Stops S3Proxy (SIGTERM, then SIGKILL after 10 s). Idempotent. */
        @Override
        public synchronized void close() {
            if (s3 != null) {
                s3.close();
                s3 = null;
            }
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private static boolean listening(int port) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
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

    /** A report row or a note, in the order they are reported. */
    record Line(Result result, String note) {
    }

    /**
     * The report's rows and notes for {@code outcome}: four rows (the inline finish's wall time and processing
     * time, the object-store finish's), each in samples/s from the median of the {@code repeats} finishes with that
     * median in the p50 column; notes with every value, the body sizes and the server's own figures.
     */
    static List<Line> report(Outcome outcome, int repeats, String database) {
        var lines = new ArrayList<Line>();
        String inline = String.format(Locale.ROOT, "%s: inline %,d rows", Scenarios.RUN_FINISH, DAY_ROWS);
        String chunked = String.format(Locale.ROOT, "%s: %d chunks from S3", Scenarios.RUN_FINISH, CHUNKS);
        lines.add(row(inline + " (samples/s; POST wall time)", values(outcome.inline(), Timing::wallMillis),
                outcome.maxRssMegabytes()));
        lines.add(row(inline + ", processing.duration_ms (samples/s)",
                values(outcome.inline(), t -> t.processingMillis()), outcome.maxRssMegabytes()));
        lines.add(row(chunked + " (samples/s; POST until GET shows ok)", values(outcome.chunked(),
                Timing::wallMillis), outcome.maxRssMegabytes()));
        lines.add(row(chunked + ", processing.duration_ms (samples/s)",
                values(outcome.chunked(), t -> t.processingMillis()), outcome.maxRssMegabytes()));
        lines.add(new Line(null, String.format(Locale.ROOT, "%s: a day of resource-tracker samples (%,d rows at "
                + "1 s, the tracker's %d columns, some cells empty) into the empty database %s, S3Proxy as the "
                + "object store, after %d unreported inline finishes of %,d rows; %d finishes of each kind, each on a "
                + "run of its own. Rows: samples/s from the median, the median in the p50 column. Inline body: CSV "
                + "%,d bytes, JSON %,d bytes (%,d gzipped; sent plain, as the Rust client does). Chunks: %d of "
                + "%,d rows, %,d bytes of CSV (header repeated), %,d gzipped, uploaded before each finish (not "
                + "counted: %s ms).", Scenarios.RUN_FINISH, DAY_ROWS, COLUMNS.size(), database, WARMUP_RUNS,
                WARMUP_ROWS, repeats, outcome.csvBytes(), outcome.inlineBodyBytes(), outcome.inlineBodyGzipBytes(),
                CHUNKS, DAY_ROWS / CHUNKS, outcome.chunkBytes(), outcome.chunkGzipBytes(),
                list(outcome.uploadMillis()))));
        lines.add(new Line(null, String.format(Locale.ROOT, "%s, each finish: POST wall %s ms (median %s); "
                + "processing.duration_ms %s (median %s); server CPU %s ms.", inline,
                list(values(outcome.inline(), Timing::wallMillis)), one(median(values(outcome.inline(),
                        Timing::wallMillis))), list(values(outcome.inline(), t -> t.processingMillis())),
                one(median(values(outcome.inline(), t -> t.processingMillis()))),
                list(values(outcome.inline(), Timing::serverCpuMillis)))));
        lines.add(new Line(null, String.format(Locale.ROOT, "%s, each finish: POST until GET shows ok %s ms (median "
                + "%s, polled every %d ms); processing.duration_ms %s (median %s); the server log's \"stored in\" "
                + "%s ms; server CPU %s ms, S3Proxy CPU %s ms.", chunked,
                list(values(outcome.chunked(), Timing::wallMillis)),
                one(median(values(outcome.chunked(), Timing::wallMillis))), POLL_MILLIS,
                list(values(outcome.chunked(), t -> t.processingMillis())),
                one(median(values(outcome.chunked(), t -> t.processingMillis()))),
                outcome.storedMillis().isEmpty() ? "(not found)" : list(outcome.storedMillis()),
                list(values(outcome.chunked(), Timing::serverCpuMillis)),
                list(values(outcome.chunked(), Timing::storeCpuMillis)))));
        return lines;
    }

    private static Line row(String name, List<Double> millis, long maxRss) {
        double median = median(millis);
        return new Line(new Result(name, 1, DAY_ROWS / (median / 1000), median, Double.NaN, 0, maxRss, Double.NaN),
                null);
    }

    private static String one(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** {@code values} as {@code "a, b, c"} with no decimals ("n/a" for an unknown one). */
    static String list(List<? extends Number> values) {
        return String.join(", ", values.stream().map(v -> one(v.doubleValue())).toList());
    }

    /** For the notes: the values of one figure of each timing. */
    static List<Double> values(List<Timing> timings, ToDoubleFunction<Timing> figure) {
        return timings.stream().mapToDouble(figure).boxed().toList();
    }
}
