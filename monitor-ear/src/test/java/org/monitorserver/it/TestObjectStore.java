package org.monitorserver.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The run tests' object store: the S3Proxy process that Maven starts before the integration tests (an S3-compatible
 * server, no mock), reached with the AWS SDK as a run's client would reach AWS. Its endpoint, bucket and keys are
 * the ones the IT servers are configured with ({@code it.s3.*}).
 */
final class TestObjectStore implements AutoCloseable {

    static final String BUCKET = System.getProperty("it.s3.bucket", "bucket");
    private static final URI ENDPOINT = URI.create(System.getProperty("it.s3.endpoint", "http://127.0.0.1:18380"));

    private final S3Client s3;

    /** A client of the store, once its port answers (it starts with the integration-test phase) and the bucket is there. */
    TestObjectStore() {
        awaitPort(Duration.ofSeconds(60));
        s3 = S3Client.builder().endpointOverride(ENDPOINT).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getProperty("it.s3.access-key"), System.getProperty("it.s3.secret-key"))))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        try {
            s3.createBucket(b -> b.bucket(BUCKET));
        } catch (BucketAlreadyOwnedByYouException e) {
            // made by an earlier test
        }
    }

    /** Uploads {@code csv} gzipped to {@code uri} ({@code s3://bucket/key}), as the clients upload a chunk. */
    void putChunk(String uri, String csv) {
        putObject(uri, gzip(csv));
    }

    /** Uploads {@code bytes} as they are to {@code uri}. */
    void putObject(String uri, byte[] bytes) {
        String key = uri.substring(("s3://" + BUCKET + "/").length());
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    static byte[] gzip(String text) {
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void awaitPort(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(ENDPOINT.getHost(), ENDPOINT.getPort()), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the test object store at " + ENDPOINT + " does not answer "
                            + "(monitor-ear/target/s3proxy/s3proxy.log)", e);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
