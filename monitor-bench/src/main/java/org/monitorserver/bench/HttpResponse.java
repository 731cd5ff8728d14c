package org.monitorserver.bench;

import java.nio.charset.StandardCharsets;

/**
 * What the load generator keeps of a response: the status, whether the connection must be closed after it, the
 * body's length and, only when asked for (checks, error messages), the body itself.
 */
record HttpResponse(int status, boolean closeConnection, long bodyLength, byte[] body) {

    /** 200, 201 and 204: every answer a working route gives to the benchmark's requests. */
    boolean ok() {
        return status == 200 || status == 201 || status == 204;
    }

    String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
