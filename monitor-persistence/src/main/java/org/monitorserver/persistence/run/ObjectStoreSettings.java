package org.monitorserver.persistence.run;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where clients upload a run's chunks, and how this server reads them: an S3 bucket in {@code region}, an
 * optional endpoint for S3-compatible stores (path-style addressing there), the credentials handed to clients and
 * used by the server, the key prefix under which each run gets its folder, and how long clients are told the
 * credentials last.
 */
public record ObjectStoreSettings(String bucket, String region, Optional<URI> endpoint, String accessKey,
        String secretKey, String sessionToken, String prefix, Duration credentialsLifetime) {

    public ObjectStoreSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        sessionToken = sessionToken == null ? "" : sessionToken;
        prefix = trimSlashes(prefix == null ? "" : prefix);
        Objects.requireNonNull(credentialsLifetime, "credentialsLifetime");
    }

    /** {@code s3://bucket/prefix} of the run {@code runKey}, without a trailing slash. */
    public String runPrefix(String runKey) {
        return "s3://" + bucket + "/" + (prefix.isEmpty() ? "" : prefix + "/") + runKey;
    }

    private static String trimSlashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '/') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(start, end);
    }
}
