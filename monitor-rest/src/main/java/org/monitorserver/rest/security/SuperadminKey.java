package org.monitorserver.rest.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;
import org.monitorserver.persistence.tenant.ApiKeys;
import org.monitorserver.rest.MonitorSettings;

/**
 * Gives the superadmin their first key at the first start (of any server on the database): the operator's
 * {@code MONITOR_SERVER_ADMIN_KEY}, or a generated key written to {@code admin-key} (mode 0600) in the data
 * folder. The log says which and where, never the key. Later starts change nothing: keys are then managed through
 * the admin routes (a revoked first key stays revoked).
 */
@ApplicationScoped
public class SuperadminKey {

    private static final Logger LOG = Logger.getLogger(SuperadminKey.class.getName());

    /** The file's name in the data folder. */
    public static final String FILE_NAME = "admin-key";

    @EJB
    ApiKeys keys;

    @Inject
    MonitorSettings settings;

    void issueAtFirstStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        Path file = settings.dataDir().resolve(FILE_NAME);
        var issued = keys.issueFirstSuperadminKey(settings.adminKey().orElse(null), key -> write(file, key));
        issued.ifPresent(key -> LOG.info(() -> settings.adminKey().isPresent()
                ? "The superadmin (user admin of tenant superadmin) has key " + key.record().getId()
                        + ", taken from MONITOR_SERVER_ADMIN_KEY"
                : "The superadmin (user admin of tenant superadmin) has key " + key.record().getId()
                        + ", generated and written to " + file.toAbsolutePath() + " (readable by this user only)"));
    }

    /** Writes {@code key} to a new {@code file} readable by this OS user only, replacing any older one. */
    static void write(Path file, String key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(key);
            out.write('\n');
        }
    }
}
