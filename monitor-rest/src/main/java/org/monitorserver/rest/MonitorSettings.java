package org.monitorserver.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    @Inject
    @ConfigProperty(name = "monitor.server.pagination-count", defaultValue = "500")
    int paginationCount;

    /** Largest accepted body of a single POST, in bytes; larger ones get 413. */
    @Inject
    @ConfigProperty(name = "monitor.server.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    /** Largest accepted body of a bulk POST, in bytes; larger ones get 413. */
    @Inject
    @ConfigProperty(name = "monitor.server.max-bulk-bytes", defaultValue = "67108864")
    long maxBulkBytes;

    /** Largest accepted .pymon upload ({@code POST /api/v1/imports}), in bytes; larger ones get 413. */
    @Inject
    @ConfigProperty(name = "monitor.server.max-import-bytes", defaultValue = "268435456")
    long maxImportBytes;

    /** {@code off} (the default: every request acts for tenant default) or {@code on} (keys needed). */
    @Inject
    @ConfigProperty(name = "monitor.server.auth", defaultValue = "off")
    String auth;

    /** The superadmin's first key, taken at the first start; generated when unset. */
    @Inject
    @ConfigProperty(name = "monitor.server.admin-key")
    Optional<String> adminKey;

    /** The data folder, where a generated first superadmin key is written ({@code admin-key}). */
    @Inject
    @ConfigProperty(name = "monitor.server.data-dir")
    Optional<String> dataDir;

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
        if (!auth.equals("on") && !auth.equals("off")) {
            throw new IllegalStateException("MONITOR_SERVER_AUTH must be on or off, is " + auth);
        }
        if (adminKey.isPresent() && adminKey.get().strip().length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalStateException("MONITOR_SERVER_ADMIN_KEY must be at least " + MIN_ADMIN_KEY_LENGTH
                    + " characters of a random key (for example: openssl rand -base64 24)");
        }
        LOG.info(() -> "Monitor Server settings: authentication " + auth + ", pagination count " + paginationCount + ", max body " + maxBodyBytes
                + " bytes, max bulk body " + maxBulkBytes + " bytes, max import " + maxImportBytes + " bytes");
    }

    public int paginationCount() {
        return paginationCount;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
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

    public long maxBulkBytes() {
        return maxBulkBytes;
    }

    public long maxImportBytes() {
        return maxImportBytes;
    }
}
