package org.monitorserver.rest.imports;

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
                job.getRowsRead(), job.getRowsStored(), job.getRowsSkipped(), job.getError(), IsoDateTime.formatUtc(job.getCreatedAt()),
                IsoDateTime.formatUtc(job.getStartedAt()), IsoDateTime.formatUtc(job.getFinishedAt()));
    }
}
