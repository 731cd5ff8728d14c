package org.monitorserver.domain.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.monitorserver.domain.count.RowCount.Family;

class AnalyzeMarkTest {

    private static final LocalDateTime THEN = LocalDateTime.of(2026, 12, 3, 8, 0);

    @Test
    void aTableNeverAnalyzedIsDueOnceItHoldsRows() {
        var never = new AnalyzeMark("metric", Family.METRIC, 0, null, 0);

        assertFalse(never.isDueAt(0));
        assertTrue(never.isDueAt(1));
    }

    @Test
    void anAnalyzedTableIsDueWhenMoreThanATenthOfItsRowsChanged() {
        var mark = new AnalyzeMark("metric", Family.METRIC, 1000, THEN, 3);

        assertFalse(mark.isDueAt(1000));
        assertFalse(mark.isDueAt(1100));
        assertTrue(mark.isDueAt(1101));
        assertFalse(mark.isDueAt(900));
        assertTrue(mark.isDueAt(899));
    }

    @Test
    void anAnalyzedEmptyTableIsDueAtItsFirstRow() {
        var empty = new AnalyzeMark("metric", Family.METRIC, 0, THEN, 1);

        assertFalse(empty.isDueAt(0));
        assertTrue(empty.isDueAt(1));
    }

    @Test
    void analyzesAndVacuumsItsTableByName() {
        var mark = new AnalyzeMark("test_session", Family.SESSION, 0, null, 0);
        assertEquals("ANALYZE test_session", mark.analyzeStatement());
        assertEquals("VACUUM test_session", mark.vacuumStatement());
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers() {
        for (String name : new String[] {"Metric", "metric; DROP TABLE metric", "\"metric\"", "9metric", "", null}) {
            assertThrows(IllegalArgumentException.class, () -> new AnalyzeMark(name, Family.METRIC, 0, null, 0),
                    String.valueOf(name));
        }
    }

    @Test
    void hasATimeExactlyWhenAnalyzed() {
        assertThrows(IllegalArgumentException.class, () -> new AnalyzeMark("metric", Family.METRIC, 0, THEN, 0));
        assertThrows(IllegalArgumentException.class, () -> new AnalyzeMark("metric", Family.METRIC, 0, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new AnalyzeMark("metric", Family.METRIC, -1, null, 0));
    }
}
