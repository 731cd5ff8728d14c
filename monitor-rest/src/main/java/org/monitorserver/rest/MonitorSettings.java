package org.monitorserver.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.monitorserver.persistence.run.ObjectStore;
import org.monitorserver.persistence.run.ObjectStoreSettings;

/**
 * The application's settings, read once through MicroProfile Config: {@code monitor.server.x-y} is also read
 * from the environment as {@code MONITOR_SERVER_X_Y}. Defaults live here and in docs/configuration.md only.
 * Bad values stop the deployment with a message instead of failing requests later.
 */
@ApplicationScoped
public class MonitorSettings {

    private static final Logger LOG = Logger.getLogger(MonitorSettings.class.getName());

    /** Undertow's own limit on a request body (max-post-size in monitor-server.cli): ours must stay below. */
    static final long MAX_BULK_CEILING = 1L << 30;

    /** A chosen superadmin key this short cannot hold 128 random bits in base64. */
    static final int MIN_ADMIN_KEY_LENGTH = 22;

    /** Rows per page of every listing (the reference's MONITOR_SERVER_PAGINATION_COUNT). */
    int paginationCount;

    /** Largest accepted body of a single POST, in bytes; larger ones get 413. */
    long maxBodyBytes;

    /** Largest accepted body of a bulk POST, in bytes; larger ones get 413. */
    long maxBulkBytes;

    /** Largest accepted .pymon upload ({@code POST /api/v1/imports}), in bytes; larger ones get 413. */
    long maxImportBytes;

    /** Largest accepted run finish ({@code POST /runs/{id}/finish}), in bytes after gzip; larger ones get 413. */
    long maxRunBytes;

    /** The S3 bucket that run clients upload chunks to; no object store when unset. */
    Optional<String> runsS3Bucket;

    /** The bucket's AWS region, also handed to clients. */
    String runsS3Region;

    /** Another S3-compatible store's URL, for the server's own reads (path-style); AWS when unset. */
    Optional<String> runsS3Endpoint;

    /** The access key handed to clients and used by the server. */
    Optional<String> runsS3AccessKey;

    /** The secret key handed to clients and used by the server. */
    Optional<String> runsS3SecretKey;

    /** A session token to go with temporary keys; none when unset. */
    Optional<String> runsS3SessionToken;

    /** The key prefix under which each run gets its folder. */
    String runsS3Prefix;

    /** How long clients are told their upload credentials last, in seconds. */
    long runsCredentialsSeconds;

    /** The per-tenant rate limit, read from {@link #config} on every request ({@link #rateLimit()}). */
    static final String RATE_LIMIT = "monitor.server.rate-limit";
    static final String RATE_LIMIT_BURST = "monitor.server.rate-limit-burst";

    @Inject
    Config config;

    private final RateLimitSetting rateLimitSetting = new RateLimitSetting(System::nanoTime);

    /** The last bad rate limit logged, so that each bad value is logged once, not on every request. */
    private volatile String rateLimitRefused;

    @Inject
    ObjectStore objectStore;

    /**
     * {@code prod} (the default; also {@code production}) or {@code dev} ({@code devel}, {@code development}), in
     * any case: the reference's MONITOR_SERVER_ENV. Development shows the stack trace of a 500 to the client and logs
     * every request at FINE; production does neither.
     */
    String env;

    /** {@code off} (the default: every request acts for tenant default) or {@code on} (keys needed). */
    String auth;

    /** The superadmin's first key, taken at the first start; generated when unset. */
    Optional<String> adminKey;

    /** The data folder, where a generated first superadmin key is written ({@code admin-key}). */
    Optional<String> dataDir;

    /** The least change, in percent, that a comparison counts, unless a component or the request sets another. */
    double compareThreshold;

    /**
     * Reads the settings. Each is a system property of the server whose value is its environment variable's, empty
     * when that is unset (monitor-server.cli): MicroProfile Config treats an empty value as absent, so the default
     * here applies, which {@code @ConfigProperty(defaultValue = ...)} would refuse.
     */
    @PostConstruct
    void read() {
        paginationCount = config.getOptionalValue("monitor.server.pagination-count", Integer.class).orElse(500);
        maxBodyBytes = config.getOptionalValue("monitor.server.max-body-bytes", Long.class).orElse(1048576L);
        maxBulkBytes = config.getOptionalValue("monitor.server.max-bulk-bytes", Long.class).orElse(67108864L);
        maxImportBytes = config.getOptionalValue("monitor.server.max-import-bytes", Long.class).orElse(268435456L);
        maxRunBytes = config.getOptionalValue("monitor.server.max-run-bytes", Long.class).orElse(67108864L);
        runsS3Bucket = config.getOptionalValue("monitor.server.runs-s3-bucket", String.class);
        runsS3Region = config.getOptionalValue("monitor.server.runs-s3-region", String.class).orElse("us-east-1");
        runsS3Endpoint = config.getOptionalValue("monitor.server.runs-s3-endpoint", String.class);
        runsS3AccessKey = config.getOptionalValue("monitor.server.runs-s3-access-key", String.class);
        runsS3SecretKey = config.getOptionalValue("monitor.server.runs-s3-secret-key", String.class);
        runsS3SessionToken = config.getOptionalValue("monitor.server.runs-s3-session-token", String.class);
        runsS3Prefix = config.getOptionalValue("monitor.server.runs-s3-prefix", String.class).orElse("runs");
        runsCredentialsSeconds = config.getOptionalValue("monitor.server.runs-credentials-seconds", Long.class).orElse(3600L);
        env = config.getOptionalValue("monitor.server.env", String.class).orElse("prod");
        auth = config.getOptionalValue("monitor.server.auth", String.class).orElse("off");
        adminKey = config.getOptionalValue("monitor.server.admin-key", String.class);
        dataDir = config.getOptionalValue("monitor.server.data-dir", String.class);
        compareThreshold = config.getOptionalValue("monitor.server.compare-threshold", Double.class).orElse(10.0);
    }

    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        if (paginationCount < 1) {
            throw new IllegalStateException("MONITOR_SERVER_PAGINATION_COUNT must be at least 1, is " + paginationCount);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalStateException("MONITOR_SERVER_MAX_BODY_BYTES must be at least 1024, is " + maxBodyBytes);
        }
        if (maxBulkBytes < maxBodyBytes || maxBulkBytes > MAX_BULK_CEILING) {
            throw new IllegalStateException("MONITOR_SERVER_MAX_BULK_BYTES must be from MONITOR_SERVER_MAX_BODY_BYTES ("
                    + maxBodyBytes + ") to " + MAX_BULK_CEILING + ", is " + maxBulkBytes);
        }
        if (maxImportBytes < 1024 || maxImportBytes > MAX_BULK_CEILING) {
            throw new IllegalStateException("MONITOR_SERVER_MAX_IMPORT_BYTES must be from 1024 to " + MAX_BULK_CEILING
                    + ", is " + maxImportBytes);
        }
        if (environment(env).isEmpty()) {
            throw new IllegalStateException("MONITOR_SERVER_ENV must be prod, production, dev, devel or development"
                    + " (in any case), is " + env);
        }
        if (development()) {
            RequestLog.LOG.setLevel(Level.FINE);
        }
        if (!auth.equals("on") && !auth.equals("off")) {
            throw new IllegalStateException("MONITOR_SERVER_AUTH must be on or off, is " + auth);
        }
        if (adminKey.isPresent() && adminKey.get().strip().length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalStateException("MONITOR_SERVER_ADMIN_KEY must be at least " + MIN_ADMIN_KEY_LENGTH
                    + " characters of a random key (for example: openssl rand -base64 24)");
        }
        if (maxRunBytes < 1024 || maxRunBytes > MAX_BULK_CEILING) {
            throw new IllegalStateException("MONITOR_SERVER_MAX_RUN_BYTES must be from 1024 to " + MAX_BULK_CEILING
                    + ", is " + maxRunBytes);
        }
        if (!(compareThreshold >= 0 && compareThreshold <= 1000)) {
            throw new IllegalStateException("MONITOR_SERVER_COMPARE_THRESHOLD must be from 0 to 1000 (percent), is "
                    + compareThreshold);
        }
        try {
            readRateLimit();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        objectStore.configure(objectStoreSettings());
        LOG.info(() -> "Monitor Server settings: environment " + environment(env).orElseThrow() + ", authentication " + auth + ", pagination count " + paginationCount + ", max body " + maxBodyBytes
                + " bytes, max bulk body " + maxBulkBytes + " bytes, max import " + maxImportBytes + " bytes, rate limit "
                + rateLimitSetting.describe());
    }

    public int paginationCount() {
        return paginationCount;
    }

    /** The comparisons' threshold in percent ({@code MONITOR_SERVER_COMPARE_THRESHOLD}, default 10). */
    public double compareThreshold() {
        return compareThreshold;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Whether the server runs for development ({@code MONITOR_SERVER_ENV=dev}): 500s show their stack trace. */
    public boolean development() {
        return environment(env).filter("dev"::equals).isPresent();
    }

    /** {@code prod} or {@code dev} for the reference's spellings of MONITOR_SERVER_ENV; empty for anything else. */
    static Optional<String> environment(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "prod", "production" -> Optional.of("prod");
            case "dev", "devel", "development" -> Optional.of("dev");
            default -> Optional.empty();
        };
    }

    /** Whether every route but the public ones needs a key. */
    public boolean authenticationOn() {
        return auth.equals("on");
    }

    /** The superadmin's first key, if chosen by the operator. */
    public Optional<String> adminKey() {
        return adminKey.map(String::strip);
    }

    /** The data folder: {@code MONITOR_SERVER_DATA_DIR}, else {@code monitor-data} under the working folder. */
    public Path dataDir() {
        return dataDir.map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.dir"), "monitor-data"));
    }

    /**
     * The per-tenant token buckets of this process, when a rate limit is set. The settings are read on each call:
     * a system property changed at run time takes effect at once. A bad value then is logged and the limit in
     * force stays (at start-up it stops the deployment).
     */
    Optional<TokenBuckets> rateLimit() {
        try {
            return readRateLimit();
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals(rateLimitRefused)) {
                rateLimitRefused = e.getMessage();
                LOG.warning(() -> "Rate limit not changed, the new settings are not valid: " + e.getMessage());
            }
            return rateLimitSetting.current();
        }
    }

    private Optional<TokenBuckets> readRateLimit() {
        String rate = config.getOptionalValue(RATE_LIMIT, String.class).orElse("0").strip();
        Optional<String> burst = config.getOptionalValue(RATE_LIMIT_BURST, String.class).map(String::strip);
        try {
            return rateLimitSetting.apply(Double.parseDouble(rate), burst.map(Double::valueOf));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MONITOR_SERVER_RATE_LIMIT and MONITOR_SERVER_RATE_LIMIT_BURST must be"
                    + " numbers; are " + rate + " and " + burst.orElse(null));
        }
    }

    public long maxBulkBytes() {
        return maxBulkBytes;
    }

    public long maxImportBytes() {
        return maxImportBytes;
    }

    public long maxRunBytes() {
        return maxRunBytes;
    }

    /**
     * The object store of runs from the {@code MONITOR_SERVER_RUNS_S3_*} settings, or empty without a bucket.
     *
     * @throws IllegalStateException when a bucket is set without keys, or the endpoint is not an HTTP URL
     */
    Optional<ObjectStoreSettings> objectStoreSettings() {
        if (runsS3Bucket.isEmpty() || runsS3Bucket.get().isBlank()) {
            return Optional.empty();
        }
        if (runsS3AccessKey.isEmpty() || runsS3SecretKey.isEmpty()) {
            throw new IllegalStateException("MONITOR_SERVER_RUNS_S3_BUCKET needs MONITOR_SERVER_RUNS_S3_ACCESS_KEY and "
                    + "MONITOR_SERVER_RUNS_S3_SECRET_KEY");
        }
        if (runsCredentialsSeconds < 60) {
            throw new IllegalStateException("MONITOR_SERVER_RUNS_CREDENTIALS_SECONDS must be at least 60, is "
                    + runsCredentialsSeconds);
        }
        Optional<URI> endpoint = runsS3Endpoint.filter(e -> !e.isBlank()).map(e -> {
            try {
                URI uri = new URI(e.strip());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new URISyntaxException(e, "not an http or https URL");
                }
                return uri;
            } catch (URISyntaxException bad) {
                throw new IllegalStateException("MONITOR_SERVER_RUNS_S3_ENDPOINT is not an http(s) URL: " + e);
            }
        });
        return Optional.of(new ObjectStoreSettings(runsS3Bucket.get().strip(), runsS3Region.strip(), endpoint,
                runsS3AccessKey.get(), runsS3SecretKey.get(), runsS3SessionToken.orElse(""), runsS3Prefix,
                Duration.ofSeconds(runsCredentialsSeconds)));
    }
}
