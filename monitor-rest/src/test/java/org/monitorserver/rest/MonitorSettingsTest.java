package org.monitorserver.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.monitorserver.persistence.run.ObjectStoreSettings;

/** The run object store's settings: none without a bucket, keys required with one, a checked endpoint. */
class MonitorSettingsTest {

    private static MonitorSettings settings(String bucket, String endpoint, String access, String secret) {
        var settings = new MonitorSettings();
        settings.runsS3Bucket = Optional.ofNullable(bucket);
        settings.runsS3Endpoint = Optional.ofNullable(endpoint);
        settings.runsS3AccessKey = Optional.ofNullable(access);
        settings.runsS3SecretKey = Optional.ofNullable(secret);
        settings.runsS3SessionToken = Optional.empty();
        settings.runsS3Region = "eu-west-1";
        settings.runsS3Prefix = "/runs/";
        settings.runsCredentialsSeconds = 3600;
        return settings;
    }

    @Test
    void noBucketNoStore() {
        assertTrue(settings(null, null, null, null).objectStoreSettings().isEmpty());
        assertTrue(settings(" ", null, null, null).objectStoreSettings().isEmpty());
    }

    @Test
    void aBucketWithKeys() {
        ObjectStoreSettings store = settings("my-runs", "http://127.0.0.1:9000", "AK", "SK").objectStoreSettings()
                .orElseThrow();
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), store.endpoint());
        assertEquals("s3://my-runs/runs/abc", store.runPrefix("abc"), "slashes of the prefix trimmed");
        assertEquals(Duration.ofHours(1), store.credentialsLifetime());
        assertEquals("", store.sessionToken());
    }

    @Test
    void aBucketWithoutKeysOrWithABadEndpointStopsTheDeployment() {
        assertTrue(assertThrows(IllegalStateException.class,
                () -> settings("my-runs", null, "AK", null).objectStoreSettings()).getMessage()
                .contains("MONITOR_SERVER_RUNS_S3_SECRET_KEY"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> settings("my-runs", "ftp://x", "AK", "SK").objectStoreSettings()).getMessage()
                .contains("MONITOR_SERVER_RUNS_S3_ENDPOINT"));
    }
}
