package org.monitorserver.persistence.run;

import java.time.LocalDateTime;
import java.util.Optional;
import org.monitorserver.domain.run.Run;

/**
 * The filters of the run listing, each optional, all applied together: exact project, job, stage and team names,
 * the reported status, and a registration time range {@code [from, to)} in UTC.
 */
public record RunFilter(Optional<String> project, Optional<String> job, Optional<String> stage,
        Optional<String> team, Optional<Run.Status> status, Optional<LocalDateTime> from,
        Optional<LocalDateTime> to) {

    /** No filter: every run of the tenant. */
    public static final RunFilter NONE = new RunFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
