package org.monitorserver.bench;

import java.nio.charset.StandardCharsets;

/**
 * What the load generator keeps of a response: the status, whether the connection must be closed after it, the
 * body's length and, only when asked for (checks, error messages), the body itself.
 */
record HttpResponse(int status, boolean closeConnection, long bodyLength, byte[] body) {

    String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
