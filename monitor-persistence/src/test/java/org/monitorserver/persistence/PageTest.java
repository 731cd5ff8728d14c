package org.monitorserver.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTest {

    @ParameterizedTest(name = "{0} rows of {1}: {2} pages")
    @CsvSource({"0, 10, 1", "1, 10, 1", "10, 10, 1", "11, 10, 2", "25, 10, 3", "30, 10, 3"})
    void totalPages(long total, int size, int pages) {
        assertEquals(pages, new Page<>(List.of(), 1, size, total).totalPages());
    }

    @Test
    void firstOfSeveralPagesHasNextButNoPrevious() {
        var page = new Page<>(List.of("a"), 1, 10, 25);
        assertFalse(page.hasPrevious());
        assertTrue(page.hasNext());
    }

    @Test
    void middlePageHasBoth() {
        var page = new Page<>(List.of("a"), 2, 10, 25);
        assertTrue(page.hasPrevious());
        assertTrue(page.hasNext());
    }

    @Test
    void lastPageHasPreviousButNoNext() {
        var page = new Page<>(List.of("a"), 3, 10, 25);
        assertTrue(page.hasPrevious());
        assertFalse(page.hasNext());
    }

    @Test
    void exactlyFullSinglePageHasNeither() {
        var page = new Page<>(List.of("a"), 1, 10, 10);
        assertFalse(page.hasPrevious());
        assertFalse(page.hasNext());
    }

    @Test
    void emptyListingHasOneEmptyPageWithNeither() {
        var page = new Page<String>(List.of(), 1, 10, 0);
        assertTrue(page.isEmpty());
        assertEquals(1, page.totalPages());
        assertFalse(page.hasPrevious());
        assertFalse(page.hasNext());
    }

    @Test
    void mapConvertsItemsInOrderAndKeepsTheNumbers() {
        var mapped = new Page<>(List.of("a", "bb", "ccc"), 2, 3, 8).map(String::length);
        assertEquals(new Page<>(List.of(1, 2, 3), 2, 3, 8), mapped);
        assertEquals(3, mapped.totalPages());
    }

    @Test
    void itemsAreCopied() {
        var rows = new ArrayList<>(List.of("a"));
        var page = new Page<>(rows, 1, 10, 1);
        rows.add("b");
        assertEquals(List.of("a"), page.items());
    }
}
