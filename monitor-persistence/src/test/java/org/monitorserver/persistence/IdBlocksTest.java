package org.monitorserver.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdBlocksTest {

    private static final long IDS_PER_BLOCK = 1_000;

    /** Ids of one listing, ascending: runs of dense ids, gaps, and blocks the listing has no row in. */
    private static List<Long> listing() {
        var random = new Random(42);
        var ids = new ArrayList<Long>();
        long id = 1;
        while (ids.size() < 20_000) {
            if (random.nextInt(10) == 0) {
                id += random.nextInt(5_000);
            }
            if (random.nextBoolean()) {
                ids.add(id);
            }
            id++;
        }
        return ids;
    }

    private static List<long[]> blocksOf(List<Long> ids) {
        var rows = new TreeMap<Long, Long>();
        ids.forEach(id -> rows.merge(Math.floorDiv(id, IDS_PER_BLOCK), 1L, Long::sum));
        return rows.entrySet().stream().map(e -> new long[] {e.getKey(), e.getValue()}).toList();
    }

    @Test
    void forwardStartsAtTheBlockOfTheRowAfterTheSkippedOnes() {
        List<Long> ids = listing();
        var blocks = new IdBlocks(IDS_PER_BLOCK, () -> blocksOf(ids));
        for (int skip = 0; skip < ids.size(); skip += 7) {
            IdBlocks.Start start = blocks.forward(skip);
            List<Long> read = ids.stream().filter(id -> id >= start.id()).toList();
            assertEquals(ids.get(skip), read.get((int) start.skip()), "skip " + skip);
            if (skip > IdBlocks.SEEK_PAST) {
                assertEquals(Math.floorDiv(ids.get(skip), IDS_PER_BLOCK) * IDS_PER_BLOCK, start.id());
                assertTrue(start.skip() < IDS_PER_BLOCK, "at most one block's rows skipped");
            }
        }
    }

    @Test
    void backwardStartsJustPastTheBlockOfTheRowAfterTheSkippedNewestOnes() {
        List<Long> ids = listing();
        List<Long> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        var blocks = new IdBlocks(IDS_PER_BLOCK, () -> blocksOf(ids));
        for (int skip = 0; skip < ids.size(); skip += 7) {
            IdBlocks.Start start = blocks.backward(skip);
            List<Long> read = newestFirst.stream().filter(id -> id < start.id()).toList();
            assertEquals(newestFirst.get(skip), read.get((int) start.skip()), "skip " + skip);
            if (skip > IdBlocks.SEEK_PAST) {
                assertTrue(start.skip() < IDS_PER_BLOCK, "at most one block's rows skipped");
            }
        }
    }

    @Test
    void shallowPagesDoNotReadTheBlocks() {
        var reads = new AtomicInteger();
        var blocks = new IdBlocks(IDS_PER_BLOCK, () -> {
            reads.incrementAndGet();
            return List.of();
        });
        assertEquals(new IdBlocks.Start(Long.MIN_VALUE, IdBlocks.SEEK_PAST), blocks.forward(IdBlocks.SEEK_PAST));
        assertEquals(new IdBlocks.Start(Long.MAX_VALUE, 10), blocks.backward(10));
        assertEquals(0, reads.get());
    }

    @Test
    void countsThatDoNotReachTheRowFallBackToSkippingEveryRow() {
        // Rows arrived between the listing's size and its block counts: no block holds the row, so no bound.
        var blocks = new IdBlocks(IDS_PER_BLOCK, () -> List.of(new long[] {0, 1_000}, new long[] {3, 1_500}));
        assertEquals(new IdBlocks.Start(Long.MIN_VALUE, 5_000), blocks.forward(5_000));
        assertEquals(new IdBlocks.Start(Long.MAX_VALUE, 5_000), blocks.backward(5_000));
        assertEquals(new IdBlocks.Start(3_000, 1_499), blocks.forward(2_499));
        assertEquals(new IdBlocks.Start(1_000, 999), blocks.backward(2_499));
    }
}
