package org.monitorserver.rest.imports;

import java.time.LocalDateTime;
import java.util.Locale;
import org.monitorserver.api.ImportJson;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.imports.ImportJob;

/** Turns an {@link ImportJob} into its wire record: states in lower case, times in ISO 8601 UTC. */
final class ImportAssembler {

    private ImportAssembler() {
    }

    /** The wire record of {@code job}. */
    static ImportJson toJson(ImportJob job) {
        return new ImportJson(job.getId(), job.getState().name().toLowerCase(Locale.ROOT), job.getSize(),
                job.getRowsRead(), job.getRowsStored(), job.getRowsSkipped(), job.getError(), utc(job.getCreatedAt()),
                utc(job.getStartedAt()), utc(job.getFinishedAt()));
    }

    private static String utc(LocalDateTime time) {
        return time == null ? null : IsoDateTime.format(time) + "Z";
    }
}
