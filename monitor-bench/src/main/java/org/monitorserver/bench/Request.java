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

    @Override
    public String toString() {
        return method + " " + path;
    }
}
