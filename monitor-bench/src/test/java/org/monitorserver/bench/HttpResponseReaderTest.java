package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Responses as Undertow and other servers send them, one after the other on a keep-alive connection. */
class HttpResponseReaderTest {

    private static HttpResponseReader reader(String wire) {
        return new HttpResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    /** A stream that hands out one byte per read, so that every line and chunk straddles a buffer refill. */
    private static HttpResponseReader tricklingReader(String wire) {
        var bytes = new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8));
        return new HttpResponseReader(new InputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, Math.min(len, 1));
            }
        });
    }

    @Test
    void contentLengthBodiesFollowEachOther() throws IOException {
        var reader = reader("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                + "{\"count\":9}"
                + "HTTP/1.1 201 Created\r\ncontent-length: 2\r\n\r\n{}");
        HttpResponse first = reader.read(true);
        assertEquals(200, first.status());
        assertEquals("{\"count\":9}", first.bodyText());
        assertFalse(first.closeConnection());
        HttpResponse second = reader.read(true);
        assertEquals(201, second.status());
        assertEquals("{}", second.bodyText());
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailers() throws IOException {
        var reader = tricklingReader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n"
                + "7;name=value\r\n, world\r\n"
                + "A\r\n0123456789\r\n"
                + "0\r\nX-Trailer: yes\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n");
        HttpResponse response = reader.read(true);
        assertEquals(200, response.status());
        assertEquals("hello, world0123456789", response.bodyText());
        assertEquals(22, response.bodyLength());
        assertEquals(204, reader.read(true).status(), "the next response starts right after the trailers");
    }

    @Test
    void skippedBodiesStillCountAndKeepTheStreamInStep() throws IOException {
        var reader = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nwxyz"
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}");
        HttpResponse chunked = reader.read(false);
        assertNull(chunked.body());
        assertEquals(3, chunked.bodyLength());
        assertEquals(4, reader.read(false).bodyLength());
        assertEquals(404, reader.read(false).status());
    }

    @Test
    void noContentHasNoBodyEvenWithoutLength() throws IOException {
        var reader = reader("HTTP/1.1 204 No Content\r\nDate: today\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        HttpResponse empty = reader.read(true);
        assertEquals(204, empty.status());
        assertEquals(0, empty.bodyLength());
        assertEquals(200, reader.read(true).status());
    }

    @Test
    void connectionCloseIsReported() throws IOException {
        HttpResponse response = reader("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n"
                + "Content-Length: 0\r\n\r\n").read(false);
        assertEquals(503, response.status());
        assertTrue(response.closeConnection());
    }

    @Test
    void bodyWithoutLengthRunsToTheEndAndClosesTheConnection() throws IOException {
        HttpResponse response = reader("HTTP/1.1 400 Bad Request\r\n\r\n<html>bad</html>").read(true);
        assertEquals(400, response.status());
        assertEquals("<html>bad</html>", response.bodyText());
        assertTrue(response.closeConnection());
    }

    @Test
    void interimResponsesAreSkipped() throws IOException {
        HttpResponse response = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
                .read(true);
        assertEquals(201, response.status());
    }

    @Test
    void bareLineFeedsAreAccepted() throws IOException {
        HttpResponse response = reader("HTTP/1.1 200 OK\nContent-Length: 2\n\n{}").read(true);
        assertEquals("{}", response.bodyText());
    }

    @Test
    void truncatedBodiesAndLostConnectionsAreErrors() {
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}").read(true));
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")
                .read(false));
        assertThrows(EOFException.class, () -> reader("").read(false));
    }

    @Test
    void malformedAnswersAreErrors() {
        assertThrows(IOException.class, () -> reader("SSH-2.0-OpenSSH\r\n\r\n").read(false));
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\n").read(false));
    }
}
