package org.monitorserver.bench;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request, encoded once up front so that the load generator only writes bytes. {@code path} is
 * already percent-encoded.
 */
record Request(String method, String path, byte[] bytes) {

    static Request get(String host, String path) {
        String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n";
        return new Request("GET", path, head.getBytes(StandardCharsets.US_ASCII));
    }

    static Request postJson(String host, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        System.arraycopy(body, 0, bytes, headBytes.length, body.length);
        return new Request("POST", path, bytes);
    }

    /**
     * This request with one more header line, right after the request line (the head stays ASCII: a key is, and a
     * header value with a line break would be a second header, so it is refused).
     */
    Request withHeader(String name, String value) {
        if ((name + value).chars().anyMatch(c -> c == '\r' || c == '\n' || c > 0x7e)) {
            throw new IllegalArgumentException("a header of printable ASCII only: " + name);
        }
        byte[] line = (name + ": " + value + "\r\n").getBytes(StandardCharsets.US_ASCII);
        int afterRequestLine = indexOfLineEnd(bytes) + 2;
        byte[] out = new byte[bytes.length + line.length];
        System.arraycopy(bytes, 0, out, 0, afterRequestLine);
        System.arraycopy(line, 0, out, afterRequestLine, line.length);
        System.arraycopy(bytes, afterRequestLine, out, afterRequestLine + line.length, bytes.length - afterRequestLine);
        return new Request(method, path, out);
    }

    private static int indexOfLineEnd(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a request without a request line");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
