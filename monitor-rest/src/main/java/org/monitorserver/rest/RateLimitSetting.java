package org.monitorserver.rest;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The per-tenant rate limit as the settings give it now. The settings are read on every request, so that a system
 * property set from the console or {@code jboss-cli} takes effect at once; the buckets are made anew only when the
 * values change (and every tenant starts again with a full burst).
 */
final class RateLimitSetting {

    private static final Logger LOG = Logger.getLogger(RateLimitSetting.class.getName());

    private record Limit(double rate, Optional<Double> burst, Optional<TokenBuckets> buckets) {
    }

    private final LongSupplier nanoTime;
    private volatile Limit current = new Limit(0, Optional.empty(), Optional.empty());

    RateLimitSetting(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The buckets for {@code rate} requests per second (0: no limit) and bursts of {@code burst} (the rate when
     * empty).
     *
     * @throws IllegalArgumentException when the rate is negative or the burst below 1; the previous limit stays
     */
    Optional<TokenBuckets> apply(double rate, Optional<Double> burst) {
        Limit now = current;
        if (now.rate() == rate && now.burst().equals(burst)) {
            return now.buckets();
        }
        synchronized (this) {
            if (!(rate >= 0) || burst.isPresent() && !(burst.get() >= 1)) {
                throw new IllegalArgumentException("MONITOR_SERVER_RATE_LIMIT must be 0 (off) or more, and"
                        + " MONITOR_SERVER_RATE_LIMIT_BURST at least 1; are " + rate + " and " + burst.orElse(null));
            }
            if (current.rate() != rate || !current.burst().equals(burst)) {
                Optional<TokenBuckets> buckets = rate == 0 ? Optional.empty()
                        : Optional.of(new TokenBuckets(rate, burst.orElse(Math.max(1, rate)), nanoTime));
                current = new Limit(rate, burst, buckets);
                LOG.info(() -> "Per-tenant rate limit: " + describe());
            }
            return current.buckets();
        }
    }

    /** The buckets of the limit in force; empty when there is none. */
    Optional<TokenBuckets> current() {
        return current.buckets();
    }

    /** The limit in force, for the log. */
    String describe() {
        return current.buckets().map(b -> b.perSecond() + " requests/s per tenant, bursts of " + b.burst())
                .orElse("off");
    }
}
