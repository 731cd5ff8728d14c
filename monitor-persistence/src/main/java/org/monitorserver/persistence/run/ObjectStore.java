package org.monitorserver.persistence.run;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import org.monitorserver.persistence.UtcClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The S3 bucket that clients upload runs' chunks to, as this server is configured (or none): the per-run prefix
 * and credentials that registrations hand out, the check that a finish's URIs lie under its run's prefix, and
 * the reading of the chunks. The client is the AWS SDK's, with its lightest HTTP client (the JDK's
 * {@code HttpURLConnection}): chunks are read one at a time. Configured once at deployment by the REST layer,
 * which holds the settings ({@link #configure}); until then runners wait ({@link #isConfigured}).
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class.getName());

    private volatile Optional<ObjectStoreSettings> settings;
    private volatile S3Client client;

    /** The credentials a client uploads with, and until when it is told they last. */
    public record UploadCredentials(String accessKey, String secretKey, String sessionToken, String region,
            LocalDateTime expiresAt) {

        /** No object store: every field empty, as the clients need strings. */
        public static final UploadCredentials NONE = new UploadCredentials("", "", "", "", null);
    }

    /** Sets the store ({@code empty} for none), once, at deployment. */
    public synchronized void configure(Optional<ObjectStoreSettings> store) {
        if (client != null) {
            client.close();
            client = null;
        }
        store.ifPresent(s -> {
            var builder = S3Client.builder().region(Region.of(s.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(credentials(s)))
                    .httpClientBuilder(UrlConnectionHttpClient.builder());
            s.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
            client = builder.build();
            LOG.info(() -> "Run uploads go to s3://" + s.bucket() + "/" + s.prefix() + " in " + s.region()
                    + s.endpoint().map(e -> " through " + e).orElse(""));
        });
        settings = store;
    }

    /** Whether {@link #configure} was called (with a store or without). */
    public boolean isConfigured() {
        return settings != null;
    }

    /** Whether an object store is configured. */
    public boolean isPresent() {
        return settings != null && settings.isPresent();
    }

    /** The upload prefix of run {@code runKey}: {@code s3://bucket/prefix/runKey}, or empty without a store. */
    public String runPrefix(String runKey) {
        return isPresent() ? settings.get().runPrefix(runKey) : "";
    }

    /** The credentials to hand a client now. */
    public UploadCredentials uploadCredentials() {
        if (!isPresent()) {
            return UploadCredentials.NONE;
        }
        ObjectStoreSettings s = settings.get();
        return new UploadCredentials(s.accessKey(), s.secretKey(), s.sessionToken(), s.region(),
                UtcClock.now().plus(s.credentialsLifetime()).withNano(0));
    }

    /**
     * The chunks at {@code uris}, for reading in order: each is fetched, gunzipped and decoded as UTF-8 when it is
     * opened.
     *
     * @throws ChunkUnavailableException when no store is configured
     */
    public SampleChunks chunks(List<String> uris) {
        S3Client s3 = client;
        if (s3 == null) {
            throw new ChunkUnavailableException("this server has no object store configured "
                    + "(MONITOR_SERVER_RUNS_S3_BUCKET), so it cannot read " + uris.size() + " chunks");
        }
        String bucket = settings.get().bucket();
        return new SampleChunks() {
            @Override
            public int count() {
                return uris.size();
            }

            @Override
            public String source(int index) {
                return "chunk " + (index + 1) + " (" + uris.get(index) + ")";
            }

            @Override
            public Reader open(int index) throws IOException {
                String uri = uris.get(index);
                String key = uri.substring(("s3://" + bucket + "/").length());
                InputStream object;
                try {
                    object = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
                } catch (NoSuchKeyException e) {
                    throw new ChunkUnavailableException(source(index) + " is missing from the object store");
                } catch (SdkException e) {
                    throw new ChunkUnavailableException("could not read " + source(index) + ": " + e.getMessage());
                }
                try {
                    return new InputStreamReader(new GZIPInputStream(object, 64 * 1024), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    object.close();
                    throw new ChunkUnavailableException(source(index) + " is not gzip-compressed: " + e.getMessage());
                }
            }
        };
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private static AwsCredentials credentials(ObjectStoreSettings s) {
        return s.sessionToken().isEmpty() ? AwsBasicCredentials.create(s.accessKey(), s.secretKey())
                : AwsSessionCredentials.create(s.accessKey(), s.secretKey(), s.sessionToken());
    }
}
