package org.monitorserver.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @ParameterizedTest(name = "{0} rows of {1}: {2} pages")
    @CsvSource({
        "0, 10, 1",
        "1, 10, 1",
        "9, 10, 1",
        "10, 10, 1",
        "11, 10, 2",
        "20, 10, 2",
        "21, 10, 3",
        "1, 1, 1",
        "7, 1, 7"})
    void pageCount(long total, int size, int pages) {
        assertEquals(pages, PageRequest.pageCount(total, size));
    }

    @ParameterizedTest(name = "page {2} of {0} rows by {1} is page {3}")
    @CsvSource({
        // an empty listing has its (empty) page 1, also reachable as -1
        "0, 10, 1, 1",
        "0, 10, -1, 1",
        "1, 10, 1, 1",
        "1, 10, -1, 1",
        // exactly one full page
        "10, 10, 1, 1",
        "10, 10, -1, 1",
        // one row more: a second page
        "11, 10, 1, 1",
        "11, 10, 2, 2",
        "11, 10, -1, 2",
        "11, 10, -2, 1",
        // -N is page 1, -1 the last
        "50, 10, 5, 5",
        "50, 10, -1, 5",
        "50, 10, -5, 1",
        "50, 10, -3, 3"})
    void resolvesExistingPages(long total, int size, int page, int number) {
        assertEquals(number, new PageRequest(page, size).resolve(total));
    }

    @ParameterizedTest(name = "page {2} of {0} rows by {1} does not exist")
    @CsvSource({
        "0, 10, 0",
        "50, 10, 0",
        "0, 10, 2",
        "0, 10, -2",
        "10, 10, 2",
        "10, 10, -2",
        "11, 10, 3",
        "11, 10, -3",
        "50, 10, 6",
        "50, 10, -6",
        "50, 10, 2147483647",
        "50, 10, -2147483648"})
    void pagesOutsideTheListingAreNotFound(long total, int size, int page) {
        assertThrows(PageNotFoundException.class, () -> new PageRequest(page, size).resolve(total));
    }

    @Test
    void notFoundMessageNamesThePageAndTheRange() {
        var e = assertThrows(PageNotFoundException.class, () -> new PageRequest(-4, 10).resolve(25));
        assertEquals("page -4 does not exist: there are 3 pages (use 1..3, or -1..-3 from the end)", e.getMessage());
    }

    @Test
    void notFoundMessageUsesTheSingularForOnePage() {
        var e = assertThrows(PageNotFoundException.class, () -> new PageRequest(0, 10).resolve(0));
        assertEquals("page 0 does not exist: there is 1 page (use 1..1, or -1..-1 from the end)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void sizeBelowOneIsRejected(int size) {
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(1, size));
    }

    @Test
    void sizeOneIsAllowed() {
        assertEquals(3, new PageRequest(-1, 1).resolve(3));
    }

    @Test
    void firstIsPageOne() {
        assertEquals(new PageRequest(1, 25), PageRequest.first(25));
    }
}
