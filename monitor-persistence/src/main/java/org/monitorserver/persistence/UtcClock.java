package org.monitorserver.persistence;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The time stored rows are stamped with: UTC, in microseconds as the database keeps them. */
public final class UtcClock {

    private UtcClock() {
    }

    /**
     * Now, cut to microseconds, so that an answer built from the entity just written shows what a later read of
     * the row shows.
     */
    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
