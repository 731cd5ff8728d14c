package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Result row(String scenario, double rate, double cpu) {
        return new Result(scenario, 16, rate, 1.0, 2.0, 0, 500, cpu);
    }

    @Test
    void ratioLines() {
        assertEquals("- single POST / ceiling: 700 / 7,000 = 0.10", Report.ratioLine("single POST / ceiling",
                Optional.of(row(Scenarios.SINGLE_POST, 700, 1)), Optional.of(row(Scenarios.CEILING, 7000, 1))));
        assertEquals("- bulk / COPY: not measured in this run", Report.ratioLine("bulk / COPY",
                Optional.of(row(Scenarios.BULK_INGEST, 7000, Double.NaN)), Optional.empty()));
        assertEquals("n/a", Report.ratio(1, 0));
        assertEquals("n/a", Report.ratio(Double.NaN, 2));
        assertEquals("0.50", Report.ratio(1, 2));
    }

    @Test
    void theMarkdownHasTheRatiosOfItsOwnRowsAndGroupsRowsUnderTheirPass() {
        var report = new Report("header");
        report.add(row(Scenarios.UNDER_WRITERS + ": counts", 900, 800));
        report.add(row(Scenarios.COUNTS, 1000, 700));
        report.add(row(Scenarios.SINGLE_POST, 600, 1500));
        report.add(row(Scenarios.CEILING, 6000, 150));
        report.add(row(Scenarios.AFTER_LOAD + ": counts", 10, 9000));
        String markdown = report.markdown("setting");
        assertTrue(markdown.indexOf("| " + Scenarios.CEILING) < markdown.indexOf("| single POST"), markdown);
        assertTrue(markdown.indexOf("| counts") < markdown.indexOf("| " + Scenarios.AFTER_LOAD), markdown);
        assertTrue(markdown.indexOf("| " + Scenarios.AFTER_LOAD) < markdown.indexOf("| " + Scenarios.UNDER_WRITERS),
                markdown);
        assertTrue(markdown.contains("- single POST / stack ceiling (requests/s): 600 / 6,000 = 0.10"), markdown);
        assertTrue(markdown.contains("- pytest-shaped POST / stack ceiling (requests/s): not measured"), markdown);
    }

    @Test
    void aFailedCheckMarksTheReport() {
        var report = new Report("header");
        report.note("fine");
        assertFalse(report.failed());
        report.fail("single POST: count grew by 9, 201 answers 10");
        assertTrue(report.failed());
        assertTrue(report.markdown("setting").contains("FAILED: single POST: count grew by 9"));
    }

    @Test
    void oldVsNewComparesTheRowsBothRunsHave() {
        var old = new Report("old");
        old.add(row(Scenarios.SINGLE_POST, 500, 2000));
        old.add(row(Scenarios.COUNTS, 1000, 800));
        var current = new Report("new");
        current.add(row(Scenarios.COUNTS, 1500, 400));
        current.add(row(Scenarios.SINGLE_POST, 600, 1000));
        current.add(row(Scenarios.CEILING, 6000, 150));
        String table = Report.oldVsNew(old, current);
        assertTrue(table.contains("| single POST | 500 | 600 | 1.20 | 2,000 | 1,000 | 0.50 |"), table);
        assertTrue(table.contains("| counts | 1,000 | 1,500 | 1.50 | 800 | 400 | 0.50 |"), table);
        assertFalse(table.contains(Scenarios.CEILING), table);
        assertTrue(table.indexOf("| single POST") < table.indexOf("| counts"), table);
    }
}
