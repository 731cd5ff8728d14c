package org.monitorserver.client.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How the remote dialect talks to a server: its timeouts, how often and how long it retries a GET, and the API
 * key it sends (as {@code Authorization: Bearer <key>}), if any.
 *
 * @param connectTimeout longest wait for a connection
 * @param readTimeout longest wait for an answer's next bytes
 * @param maxAttempts tries of one GET, the first included (1: no retry)
 * @param initialBackoff wait before the first retry; it doubles at each further one
 * @param maxBackoff longest wait between tries without {@code Retry-After}
 * @param retryAfterCap longest wait that a {@code Retry-After} header may ask for
 * @param apiKey the key to send, or null
 */
public record RemoteOptions(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Duration retryAfterCap, String apiKey) {

    /** Checks that every duration is given and that there is at least one attempt. */
    public RemoteOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(retryAfterCap, "retryAfterCap");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    /** 5 s to connect, 30 s to read, 4 tries waiting 250 ms, 500 ms, 1 s (at most 4 s; Retry-After up to 10 s). */
    public static RemoteOptions defaults() {
        return new RemoteOptions(Duration.ofSeconds(5), Duration.ofSeconds(30), 4, Duration.ofMillis(250),
                Duration.ofSeconds(4), Duration.ofSeconds(10), null);
    }

    /** These options with {@code apiKey} (null or blank: none). */
    public RemoteOptions withApiKey(String apiKey) {
        String key = apiKey == null || apiKey.isBlank() ? null : apiKey;
        return new RemoteOptions(connectTimeout, readTimeout, maxAttempts, initialBackoff, maxBackoff, retryAfterCap,
                key);
    }

    /** These options with other timeouts. */
    public RemoteOptions withTimeouts(Duration connect, Duration read) {
        return new RemoteOptions(connect, read, maxAttempts, initialBackoff, maxBackoff, retryAfterCap, apiKey);
    }

    /** These options with another retry policy. */
    public RemoteOptions withRetries(int attempts, Duration initial, Duration max, Duration retryAfterLimit) {
        return new RemoteOptions(connectTimeout, readTimeout, attempts, initial, max, retryAfterLimit, apiKey);
    }
}
