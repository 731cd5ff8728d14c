package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Slow or stalled clients cannot hold the server (issue 13, point 5): a request whose body stops arriving is cut
 * off by the listener's read timeout, one whose headers never end by its request-parse timeout. The IT servers run
 * with {@code MONITOR_SERVER_READ_TIMEOUT_MS} and {@code MONITOR_SERVER_REQUEST_PARSE_TIMEOUT_MS} of 5 s (the
 * defaults are 30 s and 10 s), and the server answers others meanwhile.
 */
class SlowClientIT extends ApiTestSupport {

    /** The IT servers' timeouts (monitor-ear/pom.xml), and how long the test waits beyond them. */
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int SLACK_MILLIS = 5_000;

    @Test
    void aBodyThatStopsArrivingIsCutOff() throws IOException {
        String head = "POST /api/v1/metrics/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{\"session_h\": \"";
        assertCutOff(head);
    }

    @Test
    void headersThatNeverEndAreCutOff() throws IOException {
        assertCutOff("POST /api/v1/metrics/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty");
    }

    private void assertCutOff(String stalled) throws IOException {
        URI root = URI.create(root());
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS + SLACK_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(stalled.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long sent = System.nanoTime();
            // Others are served while this connection stalls.
            assertEquals(200, get("/api/v1/health").getStatus());
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[4096];
            try {
                while (in.read(answer) >= 0) {
                    // An error answer may come before the close; the close is what matters.
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the stalled connection was still open after "
                        + (TIMEOUT_MILLIS + SLACK_MILLIS) + " ms", e);
            } catch (IOException reset) {
                // Closed with a reset: cut off as well.
            }
            long millis = (System.nanoTime() - sent) / 1_000_000;
            assertTrue(millis >= TIMEOUT_MILLIS - 1_000, "cut off after " + millis + " ms, before the timeout");
            System.out.printf("SlowClientIT: a stalled request was cut off after %d ms%n", millis);
        }
    }
}
