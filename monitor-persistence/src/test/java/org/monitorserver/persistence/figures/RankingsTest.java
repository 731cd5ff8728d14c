package org.monitorserver.persistence.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.monitorserver.domain.count.MetricRank;
import org.monitorserver.persistence.figures.Rankings.Place;

/** A list's order: by sort key as the database compares doubles, then by arrival. */
class RankingsTest {

    @Test
    void placesSortByKeyThenId() {
        assertTrue(new Place(1.0, 9).compareTo(new Place(2.0, 1)) < 0);
        assertTrue(new Place(1.0, 1).compareTo(new Place(1.0, 2)) < 0);
        assertEquals(0, new Place(1.0, 3).compareTo(new Place(1.0, 3)));
    }

    @Test
    void negativeAndPositiveZeroAreOnePlaceAsInTheDatabase() {
        assertTrue(new Place(-0.0, 1).compareTo(new Place(0.0, 2)) < 0, "ties go by id");
        assertTrue(new Place(0.0, 1).compareTo(new Place(-0.0, 2)) < 0, "ties go by id");
    }

    @Test
    void aHeadSortsTheHighestFirstAndNeverStoresNegativeZero() {
        assertTrue(MetricRank.sortKey(5, true) < MetricRank.sortKey(3, true));
        assertTrue(MetricRank.sortKey(3, false) < MetricRank.sortKey(5, false));
        assertEquals(0L, Double.doubleToRawLongBits(MetricRank.sortKey(0.0, true)));
        assertEquals(0L, Double.doubleToRawLongBits(MetricRank.sortKey(-0.0, false)));
    }
}
