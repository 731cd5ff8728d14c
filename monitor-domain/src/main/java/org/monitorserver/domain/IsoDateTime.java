package org.monitorserver.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * ISO 8601 dates as pytest-monitor writes them: local and naive, {@code 2026-11-21T10:15:02.123456}. Also
 * accepted: a space instead of {@code T}, a date alone (midnight), and an offset or {@code Z}, which is
 * converted to UTC because the columns hold naive times. Precision is kept to the microsecond, as stored.
 */
public final class IsoDateTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    private IsoDateTime() {
    }

    /** The date-time {@code text} denotes, or empty if it is not ISO 8601. */
    public static Optional<LocalDateTime> parse(String text) {
        String iso = text.strip();
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        try {
            LocalDateTime value;
            if (iso.length() == 10) {
                value = LocalDate.parse(iso).atStartOfDay();
            } else if (hasOffset(iso)) {
                value = OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } else {
                value = LocalDateTime.parse(iso);
            }
            return Optional.of(value.truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Python's {@code isoformat()}: microseconds only when there are any. */
    public static String format(LocalDateTime value) {
        return (value.getNano() == 0 ? SECONDS : MICROS).format(value);
    }

    /** {@link #format} of a UTC time, marked {@code Z}; null for null (a time that has not happened yet). */
    public static String formatUtc(LocalDateTime utc) {
        return utc == null ? null : format(utc) + "Z";
    }

    private static boolean hasOffset(String iso) {
        int time = iso.indexOf('T');
        return time > 0 && (iso.endsWith("Z") || iso.indexOf('+', time) > 0 || iso.indexOf('-', time) > 0);
    }
}
