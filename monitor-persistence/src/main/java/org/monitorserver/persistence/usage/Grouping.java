package org.monitorserver.persistence.usage;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How node usage is split in time ({@code groupby}): not at all, or into UTC hours, days, ISO weeks (from Monday)
 * or calendar months. UTC has no daylight saving, so every day is 24 hours and every week 168.
 */
public enum Grouping {
    NONE, HOUR, DAY, WEEK, MONTH;

    /** The start of the bucket that holds {@code time} (UTC); for {@link #NONE} not defined. */
    LocalDateTime bucketStart(LocalDateTime time) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("one bucket: no bucket start");
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case DAY -> time.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
    }

    /** The length of this grouping's shortest bucket, in seconds (a month: 28 days); 0 for {@link #NONE}. */
    long shortestSeconds() {
        return switch (this) {
            case NONE -> 0;
            case HOUR -> 3_600;
            case DAY -> 86_400;
            case WEEK -> 604_800;
            case MONTH -> 28 * 86_400;
        };
    }

    /** The start of the bucket after the one starting at {@code bucketStart}. */
    LocalDateTime next(LocalDateTime bucketStart) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("one bucket: no next bucket");
            case HOUR -> bucketStart.plusHours(1);
            case DAY -> bucketStart.plusDays(1);
            case WEEK -> bucketStart.plusWeeks(1);
            case MONTH -> bucketStart.plusMonths(1);
        };
    }
}
