package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The "run finish" scenario's data, bodies, checks and report lines, without a server or an object store. */
class RunFinishTimingTest {

    private static final Path SAMPLE = Path.of("/work/shared/reference/sentinel-sample.csv");

    @Test
    void aDayOfSamplesIsTheSameTextForTheSameSeed() {
        String day = RunFinishTiming.csv(RunFinishTiming.DAY_ROWS, RunFinishTiming.SEED);

        assertEquals(day, RunFinishTiming.csv(RunFinishTiming.DAY_ROWS, RunFinishTiming.SEED));
        assertNotEquals(day, RunFinishTiming.csv(RunFinishTiming.DAY_ROWS, RunFinishTiming.SEED + 1));
        assertEquals(RunFinishTiming.DAY_ROWS + 1, day.lines().count());
        assertTrue(day.endsWith("\n"));
        // A prefix of the day is the same rows: the generator does not look ahead.
        assertTrue(day.startsWith(RunFinishTiming.csv(100, RunFinishTiming.SEED)));
    }

    @Test
    void everyRowHasTheTrackersColumnsAsNumbersOrEmpty() throws IOException {
        String day = RunFinishTiming.csv(RunFinishTiming.DAY_ROWS, RunFinishTiming.SEED);
        List<String> lines = day.lines().toList();

        assertEquals(32, RunFinishTiming.COLUMNS.size());
        assertEquals(lines.get(0), RunFinishTiming.header().strip());
        if (Files.isRegularFile(SAMPLE)) {
            // The real tracker's header, byte for byte.
            assertEquals(Files.readAllLines(SAMPLE).get(0), lines.get(0));
        }
        long empty = 0;
        double previous = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(32, cells.length, line);
            for (String cell : cells) {
                if (cell.isEmpty()) {
                    empty++;
                } else {
                    assertTrue(cell.matches("\\d+(\\.\\d+)?"), () -> "not a bare number: " + cell + " in " + line);
                    assertTrue(Double.isFinite(Double.parseDouble(cell)), cell);
                }
            }
            double timestamp = Double.parseDouble(cells[0]);
            assertTrue(timestamp > previous, line);
            previous = timestamp;
            double cpu = Double.parseDouble(cells[RunFinishTiming.COLUMNS.indexOf("process_cpu_usage")]);
            assertTrue(cpu >= 0 && cpu <= 2, line);
        }
        assertTrue(empty > 0, "some cells are empty");
        assertTrue(empty < (long) RunFinishTiming.DAY_ROWS * 32 / 10, "most cells have values: " + empty);
        // A day at 1 s: the last sample is 86,399 s after the first.
        assertEquals(RunFinishTiming.DAY_ROWS - 1, Math.floor(previous) - RunFinishTiming.FIRST_TIMESTAMP);
    }

    @Test
    void numbersArePrintedAsPythonPrintsFloats() {
        assertEquals("1.0", RunFinishTiming.number(1, 4));
        assertEquals("0.0", RunFinishTiming.number(0, 2));
        assertEquals("270.55", RunFinishTiming.number(270.55, 2));
        assertEquals("0.0103", RunFinishTiming.number(0.01031, 4));
        assertEquals("23424.4688", RunFinishTiming.number(23424.46875, 4));
        assertEquals("1796192508.002", RunFinishTiming.number(1796192508.002, 3));
        assertEquals("2.0", RunFinishTiming.number(1.99999, 4));
        assertEquals("-0.5", RunFinishTiming.number(-0.5, 2));
    }

    @Test
    void chunksSplitTheRowsInOrderAndEachRepeatsTheHeader() {
        String day = RunFinishTiming.csv(RunFinishTiming.DAY_ROWS, RunFinishTiming.SEED);
        String header = RunFinishTiming.header();
        List<String> chunks = RunFinishTiming.chunks(day, RunFinishTiming.CHUNKS);

        assertEquals(24, chunks.size());
        var joined = new StringBuilder(header);
        for (String chunk : chunks) {
            assertTrue(chunk.startsWith(header));
            assertEquals(3_600 + 1, chunk.lines().count());
            joined.append(chunk, header.length(), chunk.length());
        }
        assertEquals(day, joined.toString());
    }

    @Test
    void unevenChunksDifferByOneRowAtMost() {
        String csv = "\"a\",\"b\"\n1,2\n3,4\n5,6\n7,8\n9,10\n";
        List<String> chunks = RunFinishTiming.chunks(csv, 3);

        assertEquals(List.of("\"a\",\"b\"\n1,2\n", "\"a\",\"b\"\n3,4\n5,6\n", "\"a\",\"b\"\n7,8\n9,10\n"), chunks);
        assertEquals(List.of("\"a\",\"b\"\n1,2\n3,4\n5,6\n7,8\n9,10\n"), RunFinishTiming.chunks(csv, 1));
        assertThrows(IllegalArgumentException.class, () -> RunFinishTiming.chunks(csv, 6));
        assertThrows(IllegalArgumentException.class, () -> RunFinishTiming.chunks(csv, 0));
        assertThrows(IllegalArgumentException.class, () -> RunFinishTiming.chunks("no header", 1));
    }

    @Test
    void chunkUrisAreNumberedUnderThePrefix() {
        assertEquals(List.of("s3://bench-runs/runs/r-1/0000.csv.gz", "s3://bench-runs/runs/r-1/0001.csv.gz"),
                RunFinishTiming.chunkUris("s3://bench-runs/runs/r-1", 2));
        assertEquals("s3://b/p/0023.csv.gz", RunFinishTiming.chunkUris("s3://b/p", 24).get(23));
        String[] bucketAndKey = RunFinishTiming.bucketAndKey("s3://bench-runs/runs/r-1/0000.csv.gz");
        assertEquals("bench-runs", bucketAndKey[0]);
        assertEquals("runs/r-1/0000.csv.gz", bucketAndKey[1]);
        assertThrows(BenchmarkException.class, () -> RunFinishTiming.bucketAndKey("https://host/key"));
        assertThrows(BenchmarkException.class, () -> RunFinishTiming.bucketAndKey("s3://bucket-only"));
    }

    @Test
    void gzipRoundTrips() throws IOException {
        byte[] text = RunFinishTiming.csv(3_600, 1).getBytes(StandardCharsets.UTF_8);
        byte[] zipped = RunFinishTiming.gzip(text);

        assertTrue(zipped.length < text.length / 2, zipped.length + " of " + text.length);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            assertEquals(new String(text, StandardCharsets.UTF_8),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void bodiesAreTheJsonTheClientsSend() {
        String csv = RunFinishTiming.csv(3, 7);
        JsonObject inline = parse(RunFinishTiming.inlineFinish(csv));
        assertEquals(0, inline.getInt("exit_code"));
        assertEquals("finished", inline.getString("run_status"));
        assertEquals("inline", inline.getString("data_source"));
        assertEquals(csv, inline.getString("data_csv"));

        JsonObject store = parse(RunFinishTiming.storeFinish(List.of("s3://b/p/0000.csv.gz", "s3://b/p/0001.csv.gz")));
        assertEquals("s3", store.getString("data_source"));
        assertEquals(List.of("s3://b/p/0000.csv.gz", "s3://b/p/0001.csv.gz"),
                store.getJsonArray("data_uris").getValuesAs(jakarta.json.JsonString::getString));

        JsonObject registration = parse(RunFinishTiming.registration("inline", 2));
        assertEquals("bench-inline-2", registration.getString("external_run_id"));
        assertEquals("[\"python\", \"train.py\", \"--epochs\", \"10\"]", registration.getString("command"));
        assertEquals("bench-host", registration.getString("host_hostname"));
    }

    @Test
    void processingIsReadAndChecked() {
        RunFinishTiming.Processed ok = RunFinishTiming.processed(parse("{\"run\": {\"run_id\": \"r\"}, \"processing\": "
                + "{\"status\": \"ok\", \"rows\": 86400, \"files\": 24, \"duration_ms\": 1234, \"error\": null}, "
                + "\"stats\": {\"samples\": 86400, \"interval_seconds\": 1.0}}"));
        assertEquals(new RunFinishTiming.Processed("ok", 86_400, 24, 1_234, 86_400, null), ok);
        RunFinishTiming.check("s3", ok, 86_400, 24);

        RunFinishTiming.Processed queued = RunFinishTiming.processed(parse("{\"processing\": {\"status\": "
                + "\"queued\", \"rows\": null, \"files\": 0, \"duration_ms\": null, \"error\": null}, \"stats\": null}"));
        assertEquals("queued", queued.status());
        assertEquals(-1, queued.rows());
        assertEquals(-1, queued.samples());
        assertNull(queued.error());

        var fewer = new RunFinishTiming.Processed("ok", 86_399, 0, 10, 86_399, null);
        var failure = assertThrows(RunFinishTiming.CheckFailed.class, () -> RunFinishTiming.check("inline 1", fewer,
                86_400, 0));
        assertTrue(failure.getMessage().contains("processing.rows 86399, not 86400"), failure.getMessage());
        assertTrue(failure.getMessage().contains("stats.samples 86399, not 86400"), failure.getMessage());
        var failed = new RunFinishTiming.Processed("failed", 0, 2, 10, -1, "chunk 2 is missing");
        var missing = assertThrows(RunFinishTiming.CheckFailed.class, () -> RunFinishTiming.check("s3 1", failed,
                86_400, 24));
        assertTrue(missing.getMessage().contains("processing.status failed (chunk 2 is missing)"),
                missing.getMessage());
        assertThrows(BenchmarkException.class, () -> RunFinishTiming.processed(parse("{\"run\": {}}")));
    }

    @Test
    void theServerLogsStoredTimesAreFoundPerRun() {
        List<String> log = List.of(
                "06:10:57,908 INFO  [org.jboss.as] started",
                "06:11:01,001 INFO  [org.monitorserver.persistence.run.RunIngest] (job-1) Run a-1: 86400 samples "
                        + "from 24 chunks stored in 812 ms",
                "06:11:03,001 INFO  [org.monitorserver.persistence.run.RunIngest] (job-2) Run b-2: 86400 samples "
                        + "from 24 chunks stored in 790 ms");

        assertEquals(List.of(790L, 812L), RunFinishTiming.storedMillis(log, List.of("b-2", "a-1", "c-3")));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, RunFinishTiming.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, RunFinishTiming.median(List.of(4L, 1L, 2L, 3L)));
        assertTrue(Double.isNaN(RunFinishTiming.median(List.of())));
    }

    @Test
    void theReportHasFourRowsFromTheMediansAndNotesWithEveryValue() {
        var inline = List.of(new RunFinishTiming.Timing(1_200, 1_000, 900, Double.NaN),
                new RunFinishTiming.Timing(1_000, 800, 850, Double.NaN),
                new RunFinishTiming.Timing(1_100, 900, 870, Double.NaN));
        var chunked = List.of(new RunFinishTiming.Timing(2_000, 1_500, 1_000, 300),
                new RunFinishTiming.Timing(1_800, 1_400, 990, 280),
                new RunFinishTiming.Timing(1_900, 1_450, 995, 290));
        var outcome = new RunFinishTiming.Outcome(inline, chunked, 16_000_000, 16_100_000, 3_000_000, 16_010_000,
                2_900_000, List.of(400.0, 380.0, 390.0), List.of(1_490L, 1_390L, 1_440L), 900);

        List<RunFinishTiming.Line> lines = RunFinishTiming.report(outcome, 3, "monitor_bench_runs");
        List<Result> rows = lines.stream().map(RunFinishTiming.Line::result).filter(r -> r != null).toList();
        assertEquals(4, rows.size());
        assertEquals("run finish: inline 86,400 rows (samples/s; POST wall time)", rows.get(0).scenario());
        assertEquals(1_100, rows.get(0).p50Millis());
        assertEquals(86_400 / 1.1, rows.get(0).requestsPerSecond(), 1e-6);
        assertEquals(900, rows.get(1).p50Millis());
        assertEquals("run finish: 24 chunks from S3 (samples/s; POST until GET shows ok)", rows.get(2).scenario());
        assertEquals(1_900, rows.get(2).p50Millis());
        assertEquals(1_450, rows.get(3).p50Millis());
        assertEquals(900, rows.get(3).maxRssMegabytes());
        assertTrue(Double.isNaN(rows.get(0).p99Millis()));
        rows.forEach(r -> assertTrue(r.scenario().startsWith(Scenarios.RUN_FINISH + ": ")));

        String notes = String.join("\n", lines.stream().map(RunFinishTiming.Line::note).filter(n -> n != null)
                .toList());
        assertTrue(notes.contains("POST wall 1,200, 1,000, 1,100 ms (median 1,100)"), notes);
        assertTrue(notes.contains("POST until GET shows ok 2,000, 1,800, 1,900 ms (median 1,900"), notes);
        assertTrue(notes.contains("\"stored in\" 1,490, 1,390, 1,440 ms"), notes);
        assertTrue(notes.contains("JSON 16,100,000 bytes (3,000,000 gzipped"), notes);
        assertTrue(notes.contains("S3Proxy CPU 300, 280, 290 ms"), notes);
        assertTrue(notes.contains("server CPU 900, 850, 870 ms"), notes);
        assertFalse(notes.contains("NaN"), notes);
    }

    @Test
    void theServerAndS3ProxyShareTheKeysAndBucket() {
        Map<String, String> settings = RunFinishTiming.serverSettings("http://127.0.0.1:18390");
        String properties = RunFinishTiming.proxyProperties("http://127.0.0.1:18390");

        assertEquals("bench-runs", settings.get("MONITOR_SERVER_RUNS_S3_BUCKET"));
        assertEquals("http://127.0.0.1:18390", settings.get("MONITOR_SERVER_RUNS_S3_ENDPOINT"));
        assertTrue(properties.contains("s3proxy.identity=" + settings.get("MONITOR_SERVER_RUNS_S3_ACCESS_KEY") + "\n"));
        assertTrue(properties.contains("s3proxy.credential=" + settings.get("MONITOR_SERVER_RUNS_S3_SECRET_KEY")
                + "\n"));
        assertTrue(properties.contains("s3proxy.endpoint=http://127.0.0.1:18390\n"));
        assertTrue(properties.contains("jclouds.provider=transient\n"));
    }

    @Test
    void aMissingJarIsAClearError() {
        var missing = assertThrows(BenchmarkException.class,
                () -> RunFinishTiming.checkJar(Path.of("/nonexistent/s3proxy.jar")));
        assertTrue(missing.getMessage().contains("--s3proxy-jar"), missing.getMessage());
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
