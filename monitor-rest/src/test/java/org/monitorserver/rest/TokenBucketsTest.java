package org.monitorserver.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-tenant rate limit's buckets, on a clock the test moves. */
class TokenBucketsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstPassesThenTheRateAndEachTenantHasItsOwnBucket() {
        var buckets = new TokenBuckets(10, 3, clock::get);
        assertEquals(0, buckets.take(1));
        assertEquals(0, buckets.take(1));
        assertEquals(0, buckets.take(1));
        assertEquals(100_000_000L, buckets.take(1), "the fourth waits a tenth of a second for its token");
        assertEquals(0, buckets.take(2), "another tenant is not held up");

        clock.addAndGet(50_000_000L);
        assertEquals(50_000_000L, buckets.take(1), "half a token so far");
        clock.addAndGet(50_000_000L);
        assertEquals(0, buckets.take(1));
        assertEquals(100_000_000L, buckets.take(1));
    }

    @Test
    void anIdleTenantSavesNoMoreThanTheBurst() {
        var buckets = new TokenBuckets(2, 2, clock::get);
        clock.addAndGet(60_000_000_000L);
        assertEquals(0, buckets.take(7));
        assertEquals(0, buckets.take(7));
        assertEquals(500_000_000L, buckets.take(7));
    }

    @Test
    void refusedRequestsTakeNothing() {
        var buckets = new TokenBuckets(1, 1, clock::get);
        assertEquals(0, buckets.take(1));
        for (int i = 0; i < 100; i++) {
            assertEquals(1_000_000_000L, buckets.take(1));
        }
        clock.addAndGet(1_000_000_000L);
        assertEquals(0, buckets.take(1), "a client that retried meanwhile is let through once the second is over");
    }

    @Test
    void aRateOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 1, clock::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 0.5, clock::get));
    }
}
