package org.monitorserver.persistence.usage;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The node-seconds of spans within a window {@code [start, end)}, UTC: spans are clipped to the window, the spans
 * of one node (tenant and context) are merged so that overlapping sessions count once, and the merged time is
 * summed over all nodes, per bucket of a {@link Grouping}. Exact to the microsecond inside; each bucket's total is
 * rounded down to whole seconds at the end, so the buckets may add up to a little less than the ungrouped total.
 * Plain arithmetic, no database: unit-tested on its own.
 */
final class NodeSeconds {

    private static final long MICROS_PER_SECOND = 1_000_000;

    private static final Comparator<long[]> BY_START = Comparator.comparingLong(span -> span[0]);

    private record Node(long tenant, String context) {
    }

    private final LocalDateTime start;
    private final LocalDateTime end;
    private final long startMicros;
    private final long endMicros;
    private final Map<Node, List<long[]>> spans = new HashMap<>();

    /** A window from {@code start} to {@code end} (UTC, {@code start <= end}), with no spans yet. */
    NodeSeconds(LocalDateTime start, LocalDateTime end) {
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("start " + start + " is after end " + end);
        }
        this.start = start;
        this.end = end;
        this.startMicros = micros(start);
        this.endMicros = micros(end);
    }

    /** Adds the span {@code [from, to)} of node {@code context} of {@code tenant}; what lies outside is dropped. */
    void add(long tenant, String context, LocalDateTime from, LocalDateTime to) {
        long clippedFrom = Math.max(micros(from), startMicros);
        long clippedTo = Math.min(micros(to), endMicros);
        if (clippedFrom < clippedTo) {
            spans.computeIfAbsent(new Node(tenant, context), node -> new ArrayList<>())
                    .add(new long[] {clippedFrom, clippedTo});
        }
    }

    /**
     * The node-seconds per bucket of {@code grouping}, in time order: each bucket that overlaps the window, its
     * time the bucket's start or, for the first, the window's start. Without grouping (or for an empty window),
     * one point at the window's start.
     */
    List<UsagePoint> by(Grouping grouping) {
        List<LocalDateTime> bucketStarts = bucketStarts(grouping);
        long[] edges = new long[bucketStarts.size() + 1];
        for (int i = 0; i < bucketStarts.size(); i++) {
            edges[i] = micros(bucketStarts.get(i));
        }
        edges[bucketStarts.size()] = endMicros;
        long[] busy = new long[bucketStarts.size()];
        for (List<long[]> nodeSpans : spans.values()) {
            for (long[] merged : merge(nodeSpans)) {
                addTo(busy, edges, merged[0], merged[1]);
            }
        }
        var points = new ArrayList<UsagePoint>(busy.length);
        for (int i = 0; i < busy.length; i++) {
            points.add(new UsagePoint(bucketStarts.get(i).toEpochSecond(ZoneOffset.UTC), busy[i] / MICROS_PER_SECOND));
        }
        return points;
    }

    private List<LocalDateTime> bucketStarts(Grouping grouping) {
        var starts = new ArrayList<LocalDateTime>();
        starts.add(start);
        if (grouping != Grouping.NONE) {
            for (var bucket = grouping.next(grouping.bucketStart(start)); bucket.isBefore(end);
                    bucket = grouping.next(bucket)) {
                starts.add(bucket);
            }
        }
        return starts;
    }

    /** The union of {@code spans} as disjoint spans in time order; touching spans join. */
    static List<long[]> merge(List<long[]> spans) {
        var sorted = new ArrayList<>(spans);
        sorted.sort(BY_START);
        var merged = new ArrayList<long[]>();
        long[] current = null;
        for (long[] span : sorted) {
            if (current != null && span[0] <= current[1]) {
                current[1] = Math.max(current[1], span[1]);
            } else {
                current = span.clone();
                merged.add(current);
            }
        }
        return merged;
    }

    /** Adds {@code [from, to)} to the buckets it crosses; {@code edges[i]} starts bucket {@code i}. */
    private static void addTo(long[] busy, long[] edges, long from, long to) {
        int found = Arrays.binarySearch(edges, from);
        int bucket = found >= 0 ? found : -found - 2;
        for (long at = from; at < to; bucket++) {
            long until = Math.min(to, edges[bucket + 1]);
            busy[bucket] += until - at;
            at = until;
        }
    }

    private static long micros(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC) * MICROS_PER_SECOND + time.getNano() / 1_000;
    }
}
