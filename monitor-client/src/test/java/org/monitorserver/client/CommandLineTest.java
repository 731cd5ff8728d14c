package org.monitorserver.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.monitorserver.client.StubServer.Answer.json;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monitorserver.client.cli.CommandLine;

/** The command line on a {@code .pymon} and against a stub server: output formats, imports, exit codes. */
class CommandLineTest {

    @TempDir
    Path folder;

    private Path file;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeFile() throws Exception {
        file = ExampleData.write(folder.resolve("example.pymon"));
    }

    @Test
    void countsOnAFile() {
        assertEquals(0, run("count", "metrics", "--file", file.toString()));
        assertEquals("9\n", out());
        out.reset();
        assertEquals(0, run("count", "metrics", "--session", ExampleData.S1, "--file", file.toString(), "--json"));
        assertEquals("{\"count\":5}\n", out());
        out.reset();
        assertEquals(0, run("count", "components", "--file=" + file, "--csv"));
        assertEquals("components\n2\n", out());
    }

    @Test
    void ranksAsAnAlignedTableCsvOrJson() {
        assertEquals(0, run("top", "memory", "-n", "2", "--file", file.toString(), "--keep", "item_variant,mem_usage"));
        assertEquals("""
                item_variant        mem_usage
                test_put_blob[1MB]  212.6
                test_put_blob[1MB]  205.3
                """, out());
        out.reset();
        assertEquals(0, run("top", "cpu", "--tail", "-n", "1", "--component", "api", "--file", file.toString(),
                "--csv", "--keep", "item_variant,cpu_usage"));
        assertEquals("item_variant,cpu_usage\n,0.66\n", out());
        out.reset();
        assertEquals(0, run("top", "kernel_time", "--pipeline", "main", "--build", "412", "-n", "1", "--json",
                "--keep", "item_variant,kernel_time", "--file", file.toString()));
        assertEquals("[{\"item_variant\":\"test_put_blob[1MB]\",\"kernel_time\":0.35}]\n", out());
    }

    @Test
    void listsSessionsAndMetricsWithFilters() {
        assertEquals(0, run("sessions", "--tag", "python", "--file", file.toString(), "--csv", "--keep", "h"));
        assertEquals("h\n" + ExampleData.S3 + "\n", out());
        out.reset();
        assertEquals(0, run("sessions", "--pipeline", "main", "--build", "413", "--file", file.toString(), "--csv",
                "--drop", "tags"));
        assertEquals("h,scm,run_date\n" + ExampleData.S2 + ",9e1c2f0a4d,2026-11-21T14:02:40\n", out());
        out.reset();
        assertEquals(0, run("metrics", "--component", "", "--variant", "test_parse_size[10%]", "--csv", "--keep",
                "mem_usage", "--file", file.toString()));
        assertEquals("mem_usage\n36.1\n", out());
        out.reset();
        assertEquals(0, run("metrics", "--pipeline", "release-2.1", "--csv", "--keep", "mem_usage", "--file",
                file.toString()));
        assertEquals("mem_usage\n205.3\n35.8\n", out());
    }

    @Test
    void exitCodesSayWhatWentWrong() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate", "--file", file.toString()));
        assertEquals(2, run("count", "metrics"), "no source");
        assertEquals(2, run("count", "metrics", "--file", file.toString(), "--server", "http://x"));
        assertEquals(2, run("top", "disk", "--file", file.toString()));
        assertEquals(2, run("top", "memory", "-n", "0", "--file", file.toString()));
        assertEquals(2, run("metrics", "--session", "a", "--item", "b", "--file", file.toString()));
        assertEquals(2, run("count", "metrics", "--bogus", "--file", file.toString()));
        assertEquals(3, run("count", "metrics", "--file", folder.resolve("missing.pymon").toString()));
        assertEquals(3, run("sessions", "--session", "nope", "--file", file.toString()));
        assertEquals(0, run("--help"));
        assertTrue(out().contains("Exit codes"));
        assertEquals(0, run("top", "--help"));
        assertTrue(out().contains("usage: top RESOURCE"));
    }

    @Test
    void serverFailuresMapToTheirExitCodes() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.on("/api/v1/metrics/count", json(200, "{\"count\":42}"));
            stub.on("/api/v1/sessions/count", json(500, "{\"message\":\"boom\"}"));
            stub.on("/api/v1/resources/memory/head/10/metrics", json(404, "{\"message\":\"no such page\"}"));
            stub.on("/api/v1/contexts/count", json(401, "{\"message\":\"authentication required\"}"));
            assertEquals(0, run("count", "metrics", "--server", stub.root().toString(), "--key", "k"));
            assertEquals("42\n", out());
            assertEquals(1, run("count", "sessions", "--server", stub.api().toString()));
            assertEquals(3, run("top", "memory", "--server", stub.api().toString()));
            assertEquals(5, run("count", "contexts", "--server", stub.api().toString()));
            assertEquals(java.util.List.of("Bearer k"), stub.requests().get(0).headers().get("Authorization"));
        }
        assertEquals(4, run("count", "metrics", "--server", "http://127.0.0.1:1"));
    }

    @Test
    void importsAFileAndFollowsTheJob() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.on("/api/v1/imports", new StubServer.Answer(202, "{\"id\":7,\"state\":\"queued\",\"rows_read\":0,"
                    + "\"rows_stored\":0,\"rows_skipped\":0}", Map.of("Location", "/api/v1/imports/7"),
                    StubServer.Behaviour.ANSWER));
            stub.on("/api/v1/imports/7",
                    json(200, "{\"id\":7,\"state\":\"running\",\"rows_read\":5,\"rows_stored\":4,\"rows_skipped\":1}"),
                    json(503, "{\"message\":\"restarting\"}"),
                    json(200, "{\"id\":7,\"state\":\"done\",\"rows_read\":9,\"rows_stored\":8,\"rows_skipped\":1}"));
            assertEquals(0, run("import", file.toString(), "--server", stub.root().toString(), "--poll-ms", "10"));
            assertTrue(out().contains("state running: read 5, stored 4, skipped 1"), out());
            assertTrue(out().contains("state done: read 9, stored 8, skipped 1"), out());
            StubServer.Request upload = stub.requests().get(0);
            assertEquals("POST", upload.method());
            assertEquals("application/vnd.sqlite3", upload.headers().get("Content-type").get(0));
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), upload.body()), "the file is the body");
        }
    }

    @Test
    void aFailedOrRefusedImportExitsNonZero() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.on("/api/v1/imports", json(202, "{\"id\":8,\"state\":\"queued\"}"));
            stub.on("/api/v1/imports/8", json(200, "{\"id\":8,\"state\":\"failed\",\"rows_read\":0,\"rows_stored\":0,"
                    + "\"rows_skipped\":0,\"error\":\"not a pytest-monitor database: no table TEST_METRICS\"}"));
            assertEquals(1, run("import", file.toString(), "--server", stub.api().toString(), "--poll-ms", "10"));
            assertTrue(err().contains("no table TEST_METRICS"), err());
        }
        try (StubServer stub = new StubServer()) {
            stub.on("/api/v1/imports", json(413, "{\"message\":\"the upload is larger than 256 MiB\"}"));
            assertEquals(1, run("import", file.toString(), "--server", stub.api().toString()));
            assertTrue(err().contains("larger"), err());
            assertEquals(1, stub.requests().size());
        }
        assertEquals(2, run("import", "--server", "http://127.0.0.1:1"));
        assertEquals(3, run("import", folder.resolve("none.pymon").toString(), "--server", "http://127.0.0.1:1"));
    }

    private int run(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(o, e, Map.of()).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
