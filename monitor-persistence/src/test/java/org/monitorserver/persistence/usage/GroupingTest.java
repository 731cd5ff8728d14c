package org.monitorserver.persistence.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupingTest {

    @ParameterizedTest(name = "{0} of {1}: {2}, then {3}")
    @CsvSource({
            "HOUR,  2024-02-29T23:59:59.5, 2024-02-29T23:00, 2024-03-01T00:00",
            "DAY,   2024-02-29T23:59:59,   2024-02-29T00:00, 2024-03-01T00:00",
            // Thursday 1 February 2024 is in the ISO week of Monday 29 January.
            "WEEK,  2024-02-01T10:00,      2024-01-29T00:00, 2024-02-05T00:00",
            "WEEK,  2024-01-29T00:00,      2024-01-29T00:00, 2024-02-05T00:00",
            // Sunday belongs to the week that started the Monday before.
            "WEEK,  2024-02-04T23:59,      2024-01-29T00:00, 2024-02-05T00:00",
            // Week 1 of 2025 starts on Monday 30 December 2024.
            "WEEK,  2025-01-01T00:00,      2024-12-30T00:00, 2025-01-06T00:00",
            "MONTH, 2024-01-31T12:00,      2024-01-01T00:00, 2024-02-01T00:00",
            "MONTH, 2024-12-15T00:00,      2024-12-01T00:00, 2025-01-01T00:00"})
    void bucketStartAndNext(Grouping grouping, LocalDateTime time, LocalDateTime start, LocalDateTime next) {
        assertEquals(start, grouping.bucketStart(time));
        assertEquals(next, grouping.next(start));
    }

    @Test
    void theShortestBucketOfEachGroupingBoundsTheBucketCount() {
        assertEquals(3_600, Grouping.HOUR.shortestSeconds());
        assertEquals(28 * 86_400, Grouping.MONTH.shortestSeconds());
        for (Grouping grouping : new Grouping[] {Grouping.HOUR, Grouping.DAY, Grouping.WEEK, Grouping.MONTH}) {
            // A whole bucket (February 2024, the shortest month of a leap year, holds 29 days).
            var start = grouping.bucketStart(LocalDateTime.of(2024, 2, 1, 0, 0));
            var next = grouping.next(start);
            assertTrue(Duration.between(start, next).getSeconds()
                    >= grouping.shortestSeconds(), grouping::name);
        }
    }
}
