package org.monitorserver.persistence.usage;

import java.util.List;

/**
 * Node usage over {@code [start, end)} (epoch seconds): one {@link UsagePoint} per bucket, in time order; without
 * grouping, one point at {@code start}.
 */
public record UsageReport(long start, long end, List<UsagePoint> data) {

    public UsageReport {
        if (start > end) {
            throw new IllegalArgumentException("start " + start + " is after end " + end);
        }
        data = List.copyOf(data);
    }
}
