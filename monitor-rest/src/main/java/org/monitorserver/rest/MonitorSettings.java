package org.monitorserver.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
        LOG.info(() -> "Monitor Server settings: pagination count " + paginationCount + ", max body " + maxBodyBytes
                + " bytes, max bulk body " + maxBulkBytes + " bytes, max import " + maxImportBytes + " bytes");
    }

    public int paginationCount() {
        return paginationCount;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public long maxBulkBytes() {
        return maxBulkBytes;
    }

    public long maxImportBytes() {
        return maxImportBytes;
    }
}
