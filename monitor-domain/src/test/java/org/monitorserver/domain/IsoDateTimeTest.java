package org.monitorserver.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDateTimeTest {

    private static LocalDateTime at(int hour, int minute, int second, int nanos) {
        return LocalDateTime.of(2026, 11, 21, hour, minute, second, nanos);
    }

    @Test
    void pytestMonitorDateWithMicroseconds() {
        assertEquals(Optional.of(at(10, 15, 2, 123_456_000)), IsoDateTime.parse("2026-11-21T10:15:02.123456"));
    }

    @Test
    void withoutFraction() {
        assertEquals(Optional.of(at(10, 15, 2, 0)), IsoDateTime.parse("2026-11-21T10:15:02"));
    }

    @Test
    void spaceInsteadOfT() {
        assertEquals(Optional.of(at(10, 15, 2, 0)), IsoDateTime.parse("2026-11-21 10:15:02"));
        assertEquals(Optional.of(at(10, 15, 2, 123_456_000)), IsoDateTime.parse("2026-11-21 10:15:02.123456"));
    }

    @Test
    void dateAloneIsMidnight() {
        assertEquals(Optional.of(at(0, 0, 0, 0)), IsoDateTime.parse("2026-11-21"));
    }

    @ParameterizedTest(name = "{0} is {1} UTC")
    @CsvSource({
        "2026-11-21T10:15:02Z, 2026-11-21T10:15:02",
        "2026-11-21T10:15:02+00:00, 2026-11-21T10:15:02",
        "2026-11-21T10:15:02+02:00, 2026-11-21T08:15:02",
        "2026-11-21T10:15:02-05:00, 2026-11-21T15:15:02",
        "2026-11-21T10:15:02.123456+02:00, 2026-11-21T08:15:02.123456",
        "2026-11-21 10:15:02-05:00, 2026-11-21T15:15:02",
        "2026-11-21T23:30:00-05:00, 2026-11-22T04:30:00",
        "2026-11-21T01:00:00+02:00, 2026-11-20T23:00:00"})
    void offsetsAreConvertedToUtc(String text, LocalDateTime utc) {
        assertEquals(Optional.of(utc), IsoDateTime.parse(text));
    }

    @Test
    void nanosecondsAreTruncatedToMicrosecondsNotRounded() {
        assertEquals(Optional.of(at(10, 15, 2, 123_456_000)), IsoDateTime.parse("2026-11-21T10:15:02.123456789"));
        assertEquals(Optional.of(at(10, 15, 2, 999_999_000)), IsoDateTime.parse("2026-11-21T10:15:02.999999999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "garbage", "2026-13-01", "2026-02-30", "2026-11-21T25:00:00",
            "2026-11-21T10:61:00", "21/11/2026", "2026-11-21X10:15:02", "2026-11-21T10:15:02+25:00",
            "2026-11-21T", "1732184102", "2026-11-21 garbage"})
    void nonIsoTextIsRejected(String text) {
        assertTrue(IsoDateTime.parse(text).isEmpty(), () -> text + " -> " + IsoDateTime.parse(text));
    }

    @Test
    void formatWithoutNanosHasNoFraction() {
        assertEquals("2026-11-21T10:15:02", IsoDateTime.format(at(10, 15, 2, 0)));
    }

    @Test
    void formatAtMidnightKeepsTheSeconds() {
        assertEquals("2026-11-21T00:00:00", IsoDateTime.format(at(0, 0, 0, 0)));
    }

    @ParameterizedTest(name = "{0} ns -> .{1}")
    @CsvSource({
        "123456000, 123456",
        "100000000, 100000",
        "1000, 000001",
        "500000, 000500"})
    void formatWithNanosHasExactlySixDigits(int nanos, String fraction) {
        assertEquals("2026-11-21T10:15:02." + fraction, IsoDateTime.format(at(10, 15, 2, nanos)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T10:15:02.123456", "2026-11-21T10:15:02", "2026-11-21T00:00:00.000001",
            "2026-01-01T23:59:59.999999"})
    void formatOfParseGivesTheCanonicalTextBack(String text) {
        assertEquals(text, IsoDateTime.format(IsoDateTime.parse(text).orElseThrow()));
    }

    @Test
    void parseOfFormatGivesTheValueBack() {
        var value = at(10, 15, 2, 120_000);
        assertEquals(Optional.of(value), IsoDateTime.parse(IsoDateTime.format(value)));
    }
}
