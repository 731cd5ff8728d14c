package org.monitorserver.domain.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's summary in the tracker's layout, folded sample by sample over all the chunks of the run, in order.
 *
 * <p>{@link #result()} is a JSON-ready map: {@code samples} (the row count), {@code duration_seconds} (last minus
 * first timestamp plus one interval), {@code interval_seconds} (the median step between consecutive timestamps),
 * {@code timestamp} ({@code {"duration": ...}}, the tracker's own key), then one entry per column whose
 * {@link Aggregate} is not {@code NONE}: every known column, in {@link SampleColumn#KNOWN} order, present or not,
 * then the unknown columns of the header, in its order. An entry is {@code {"mean", "max"}}, {@code {"max"}} or
 * {@code {"sum"}}, or null when the column has no value in any row; an unknown column with a cell that is not a
 * finite number is null too, as its statistics would be meaningless (unknown columns are never an error).
 * Sums and means use a compensated (Neumaier) sum, so that a day of per-second byte counts loses no precision
 * to the order of addition. Memory is constant per column; only the timestamps are kept, as doubles, for the
 * median.
 */
public final class RunStatistics {

    private static final int KNOWN = SampleColumn.KNOWN.size();

    private final int[] knownColumns; // the positions in KNOWN that have an aggregate
    private final String[] extraColumns; // the unknown header columns that have one
    private final Aggregate[] aggregates; // per slot: known positions, then extra columns
    private final long[] counts;
    private final double[] sums;
    private final double[] compensations;
    private final double[] maxima;
    private final boolean[] refused;

    private long samples;
    private double[] timestamps = new double[1024];
    private int timestampCount;
    private double firstTimestamp = Double.POSITIVE_INFINITY;
    private double lastTimestamp = Double.NEGATIVE_INFINITY;

    /** Starts an empty summary for texts with this header (known columns are summarised whatever it holds). */
    public RunStatistics(List<String> header) {
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < KNOWN; i++) {
            if (Aggregate.of(SampleColumn.KNOWN.get(i)) != Aggregate.NONE) {
                known.add(i);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String name : header) {
            if (SampleColumn.indexOf(name) < 0 && Aggregate.of(name) != Aggregate.NONE) {
                extra.add(name);
            }
        }
        knownColumns = known.stream().mapToInt(Integer::intValue).toArray();
        extraColumns = extra.toArray(new String[0]);
        int slots = knownColumns.length + extraColumns.length;
        aggregates = new Aggregate[slots];
        for (int s = 0; s < slots; s++) {
            aggregates[s] = Aggregate.of(s < knownColumns.length
                    ? SampleColumn.KNOWN.get(knownColumns[s]) : extraColumns[s - knownColumns.length]);
        }
        counts = new long[slots];
        sums = new double[slots];
        compensations = new double[slots];
        maxima = new double[slots];
        Arrays.fill(maxima, Double.NEGATIVE_INFINITY);
        refused = new boolean[slots];
    }

    /** Adds one row. */
    public void accept(CsvSample sample) {
        samples++;
        double[] known = sample.known();
        double timestamp = known[SampleColumn.TIMESTAMP];
        if (!Double.isNaN(timestamp)) {
            if (timestampCount == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, timestampCount * 2);
            }
            timestamps[timestampCount++] = timestamp;
            firstTimestamp = Math.min(firstTimestamp, timestamp);
            lastTimestamp = Math.max(lastTimestamp, timestamp);
        }
        for (int s = 0; s < knownColumns.length; s++) {
            double value = known[knownColumns[s]];
            if (!Double.isNaN(value)) {
                add(s, value);
            }
        }
        for (int e = 0; e < extraColumns.length; e++) {
            int s = knownColumns.length + e;
            String text = sample.extra().get(extraColumns[e]);
            if (text == null || refused[s]) {
                continue;
            }
            double value;
            try {
                value = SampleNumbers.parse(text.toCharArray(), 0, text.length());
            } catch (NumberFormatException notANumber) {
                refused[s] = true;
                continue;
            }
            if (Double.isInfinite(value)) {
                refused[s] = true;
            } else if (!Double.isNaN(value)) {
                add(s, value);
            }
        }
    }

    private void add(int slot, double value) {
        counts[slot]++;
        double sum = sums[slot];
        double total = sum + value;
        // Neumaier: keep the low-order bits that the larger operand pushed out of the sum.
        compensations[slot] += Math.abs(sum) >= Math.abs(value) ? (sum - total) + value : (value - total) + sum;
        sums[slot] = total;
        if (value > maxima[slot]) {
            maxima[slot] = value;
        }
    }

    /** The summary of the rows accepted so far, as a new map (see the class description for its layout). */
    public Map<String, Object> result() {
        Map<String, Object> result = new LinkedHashMap<>();
        Double interval = timestampCount < 2 ? null : medianStep();
        Double duration = timestampCount == 0 ? null
                : timestampCount == 1 ? 0.0 : (lastTimestamp - firstTimestamp) + interval;
        result.put("samples", samples);
        result.put("duration_seconds", duration);
        result.put("interval_seconds", interval);
        Map<String, Object> timestamp = null;
        if (duration != null) {
            timestamp = new LinkedHashMap<>();
            timestamp.put("duration", duration);
        }
        result.put("timestamp", timestamp);
        for (int s = 0; s < aggregates.length; s++) {
            String name = s < knownColumns.length
                    ? SampleColumn.KNOWN.get(knownColumns[s]) : extraColumns[s - knownColumns.length];
            result.put(name, entry(s));
        }
        return result;
    }

    private Map<String, Object> entry(int slot) {
        if (counts[slot] == 0 || refused[slot]) {
            return null;
        }
        double sum = sums[slot] + compensations[slot];
        Map<String, Object> entry = new LinkedHashMap<>();
        switch (aggregates[slot]) {
            case MEAN_MAX:
                entry.put("mean", sum / counts[slot]);
                entry.put("max", maxima[slot]);
                break;
            case MAX:
                entry.put("max", maxima[slot]);
                break;
            case SUM:
                entry.put("sum", sum);
                break;
            default:
                throw new IllegalStateException("no entry for " + aggregates[slot]);
        }
        return entry;
    }

    // The median rather than the mean step, so that one gap (a paused tracker) does not stretch every interval.
    private double medianStep() {
        double[] steps = new double[timestampCount - 1];
        for (int i = 1; i < timestampCount; i++) {
            steps[i - 1] = timestamps[i] - timestamps[i - 1];
        }
        Arrays.sort(steps);
        int middle = steps.length / 2;
        return steps.length % 2 == 1 ? steps[middle] : (steps[middle - 1] + steps[middle]) / 2;
    }
}
