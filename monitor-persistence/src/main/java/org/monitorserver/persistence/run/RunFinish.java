package org.monitorserver.persistence.run;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.monitorserver.domain.run.Run;

/**
 * A client's finish of a run, as the REST layer read it: the outcome, exit code and time (null for now), and
 * where the data is: {@code uris} for the object store, none for inline CSV (which comes as a reader).
 */
public record RunFinish(Run.Status outcome, Integer exitCode, LocalDateTime finishedAt, List<String> uris) {

    public RunFinish {
        Objects.requireNonNull(outcome, "outcome");
        uris = uris == null ? null : List.copyOf(uris);
    }
}
