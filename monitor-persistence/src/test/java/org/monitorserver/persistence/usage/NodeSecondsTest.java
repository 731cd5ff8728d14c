package org.monitorserver.persistence.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSecondsTest {

    /** Monday 2024-01-01 00:00 UTC. */
    private static final LocalDateTime MONDAY = LocalDateTime.of(2024, 1, 1, 0, 0);

    private static long epoch(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }

    private static NodeSeconds window(LocalDateTime start, LocalDateTime end) {
        return new NodeSeconds(start, end);
    }

    private static long total(NodeSeconds window) {
        return window.by(Grouping.NONE).get(0).value();
    }

    @Test
    void disjointSpansOfOneNodeAddUp() {
        var window = window(MONDAY, MONDAY.plusDays(1));
        window.add(1, "a", MONDAY.plusHours(1), MONDAY.plusHours(1).plusSeconds(60));
        window.add(1, "a", MONDAY.plusHours(2), MONDAY.plusHours(2).plusSeconds(30));
        assertEquals(90, total(window));
    }

    @Test
    void overlappingSpansOfOneNodeCountOnce() {
        var window = window(MONDAY, MONDAY.plusDays(1));
        window.add(1, "a", MONDAY.plusSeconds(100), MONDAY.plusSeconds(200));
        window.add(1, "a", MONDAY.plusSeconds(150), MONDAY.plusSeconds(300));
        window.add(1, "a", MONDAY.plusSeconds(300), MONDAY.plusSeconds(310)); // touching: joins, adds 10
        assertEquals(210, total(window));
    }

    @Test
    void nestedSpanAddsNothing() {
        var window = window(MONDAY, MONDAY.plusDays(1));
        window.add(1, "a", MONDAY.plusSeconds(100), MONDAY.plusSeconds(400));
        window.add(1, "a", MONDAY.plusSeconds(200), MONDAY.plusSeconds(250));
        assertEquals(300, total(window));
    }

    @Test
    void overlapOnDifferentNodesCountsForEach() {
        var window = window(MONDAY, MONDAY.plusDays(1));
        window.add(1, "a", MONDAY.plusSeconds(100), MONDAY.plusSeconds(200));
        window.add(1, "b", MONDAY.plusSeconds(100), MONDAY.plusSeconds(200));
        // Same context hash, other tenant: another node.
        window.add(2, "a", MONDAY.plusSeconds(100), MONDAY.plusSeconds(200));
        assertEquals(300, total(window));
    }

    @Test
    void spansAreClippedToTheWindow() {
        var window = window(MONDAY.plusSeconds(100), MONDAY.plusSeconds(200));
        window.add(1, "a", MONDAY, MONDAY.plusSeconds(130)); // 30 inside
        window.add(1, "b", MONDAY.plusSeconds(190), MONDAY.plusSeconds(500)); // 10 inside
        window.add(1, "c", MONDAY, MONDAY.plusSeconds(1000)); // covers it: 100
        window.add(1, "d", MONDAY, MONDAY.plusSeconds(100)); // ends at the start: nothing
        window.add(1, "e", MONDAY.plusSeconds(200), MONDAY.plusSeconds(300)); // starts at the end: nothing
        assertEquals(List.of(new UsagePoint(epoch(MONDAY) + 100, 140)), window.by(Grouping.NONE));
    }

    @Test
    void fractionsAreSummedExactlyThenRoundedDown() {
        var window = window(MONDAY, MONDAY.plusDays(1));
        window.add(1, "a", MONDAY, MONDAY.plusNanos(600_000_000));
        window.add(1, "b", MONDAY, MONDAY.plusNanos(600_000_000));
        window.add(1, "c", MONDAY, MONDAY.plusNanos(700_000));
        assertEquals(1, total(window)); // 1.2007 s
    }

    @Test
    void emptyWindowHasOnePointOfZero() {
        var window = window(MONDAY, MONDAY);
        window.add(1, "a", MONDAY.minusHours(1), MONDAY.plusHours(1));
        assertEquals(List.of(new UsagePoint(epoch(MONDAY), 0)), window.by(Grouping.DAY));
    }

    @Test
    void startAfterEndIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> window(MONDAY.plusSeconds(1), MONDAY));
    }

    @Test
    void byHourSplitsASpanAtTheHourAndClipsTheFirstBucketTime() {
        var start = MONDAY.plusMinutes(30);
        var window = window(start, MONDAY.plusHours(3));
        window.add(1, "a", MONDAY.plusMinutes(50), MONDAY.plusHours(1).plusMinutes(10)); // 10 min + 10 min
        assertEquals(List.of(new UsagePoint(epoch(start), 600), new UsagePoint(epoch(MONDAY.plusHours(1)), 600),
                new UsagePoint(epoch(MONDAY.plusHours(2)), 0)), window.by(Grouping.HOUR));
    }

    @Test
    void byDayHasEveryDayOfTheWindowAndEndsInsideTheLast() {
        var window = window(MONDAY, MONDAY.plusDays(2).plusHours(6));
        window.add(1, "a", MONDAY.plusHours(20), MONDAY.plusDays(2).plusHours(12)); // clipped at 06:00 of day 3
        assertEquals(List.of(new UsagePoint(epoch(MONDAY), 4 * 3600),
                new UsagePoint(epoch(MONDAY.plusDays(1)), 24 * 3600),
                new UsagePoint(epoch(MONDAY.plusDays(2)), 6 * 3600)), window.by(Grouping.DAY));
    }

    @Test
    void byWeekStartsOnMondayAndCrossesAMonth() {
        // Wednesday 2024-01-24 to Wednesday 2024-02-07; the week of Monday 2024-01-29 holds 1 and 2 February.
        var start = LocalDateTime.of(2024, 1, 24, 0, 0);
        var window = window(start, LocalDateTime.of(2024, 2, 7, 0, 0));
        window.add(1, "a", LocalDateTime.of(2024, 1, 31, 23, 0), LocalDateTime.of(2024, 2, 1, 1, 0));
        window.add(1, "b", LocalDateTime.of(2024, 2, 4, 23, 0), LocalDateTime.of(2024, 2, 5, 1, 0));
        assertEquals(List.of(new UsagePoint(epoch(start), 0),
                new UsagePoint(epoch(LocalDateTime.of(2024, 1, 29, 0, 0)), 2 * 3600 + 3600),
                new UsagePoint(epoch(LocalDateTime.of(2024, 2, 5, 0, 0)), 3600)), window.by(Grouping.WEEK));
    }

    @Test
    void byMonthUsesCalendarMonths() {
        var start = LocalDateTime.of(2024, 1, 15, 12, 0);
        var window = window(start, LocalDateTime.of(2024, 3, 2, 0, 0));
        // A span over all of February 2024: 29 days (leap year).
        window.add(1, "a", LocalDateTime.of(2024, 1, 31, 0, 0), LocalDateTime.of(2024, 3, 1, 0, 0));
        assertEquals(List.of(new UsagePoint(epoch(start), 24 * 3600),
                new UsagePoint(epoch(LocalDateTime.of(2024, 2, 1, 0, 0)), 29 * 24 * 3600),
                new UsagePoint(epoch(LocalDateTime.of(2024, 3, 1, 0, 0)), 0)), window.by(Grouping.MONTH));
    }

    @Test
    void utcDaysAreAlways24HoursAcrossEuropeanAndAmericanDstChanges() {
        // 2024-03-31 (Europe) and 2024-03-10 (US) change clocks locally; in UTC each day is 86,400 s.
        for (var day : List.of(LocalDateTime.of(2024, 3, 31, 0, 0), LocalDateTime.of(2024, 3, 10, 0, 0))) {
            var window = window(day, day.plusDays(1));
            window.add(1, "a", day.minusHours(1), day.plusDays(2));
            assertEquals(List.of(new UsagePoint(epoch(day), 86_400)), window.by(Grouping.DAY));
            assertEquals(24, window.by(Grouping.HOUR).size());
        }
    }

    @Test
    void mergeJoinsUnsortedOverlappingSpans() {
        var merged = NodeSeconds.merge(List.of(new long[] {5, 8}, new long[] {1, 3}, new long[] {2, 6},
                new long[] {10, 12}));
        assertEquals(List.of(List.of(1L, 8L), List.of(10L, 12L)),
                merged.stream().map(span -> List.of(span[0], span[1])).toList());
    }
}
