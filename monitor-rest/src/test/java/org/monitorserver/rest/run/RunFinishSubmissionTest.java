package org.monitorserver.rest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.monitorserver.domain.run.Run;
import org.monitorserver.rest.BodyTooLargeException;
import org.monitorserver.rest.InvalidRequestException;

class RunFinishSubmissionTest {

    private static final long LIMIT = 4096;

    private static RunFinishSubmission read(String body) throws IOException {
        return read(body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static RunFinishSubmission read(byte[] body, String encoding) throws IOException {
        return RunFinishSubmission.read(new ByteArrayInputStream(body), encoding, null, LIMIT);
    }

    private static byte[] gzip(String text) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void pythonInlineFinishGzippedAsAWhole() throws IOException {
        var finish = read(gzip("{\"exit_code\": 0, \"run_status\": \"finished\", \"data_source\": \"inline\", "
                + "\"data_csv\": \"\\\"timestamp\\\"\\n1\\n\"}"), "gzip");
        assertTrue(finish.inline());
        assertEquals("\"timestamp\"\n1\n", finish.csv());
        assertEquals(Run.Status.FINISHED, finish.finish().outcome());
        assertEquals(0, finish.finish().exitCode());
        assertNull(finish.finish().finishedAt());
    }

    @Test
    void base64OfGzipInsideDataCsv() throws IOException {
        String data = Base64.getEncoder().encodeToString(gzip("\"timestamp\"\n1\n"));
        assertTrue(data.startsWith("H4sI"));
        assertEquals("\"timestamp\"\n1\n", read("{\"data_source\":\"inline\",\"data_csv\":\"" + data + "\"}").csv());
    }

    @Test
    void rustFinishWithFinishedAtAndDefaultsFromTheData() throws IOException {
        var finish = read("{\"exit_code\":2,\"data_csv\":\"x\",\"finished_at\":\"2026-01-02T03:04:05.5+01:00\"}");
        assertTrue(finish.inline(), "data_csv given: inline");
        assertEquals(Run.Status.FAILED, finish.finish().outcome(), "exit code 2 without status: failed");
        assertEquals(LocalDateTime.of(2026, 1, 2, 2, 4, 5, 500_000_000), finish.finish().finishedAt());
        var store = read("{\"data_uris\":[\"s3://b/runs/1/0000.csv.gz\"],\"finished_at\":1764000000.25}");
        assertTrue(!store.inline());
        assertEquals(List.of("s3://b/runs/1/0000.csv.gz"), store.finish().uris());
        assertEquals(Run.Status.FINISHED, store.finish().outcome(), "no exit code: finished");
        assertEquals(LocalDateTime.of(2025, 11, 24, 16, 0, 0, 250_000_000), store.finish().finishedAt());
    }

    @Test
    void fieldsOfTheWrongKindAreNamed() {
        var e = assertThrows(InvalidRequestException.class, () -> read("{\"exit_code\":1.5,\"run_status\":\"ok\","
                + "\"data_source\":\"ftp\",\"finished_at\":\"soon\"}"));
        assertEquals(List.of("data_source", "exit_code", "finished_at", "run_status"), List.copyOf(e.errors().keySet()));
        var uris = assertThrows(InvalidRequestException.class, () -> read("{\"data_source\":\"s3\",\"data_uris\":[1]}"));
        assertEquals("must be a list of s3:// URIs", uris.errors().get("data_uris"));
        var missing = assertThrows(InvalidRequestException.class, () -> read("{\"data_source\":\"inline\"}"));
        assertEquals("is required with data_source inline", missing.errors().get("data_csv"));
    }

    @Test
    void undecodableBodiesAre400() {
        assertTrue(assertThrows(InvalidRequestException.class, () -> read("{}".getBytes(StandardCharsets.UTF_8),
                "gzip")).getMessage().startsWith("the request body is not valid gzip"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> read("{\"data_csv\":\"H4sI%%%\"}"))
                .errors().get("data_csv").contains("not base64"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> read("{\"data_csv\":\"H4sIAAAA\"}"))
                .getMessage().startsWith("data_csv is not valid gzip"));
        assertThrows(InvalidRequestException.class, () -> read(""));
        assertThrows(InvalidRequestException.class, () -> read("[]"));
    }

    @Test
    void theLimitHoldsAfterEachDecoding() throws IOException {
        String big = "\"timestamp\"\\n" + "1\\n".repeat(3000);
        byte[] wire = gzip("{\"data_csv\":\"" + big + "\"}");
        assertTrue(wire.length < LIMIT);
        assertThrows(BodyTooLargeException.class, () -> read(wire, "gzip"), "the decoded body");
        String csv = "\"timestamp\"\n" + "1\n".repeat(3000);
        String data = Base64.getEncoder().encodeToString(gzip(csv));
        assertTrue(data.length() < LIMIT);
        assertThrows(BodyTooLargeException.class, () -> read("{\"data_csv\":\"" + data + "\"}"), "the decoded CSV");
        assertThrows(BodyTooLargeException.class, () -> RunFinishSubmission.read(new ByteArrayInputStream(new byte[0]),
                null, Long.toString(LIMIT + 1), LIMIT), "a declared length over the limit");
    }
}
