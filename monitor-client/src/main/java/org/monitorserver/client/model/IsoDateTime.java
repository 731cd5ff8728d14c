package org.monitorserver.client.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The dates of the data model, read and written the way the server does: ISO 8601, a space allowed for
 * {@code T}, a date alone meaning midnight, an offset converted to UTC; written like Python's
 * {@code isoformat()}, microseconds only when there are any.
 */
public final class IsoDateTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private IsoDateTime() {
    }

    /**
     * The naive date and time of {@code text}, truncated to the microsecond as the server keeps it.
     *
     * @throws IllegalArgumentException when {@code text} is no ISO 8601 date
     */
    public static LocalDateTime parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no date");
        }
        String iso = text.strip().replace(' ', 'T');
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay();
            }
            LocalDateTime time = hasOffset(iso)
                    ? OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    : LocalDateTime.parse(iso);
            return time.withNano(micros(time.getNano()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO 8601 date: " + text, e);
        }
    }

    /** {@code time} as Python's {@code isoformat()} writes it. */
    public static String format(LocalDateTime time) {
        return time == null ? null : (time.getNano() == 0 ? SECONDS : MICROS).format(time);
    }

    private static boolean hasOffset(String iso) {
        int t = iso.indexOf('T');
        return iso.endsWith("Z") || t > 0 && (iso.indexOf('+', t) > 0 || iso.indexOf('-', t) > 0);
    }

    private static int micros(int nanos) {
        return nanos / 1000 * 1000;
    }
}
