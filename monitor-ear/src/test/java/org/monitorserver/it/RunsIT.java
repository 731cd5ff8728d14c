package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run API as resource-tracker's two clients speak it (sentinel.md): the Python client's recorded requests
 * replayed byte for byte at the server root, the Rust client's forms under {@code /api/v1}, inline and object-store
 * finishes against a real S3-compatible server ({@link TestObjectStore}), statistics checked against values worked
 * out by hand, the refusals of bad input, and the queries.
 */
class RunsIT extends ApiTestSupport {

    /** The header the tracker writes, in its order. */
    static final String HEADER = "\"timestamp\",\"system_processes\",\"system_utime\",\"system_stime\","
            + "\"system_cpu_usage\",\"system_memory_free_mib\",\"system_memory_used_mib\",\"system_memory_buffers_mib\","
            + "\"system_memory_cached_mib\",\"system_memory_active_mib\",\"system_memory_inactive_mib\","
            + "\"system_disk_read_bytes\",\"system_disk_write_bytes\",\"system_disk_space_total_gb\","
            + "\"system_disk_space_used_gb\",\"system_disk_space_free_gb\",\"system_net_recv_bytes\","
            + "\"system_net_sent_bytes\",\"system_gpu_usage\",\"system_gpu_vram_mib\",\"system_gpu_utilized\","
            + "\"process_pid\",\"process_children\",\"process_utime\",\"process_stime\",\"process_cpu_usage\","
            + "\"process_memory_mib\",\"process_disk_read_bytes\",\"process_disk_write_bytes\",\"process_gpu_usage\","
            + "\"process_gpu_vram_mib\",\"process_gpu_utilized\"";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private TestObjectStore store;

    @BeforeEach
    void openStore() {
        store = new TestObjectStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // --- the Python client's recorded requests, at the server root -------------------------------------------

    @Test
    void pythonClientRecordedRequestsAtTheRoot() throws Exception {
        byte[] register = resource("register.json");
        assertEquals(496, register.length, "the recorded body");
        HttpResponse<String> registered = send(HttpRequest.newBuilder(uri("/runs"))
                .header("Authorization", "Bearer TOKEN123").header("Content-Type", JSON).header("Accept", JSON)
                .POST(BodyPublishers.ofByteArray(register)));
        assertEquals(201, registered.statusCode(), registered::body);
        JsonObject answer = parse(registered.body());
        String id = answer.getString("run_id");
        assertEquals("s3://" + TestObjectStore.BUCKET + "/runs/" + id, answer.getString("upload_uri_prefix"));
        JsonObject credentials = answer.getJsonObject("upload_credentials");
        for (String key : List.of("access_key", "secret_key", "session_token", "region", "expires_at", "expiration")) {
            assertEquals(JsonValue.ValueType.STRING, credentials.get(key).getValueType(), key);
        }
        assertEquals("it-access-key", credentials.getString("access_key"));
        assertTrue(Instant.parse(credentials.getString("expires_at")).isAfter(Instant.now()));
        assertEquals(credentials.getString("expires_at"), credentials.getString("expiration"));
        assertTrue(registered.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/runs/" + id));

        HttpResponse<String> refreshed = send(HttpRequest.newBuilder(uri("/runs/" + id + "/refresh-credentials"))
                .header("Authorization", "Bearer TOKEN123").header("Content-Type", JSON).header("Accept", JSON)
                .POST(BodyPublishers.noBody()));
        assertEquals(200, refreshed.statusCode(), refreshed::body);
        assertEquals("it-access-key", parse(refreshed.body()).getJsonObject("upload_credentials")
                .getString("access_key"));

        byte[] finish = resource("finish-inline.json.gz");
        assertEquals(152, finish.length, "the recorded gzip body");
        HttpResponse<String> finished = send(HttpRequest.newBuilder(uri("/runs/" + id + "/finish"))
                .header("Authorization", "Bearer TOKEN123").header("Content-Type", JSON).header("Accept", JSON)
                .header("Content-Encoding", "gzip").POST(BodyPublishers.ofByteArray(finish)));
        assertEquals(200, finished.statusCode(), finished::body);
        JsonObject result = parse(finished.body());
        assertEquals("finished", result.getJsonObject("run").getString("run_status"));
        assertEquals(0, result.getJsonObject("run").getInt("exit_code"));
        JsonObject processing = result.getJsonObject("processing");
        assertEquals("ok", processing.getString("status"));
        assertEquals(2, processing.getInt("rows"));
        JsonObject stats = result.getJsonObject("stats");
        assertEquals(2, stats.getInt("samples"));
        assertEquals(2.0, number(stats, "duration_seconds"), "1 s between the two, plus one interval of 1 s");
        assertEquals(1.0, number(stats.getJsonObject("process_cpu_usage"), "mean"));
        assertEquals(1.5, number(stats.getJsonObject("process_cpu_usage"), "max"));
        assertEquals(110.125, number(stats.getJsonObject("process_memory_mib"), "mean"));
        assertEquals(120.0, number(stats.getJsonObject("process_memory_mib"), "max"));
        assertEquals(JsonValue.NULL, stats.get("process_gpu_usage"), "a column the CSV does not have");

        JsonObject run = json(get("/api/v1/runs/" + id), 200).getJsonObject("run");
        JsonObject metadata = run.getJsonObject("metadata");
        assertEquals(4242, metadata.getInt("pid"), "an unknown key, kept");
        assertEquals("python", metadata.getString("language"));
        assertEquals(List.of("python", "train.py", "--epochs", "10"), metadata.getJsonArray("command")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals("churn-model", run.getString("project_name"));
        assertEquals("git_sha", run.getJsonArray("tags").getJsonObject(0).getString("key"));
        assertEquals("9f2c1ab", run.getJsonArray("tags").getJsonObject(0).getString("value"));

        // Finished: no new credentials, no second finish.
        assertEquals(409, send(HttpRequest.newBuilder(uri("/runs/" + id + "/refresh-credentials"))
                .header("Content-Type", JSON).POST(BodyPublishers.noBody())).statusCode());
        HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/runs/" + id + "/finish"))
                .header("Content-Type", JSON).header("Content-Encoding", "gzip")
                .POST(BodyPublishers.ofByteArray(finish)));
        assertEquals(409, again.statusCode(), again::body);
        assertTrue(parse(again.body()).getString("message").contains("already finished"));
    }

    @Test
    void pythonClientObjectStoreFinishIsProcessedInTheBackground() throws Exception {
        String id = register("/runs", registration(unique("proj"), "host-a"));
        String prefix = "s3://" + TestObjectStore.BUCKET + "/runs/" + id;
        store.putChunk(prefix + "/0000.csv.gz", "\"timestamp\",\"process_cpu_usage\"\n1764000000,0.5\n1764000001,1.5\n");
        store.putChunk(prefix + "/0001.csv.gz", "\"timestamp\",\"process_cpu_usage\"\n1764000002,2.5\n");
        String body = new String(resource("finish-s3.json"), StandardCharsets.UTF_8).replace("r-0001", id);
        HttpResponse<String> finished = send(HttpRequest.newBuilder(uri("/runs/" + id + "/finish"))
                .header("Authorization", "Bearer TOKEN123").header("Content-Type", JSON).header("Accept", JSON)
                .POST(BodyPublishers.ofString(body)));
        assertEquals(200, finished.statusCode(), "the Rust client takes nothing but 200: " + finished.body());
        assertEquals("queued", parse(finished.body()).getJsonObject("processing").getString("status"));
        assertEquals("failed", parse(finished.body()).getJsonObject("run").getString("run_status"));

        JsonObject result = awaitProcessing(id);
        JsonObject processing = result.getJsonObject("processing");
        assertEquals("ok", processing.getString("status"), processing::toString);
        assertEquals(3, processing.getInt("rows"));
        assertEquals(2, processing.getInt("files"));
        JsonObject stats = result.getJsonObject("stats");
        assertEquals(3.0, number(stats, "duration_seconds"));
        assertEquals(1.5, number(stats.getJsonObject("process_cpu_usage"), "mean"));
        assertEquals(2.5, number(stats.getJsonObject("process_cpu_usage"), "max"));
        HttpResponse<String> csv = send(HttpRequest.newBuilder(uri("/api/v1/runs/" + id + "/samples"))
                .header("Accept", "text/csv").GET());
        assertEquals(200, csv.statusCode());
        assertEquals("\"timestamp\",\"process_cpu_usage\"\n1764000000,0.5\n1764000001,1.5\n1764000002,2.5\n",
                csv.body(), "the chunks joined in order, one header");
    }

    // --- the Rust client's forms, under /api/v1 ----------------------------------------------------------------

    @Test
    void rustClientForms() throws Exception {
        String project = unique("rust");
        String body = "{\"project_name\":\"" + project + "\",\"job_name\":null,\"tags\":[\"gpu\",\"nightly\"],"
                + "\"host_hostname\":null,\"host_vcpus\":null,\"host_server_allocation\":null,"
                + "\"host_gpu_memory_mib\":null,\"cloud_vendor_id\":null,\"cloud_region_id\":null}";
        String id = register("/api/v1/runs", body);
        // reqwest sends the refresh with no body and no Content-Type at all.
        HttpResponse<String> refreshed = send(HttpRequest.newBuilder(uri("/api/v1/runs/" + id + "/refresh-credentials"))
                .POST(BodyPublishers.noBody()));
        assertEquals(200, refreshed.statusCode(), refreshed::body);
        assertTrue(parse(refreshed.body()).getJsonObject("upload_credentials").containsKey("session_token"));

        String finish = "{\"exit_code\":0,\"run_status\":\"finished\",\"data_source\":\"inline\","
                + "\"data_csv\":\"\\\"timestamp\\\",\\\"process_memory_mib\\\"\\n1764000000,10\\n1764000002,30\\n\","
                + "\"finished_at\":\"2026-01-02T03:04:05.123456Z\"}";
        JsonObject result = parse(postJson("/api/v1/runs/" + id + "/finish", finish, 200));
        JsonObject run = result.getJsonObject("run");
        assertEquals("2026-01-02T03:04:05.123456Z", run.getString("finished_at"));
        assertEquals(JsonValue.NULL, run.get("host_hostname"));
        assertEquals(2, run.getInt("tag_count"));
        assertEquals(List.of("gpu", "nightly"), run.getJsonArray("tags").getValuesAs(JsonObject.class).stream()
                .map(tag -> tag.getString("key")).toList());
        assertEquals(JsonValue.NULL, run.getJsonObject("metadata").get("host_vcpus"), "nulls kept as sent");
        assertEquals(4.0, number(result.getJsonObject("stats"), "duration_seconds"), "2 s apart, plus 2 s");

        // The object-store finish answers 200 too (queued), the only status the Rust client takes.
        String other = register("/api/v1/runs", "{\"project_name\":\"" + project + "\",\"tags\":[]}");
        String uri = "s3://" + TestObjectStore.BUCKET + "/runs/" + other + "/0000.csv.gz";
        store.putChunk(uri, "\"timestamp\"\n1764000000\n");
        JsonObject queued = parse(postJson("/api/v1/runs/" + other + "/finish", "{\"exit_code\":3,"
                + "\"run_status\":\"failed\",\"data_source\":\"s3\",\"data_uris\":[\"" + uri + "\"],"
                + "\"finished_at\":\"2026-01-02T03:04:05Z\"}", 200));
        assertEquals("queued", queued.getJsonObject("processing").getString("status"));
        assertEquals("ok", awaitProcessing(other).getJsonObject("processing").getString("status"));
    }

    // --- statistics ----------------------------------------------------------------------------------------------

    @Test
    void statisticsOfAnHourMatchValuesWorkedOutByHand() throws Exception {
        // 3,600 rows at 1 s: cpu (i % 10) / 10, memory 100 + i % 4, received bytes i, disk used 20 + i / 3600,
        // a constant system cpu of 2, the GPU columns empty throughout.
        var csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 3600; i++) {
            String[] row = new String[32];
            java.util.Arrays.fill(row, "");
            row[0] = Long.toString(1764000000L + i);
            row[4] = "2";
            row[14] = Double.toString(20 + i / 3600.0);
            row[16] = Integer.toString(i);
            row[25] = Double.toString((i % 10) / 10.0);
            row[26] = Integer.toString(100 + i % 4);
            csv.append(String.join(",", row)).append('\n');
        }
        String id = register("/api/v1/runs", registration(unique("stats"), null));
        JsonObject stats = parse(postJson("/api/v1/runs/" + id + "/finish", finishInline(csv.toString()), 200))
                .getJsonObject("stats");
        assertEquals(3600, stats.getInt("samples"));
        assertEquals(3600.0, number(stats, "duration_seconds"), "3,599 s from first to last, plus 1 s");
        assertEquals(1.0, number(stats, "interval_seconds"));
        assertEquals(0.45, number(stats.getJsonObject("process_cpu_usage"), "mean"), 1e-12, "0 .. 0.9, 360 times");
        assertEquals(0.9, number(stats.getJsonObject("process_cpu_usage"), "max"));
        assertEquals(101.5, number(stats.getJsonObject("process_memory_mib"), "mean"), 1e-12, "100 .. 103, 900 times");
        assertEquals(103.0, number(stats.getJsonObject("process_memory_mib"), "max"));
        assertEquals(2.0, number(stats.getJsonObject("system_cpu_usage"), "mean"));
        assertEquals(6_478_200.0, number(stats.getJsonObject("system_net_recv_bytes"), "sum"), "0 + ... + 3599");
        assertEquals(20 + 3599 / 3600.0, number(stats.getJsonObject("system_disk_space_used_gb"), "max"));
        assertEquals(JsonValue.NULL, stats.get("process_gpu_usage"), "empty in every row");
        assertEquals(JsonValue.NULL, stats.get("system_gpu_vram_mib"));
        assertEquals(JsonValue.NULL, stats.get("system_net_sent_bytes"));

        JsonObject samples = json(get("/api/v1/runs/" + id + "/samples"), 200);
        assertEquals(3600, samples.getJsonArray("samples").size());
        JsonObject last = samples.getJsonArray("samples").getJsonObject(3599);
        assertEquals(1764003599L, last.getJsonNumber("timestamp").longValue());
        assertEquals(JsonValue.NULL, last.get("process_gpu_usage"), "an empty cell is null");
        assertEquals(32, samples.getJsonArray("columns").size());
    }

    @Test
    void theTrackersOwnCsvIsTakenAsItIs() throws Exception {
        String csv = new String(resource("sentinel-sample.csv"), StandardCharsets.UTF_8);
        String id = register("/runs", registration(unique("sample"), "tracker-host"));
        JsonObject result = parse(postJson("/runs/" + id + "/finish", finishInline(csv), 200));
        assertEquals(5, result.getJsonObject("processing").getInt("rows"));
        HttpResponse<String> back = send(HttpRequest.newBuilder(uri("/api/v1/runs/" + id + "/samples"))
                .header("Accept", "text/csv").GET());
        assertEquals(csv.substring(0, csv.indexOf('\n')), back.body().substring(0, back.body().indexOf('\n')),
                "the same header");
        assertEquals(csv.lines().count(), back.body().lines().count());
        assertEquals(csv.lines().skip(1).findFirst(), back.body().lines().skip(1).findFirst(),
                "the first row as the tracker wrote it");
    }

    @Test
    void base64OfGzippedCsvIsReadToo() throws Exception {
        String id = register("/api/v1/runs", registration(unique("b64"), null));
        String data = Base64.getEncoder().encodeToString(TestObjectStore.gzip("\"timestamp\",\"x_custom\"\n1,a\n2,\n"));
        JsonObject result = parse(postJson("/api/v1/runs/" + id + "/finish", "{\"exit_code\":0,\"run_status\":"
                + "\"finished\",\"data_source\":\"inline\",\"data_csv\":\"" + data + "\"}", 200));
        assertEquals(2, result.getJsonObject("processing").getInt("rows"));
        JsonObject samples = json(get("/api/v1/runs/" + id + "/samples"), 200);
        assertEquals("a", samples.getJsonArray("samples").getJsonObject(0).getString("x_custom"),
                "an unknown column is kept");
        assertEquals(JsonValue.NULL, samples.getJsonArray("samples").getJsonObject(1).get("x_custom"));
    }

    // --- object store failures -------------------------------------------------------------------------------------

    @Test
    void aMissingChunkFailsTheJobAndTheRunCanBeFinishedAgain() throws Exception {
        String id = register("/runs", registration(unique("missing"), null));
        String prefix = "s3://" + TestObjectStore.BUCKET + "/runs/" + id;
        store.putChunk(prefix + "/0000.csv.gz", "\"timestamp\"\n1\n");
        store.putChunk(prefix + "/0002.csv.gz", "\"timestamp\"\n3\n");
        postJson("/runs/" + id + "/finish", "{\"exit_code\":0,\"run_status\":\"finished\",\"data_source\":\"s3\","
                + "\"data_uris\":[\"" + prefix + "/0000.csv.gz\",\"" + prefix + "/0001.csv.gz\",\"" + prefix
                + "/0002.csv.gz\"]}", 200);
        JsonObject processing = awaitProcessing(id).getJsonObject("processing");
        assertEquals("failed", processing.getString("status"));
        assertTrue(processing.getString("error").contains("chunk 2 (" + prefix + "/0001.csv.gz) is missing"),
                processing::toString);
        assertEquals(0, json(get("/api/v1/runs/" + id + "/samples"), 200).getJsonArray("samples").size(),
                "nothing of the job stays");

        JsonObject again = parse(postJson("/runs/" + id + "/finish", finishInline("\"timestamp\"\n1\n2\n"), 200));
        assertEquals("ok", again.getJsonObject("processing").getString("status"));
        assertEquals(2, again.getJsonObject("processing").getInt("rows"));
    }

    @Test
    void aChunkWithAnotherHeaderFailsTheJob() throws Exception {
        String id = register("/runs", registration(unique("header"), null));
        String prefix = "s3://" + TestObjectStore.BUCKET + "/runs/" + id;
        store.putChunk(prefix + "/0000.csv.gz", "\"timestamp\"\n1\n");
        store.putChunk(prefix + "/0001.csv.gz", "\"timestamp\",\"process_cpu_usage\"\n2,1\n");
        postJson("/runs/" + id + "/finish", "{\"data_source\":\"s3\",\"data_uris\":[\"" + prefix + "/0000.csv.gz\",\""
                + prefix + "/0001.csv.gz\"]}", 200);
        JsonObject processing = awaitProcessing(id).getJsonObject("processing");
        assertEquals("failed", processing.getString("status"));
        assertTrue(processing.getString("error").contains("another header"), processing::toString);
    }

    @Test
    void aChunkThatIsNotGzipFailsTheJobAndAFinishWithoutChunksStoresNothing() throws Exception {
        String id = register("/runs", registration(unique("plain"), null));
        String uri = "s3://" + TestObjectStore.BUCKET + "/runs/" + id + "/0000.csv.gz";
        store.putObject(uri, "\"timestamp\"\n1\n".getBytes(StandardCharsets.UTF_8));
        postJson("/runs/" + id + "/finish", "{\"data_source\":\"s3\",\"data_uris\":[\"" + uri + "\"]}", 200);
        JsonObject processing = awaitProcessing(id).getJsonObject("processing");
        assertEquals("failed", processing.getString("status"));
        assertTrue(processing.getString("error").contains("is not gzip-compressed"), processing::toString);

        // Python's default finish: data_source s3 and no URIs (nothing was uploaded).
        JsonObject empty = parse(postJson("/runs/" + id + "/finish", "{\"exit_code\":0,\"run_status\":\"finished\","
                + "\"data_source\":\"s3\",\"data_uris\":null}", 200));
        assertEquals("ok", empty.getJsonObject("processing").getString("status"));
        assertEquals(0, empty.getJsonObject("stats").getInt("samples"));
        assertEquals(JsonValue.NULL, empty.getJsonObject("stats").get("duration_seconds"));
    }

    // --- bad input ------------------------------------------------------------------------------------------------

    @Test
    void malformedCsvIsRefusedNamingTheLineAndColumnAndNothingIsStored() throws Exception {
        String id = register("/api/v1/runs", registration(unique("bad"), null));
        assertRefused(id, finishInline("\"timestamp\",\"process_cpu_usage\"\n1,0.5\n2,\"0.5\n"),
                "data_csv line 3, column 2 (process_cpu_usage)");
        assertRefused(id, finishInline("\"timestamp\",\"process_cpu_usage\"\n1,0.5\n2,0.5,7\n"),
                "data_csv line 3 has 3 cells; the header has 2");
        assertRefused(id, finishInline("\"timestamp\",\"process_cpu_usage\"\n1,0.5\n2,lots\n"),
                "data_csv line 3, column 2 (process_cpu_usage): \"lots\" is not a number");
        assertRefused(id, finishInline(""), "data_csv is empty");
        JsonObject result = json(get("/api/v1/runs/" + id), 200);
        assertEquals("running", result.getJsonObject("run").getString("run_status"), "the run stays open");
        assertEquals("pending", result.getJsonObject("processing").getString("status"));
        assertEquals(0, json(get("/api/v1/runs/" + id + "/samples"), 200).getJsonArray("samples").size());
        assertEquals(200, send(HttpRequest.newBuilder(uri("/api/v1/runs/" + id + "/refresh-credentials"))
                .POST(BodyPublishers.noBody())).statusCode(), "still open");
    }

    @Test
    void undecodableBodiesAreRefused() throws Exception {
        String id = register("/api/v1/runs", registration(unique("undecodable"), null));
        HttpResponse<String> notGzip = send(HttpRequest.newBuilder(uri("/api/v1/runs/" + id + "/finish"))
                .header("Content-Type", JSON).header("Content-Encoding", "gzip")
                .POST(BodyPublishers.ofString(finishInline("\"timestamp\"\n1\n"))));
        assertEquals(400, notGzip.statusCode(), notGzip::body);
        assertTrue(parse(notGzip.body()).getString("message").startsWith("the request body is not valid gzip"));
        HttpResponse<String> notBase64 = postRaw("/api/v1/runs/" + id + "/finish", "{\"data_source\":\"inline\","
                + "\"data_csv\":\"H4sI!!not base64!!\"}");
        assertEquals(400, notBase64.statusCode(), notBase64::body);
        assertTrue(parse(notBase64.body()).getJsonObject("errors").getString("data_csv").contains("not base64"));
        HttpResponse<String> cutGzip = postRaw("/api/v1/runs/" + id + "/finish", "{\"data_source\":\"inline\","
                + "\"data_csv\":\"H4sIAAAAAAAA\"}");
        assertEquals(400, cutGzip.statusCode(), cutGzip::body);
        assertTrue(parse(cutGzip.body()).getString("message").startsWith("data_csv is not valid gzip"),
                cutGzip::body);
        assertEquals(400, postRaw("/api/v1/runs/" + id + "/finish", "{not json").statusCode());
        HttpResponse<String> badFields = postRaw("/api/v1/runs/" + id + "/finish", "{\"exit_code\":\"zero\","
                + "\"run_status\":\"done\",\"data_source\":\"ftp\",\"finished_at\":\"yesterday\"}");
        assertEquals(400, badFields.statusCode());
        assertEquals(List.of("data_source", "exit_code", "finished_at", "run_status"),
                List.copyOf(parse(badFields.body()).getJsonObject("errors").keySet()));
        assertEquals("pending", json(get("/api/v1/runs/" + id), 200).getJsonObject("processing").getString("status"));
    }

    @Test
    void theLimitAppliesToTheDecodedSize() throws Exception {
        String id = register("/api/v1/runs", registration(unique("big"), null));
        // 3 MiB of CSV, gzipped to a few KiB on the wire: over the ITs' 2 MiB limit once decoded.
        var csv = new StringBuilder("\"timestamp\"\n");
        while (csv.length() < 3 << 20) {
            csv.append("1764000000\n");
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/runs/" + id + "/finish"))
                .header("Content-Type", JSON).header("Content-Encoding", "gzip")
                .POST(BodyPublishers.ofByteArray(TestObjectStore.gzip(finishInline(csv.toString())))));
        assertEquals(413, answer.statusCode(), answer::body);
        assertTrue(parse(answer.body()).getString("message").contains("MONITOR_SERVER_MAX_RUN_BYTES"));
    }

    @Test
    void urisOutsideTheRunsPrefixAreRefused() throws Exception {
        String id = register("/api/v1/runs", registration(unique("outside"), null));
        String other = register("/api/v1/runs", registration(unique("outside"), null));
        HttpResponse<String> answer = postRaw("/api/v1/runs/" + id + "/finish", "{\"data_source\":\"s3\","
                + "\"data_uris\":[\"s3://" + TestObjectStore.BUCKET + "/runs/" + other + "/0000.csv.gz\"]}");
        assertEquals(400, answer.statusCode(), answer::body);
        assertTrue(parse(answer.body()).getString("message").contains("is not an object under this run's upload "
                + "prefix"), answer::body);
        assertEquals(400, postRaw("/api/v1/runs/" + id + "/finish", "{\"data_source\":\"s3\","
                + "\"data_uris\":[\"https://example.com/x.csv.gz\"]}").statusCode());
        assertEquals("pending", json(get("/api/v1/runs/" + id), 200).getJsonObject("processing").getString("status"));
    }

    @Test
    void unknownRunsAre404() throws Exception {
        String missing = UUID.randomUUID().toString();
        assertEquals(404, postRaw("/api/v1/runs/" + missing + "/finish", finishInline("\"timestamp\"\n1\n")).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(uri("/runs/" + missing + "/refresh-credentials"))
                .POST(BodyPublishers.noBody())).statusCode());
        assertEquals(404, get("/api/v1/runs/" + missing).getStatus());
        assertEquals(404, get("/api/v1/runs/" + missing + "/samples").getStatus());
        assertEquals(400, postRaw("/api/v1/runs", "[1, 2]").statusCode(), "a registration is one object");
    }

    // --- queries ----------------------------------------------------------------------------------------------

    @Test
    void theListingFiltersAndPages() throws Exception {
        String project = unique("listing");
        String a = register("/api/v1/runs", "{\"project_name\":\"" + project + "\",\"job_name\":\"nightly\","
                + "\"stage_name\":\"train\",\"team\":\"ml\"}");
        String b = register("/api/v1/runs", "{\"project_name\":\"" + project + "\",\"job_name\":\"nightly\","
                + "\"stage_name\":\"eval\",\"team\":\"ml\"}");
        String c = register("/api/v1/runs", "{\"project_name\":\"" + project + "\",\"job_name\":\"weekly\","
                + "\"stage_name\":\"train\",\"team\":\"data\"}");
        String d = register("/api/v1/runs", "{\"project_name\":\"" + project + "\",\"job_name\":\"weekly\"}");
        postJson("/api/v1/runs/" + c + "/finish", "{\"exit_code\":1,\"data_csv\":\"\\\"timestamp\\\"\\n1\\n\"}", 200);
        assertEquals(List.of(d, c, b, a), ids("/api/v1/runs?project=" + project), "newest first, over two pages");
        assertEquals(List.of(b, a), ids("/api/v1/runs?project=" + project + "&job=nightly"));
        assertEquals(List.of(c, a), ids("/api/v1/runs?project=" + project + "&stage=train"));
        assertEquals(List.of(c), ids("/api/v1/runs?project=" + project + "&team=data"));
        assertEquals(List.of(c), ids("/api/v1/runs?project=" + project + "&status=failed"));
        assertEquals(List.of(d, b, a), ids("/api/v1/runs?project=" + project + "&status=running"));
        assertEquals(List.of(), ids("/api/v1/runs?project=" + project + "&start=" + (Instant.now().getEpochSecond()
                + 3600)));
        assertEquals(List.of(d, c, b, a), ids("/api/v1/runs?project=" + project + "&start=2026-01-01T00:00:00Z&end="
                + Instant.now().plusSeconds(60)));
        assertEquals(400, get("/api/v1/runs?status=done").getStatus());
        assertEquals(400, get("/api/v1/runs?start=soon").getStatus());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private List<String> ids(String path) {
        List<String> ids = new java.util.ArrayList<>();
        String next = path;
        while (next != null) {
            var response = get(next);
            if (response.getStatus() == 204) {
                break;
            }
            JsonObject page = json(response, 200);
            page.getJsonArray("runs").getValuesAs(JsonObject.class)
                    .forEach(row -> ids.add(row.getJsonObject("run").getString("run_id")));
            next = page.isNull("next_url") ? null : page.getString("next_url");
        }
        return ids;
    }

    private void assertRefused(String id, String body, String message) throws Exception {
        HttpResponse<String> answer = postRaw("/api/v1/runs/" + id + "/finish", body);
        assertEquals(400, answer.statusCode(), answer::body);
        String text = parse(answer.body()).getString("message");
        assertTrue(text.startsWith(message), () -> "message: " + text);
    }

    /** Polls run {@code id} until its processing is neither queued nor running (at most a minute). */
    private JsonObject awaitProcessing(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonObject result = json(get("/api/v1/runs/" + id), 200);
            String status = result.getJsonObject("processing").getString("status");
            if (!status.equals("queued") && !status.equals("running")) {
                return result;
            }
            assertFalse(System.nanoTime() > deadline, "run " + id + " still " + status + " after a minute");
            Thread.sleep(100);
        }
    }

    static String registration(String project, String hostname) {
        return "{\"project_name\":\"" + project + "\",\"job_name\":\"nightly\",\"tags\":{\"k\":\"v\"},"
                + "\"host_hostname\":" + (hostname == null ? "null" : "\"" + hostname + "\"") + "}";
    }

    static String finishInline(String csv) {
        return Json.createObjectBuilder().add("exit_code", 0).add("run_status", "finished")
                .add("data_source", "inline").add("data_csv", csv).build().toString();
    }

    private String register(String path, String body) throws Exception {
        HttpResponse<String> answer = postRaw(path, body);
        assertEquals(201, answer.statusCode(), answer::body);
        return parse(answer.body()).getString("run_id");
    }

    private String postJson(String path, String body, int status) throws Exception {
        HttpResponse<String> answer = postRaw(path, body);
        assertEquals(status, answer.statusCode(), answer::body);
        return answer.body();
    }

    private HttpResponse<String> postRaw(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", JSON)
                .POST(BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(root() + path);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static double number(JsonObject object, String key) {
        return object.getJsonNumber(key).doubleValue();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = RunsIT.class.getResourceAsStream("/sentinel/" + name)) {
            return in.readAllBytes();
        }
    }
}
