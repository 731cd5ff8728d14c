package org.monitorserver.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rate limit follows its settings as they change, keeps its buckets while they do not, and refuses bad ones. */
class RateLimitSettingTest {

    private final RateLimitSetting setting = new RateLimitSetting(() -> 0L);

    @Test
    void offUntilARateIsSet() {
        assertTrue(setting.apply(0, Optional.empty()).isEmpty());
        assertEquals("off", setting.describe());
        TokenBuckets buckets = setting.apply(0.5, Optional.empty()).orElseThrow();
        assertEquals(1, buckets.burst(), "a burst of at least one request");
        assertSame(buckets, setting.apply(0.5, Optional.empty()).orElseThrow(), "the same settings keep the buckets");
        assertEquals(20, setting.apply(10, Optional.of(20.0)).orElseThrow().burst());
        assertEquals("10.0 requests/s per tenant, bursts of 20.0", setting.describe());
        assertTrue(setting.apply(0, Optional.of(20.0)).isEmpty(), "0 turns it off again");
    }

    @Test
    void badSettingsAreRefusedAndTheLimitInForceStays() {
        TokenBuckets buckets = setting.apply(5, Optional.empty()).orElseThrow();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> setting.apply(-1, Optional.empty()))
                .getMessage().contains("MONITOR_SERVER_RATE_LIMIT"));
        assertThrows(IllegalArgumentException.class, () -> setting.apply(5, Optional.of(0.5)));
        assertThrows(IllegalArgumentException.class, () -> setting.apply(Double.NaN, Optional.empty()));
        assertSame(buckets, setting.current().orElseThrow());
    }
}
