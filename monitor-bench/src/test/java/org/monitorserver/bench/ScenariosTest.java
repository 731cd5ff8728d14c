package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    @Test
    void segmentsEncodeBracketsAndPercent() {
        assertEquals("test_case_012%5B5%5D", Scenarios.segment("test_case_012[5]"));
        assertEquals("10%25", Scenarios.segment("10%"));
        assertEquals("caf%C3%A9", Scenarios.segment("café"));
    }

    @Test
    void routesGetEqualShares() {
        assertEquals(List.of("a", "x1", "a", "x2", "a", "x3"),
                Scenarios.routes(List.of("a"), List.of("x1", "x2", "x3")));
    }

    @Test
    void lastPageAtFiveHundredPerPage() {
        assertEquals(1, Scenarios.lastPage(0));
        assertEquals(1, Scenarios.lastPage(500));
        assertEquals(2, Scenarios.lastPage(501));
        assertEquals(2_000, Scenarios.lastPage(1_000_000));
    }

    @Test
    void deepPagesSpreadFromTheFirstToTheLastPage() {
        List<Long> pages = Scenarios.spread(2_000);
        assertEquals(Scenarios.SAMPLE, pages.size());
        assertEquals(1, pages.get(0));
        assertEquals(2_000, pages.get(pages.size() - 1));
        assertTrue(pages.contains(1_010L), pages::toString);
        assertEquals(List.of(1L, 1L), Scenarios.spread(1).subList(0, 2));
    }

    @Test
    void scenariosComeInReportOrderAndMixAllReads() {
        var scenarios = new Scenarios(new DataSet(20_000), "127.0.0.1:8181").reads(20_000);
        // After the writes and the comparisons, which are not reads, and before node usage, an admin route (it needs
        // the superadmin's key), and the passes that repeat the reads.
        assertEquals(Scenarios.NAMES.subList(Scenarios.NAMES.indexOf(Scenarios.COUNTS),
                Scenarios.NAMES.indexOf(Scenarios.VERDICTS) + 1),
                scenarios.stream().map(Scenario::name).toList());
        // The mix holds every read before it; the verdicts come after it, apart.
        int reads = scenarios.stream().filter(s -> !s.name().equals(Scenarios.MIXED)
                && !s.name().equals(Scenarios.VERDICTS)).mapToInt(s -> s.requests().size()).sum();
        Scenario mixed = scenarios.stream().filter(s -> s.name().equals(Scenarios.MIXED)).findFirst().orElseThrow();
        assertEquals(reads, mixed.requests().size());
        var verdicts = scenarios.get(scenarios.size() - 1).requests();
        assertTrue(verdicts.stream().anyMatch(r -> r.path().startsWith("/api/v1/compare?baseline_pipeline=")));
        assertTrue(verdicts.stream().anyMatch(r -> r.path().contains("/history?resource=memory&pipeline=")));
        assertTrue(scenarios.stream().allMatch(s -> s.connections() == Scenarios.READ_CONNECTIONS));
    }
}
