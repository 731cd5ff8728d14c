package org.monitorserver.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a bulk request did: how many rows were stored, how many were rejected and why (the
 * {@link #MAX_DETAILS} lowest-numbered rejections in detail, in row order, with their 0-based row numbers).
 */
public final class BulkReport {

    /** Detailed rejections kept at most: a report must stay small when a whole body is wrong. */
    static final int MAX_DETAILS = 1000;

    private long accepted;
    private long rejected;
    /** By row: rows may be rejected out of order (a chunk's conflicts after its later rows' validation). */
    private final TreeMap<Integer, Rejection> details = new TreeMap<>();

    /** Counts {@code rows} stored rows. */
    public void accept(long rows) {
        accepted += rows;
    }

    /** Records a rejected row. */
    public void reject(int row, String message, Map<String, String> errors) {
        rejected++;
        details.put(row, new Rejection(row, message, errors.isEmpty() ? null : errors));
        if (details.size() > MAX_DETAILS) {
            details.pollLastEntry();
        }
    }

    /** The answer: {@code {"accepted": n, "rejected": m, "rejections": [...]}}. */
    public Json json() {
        return new Json(accepted, rejected, List.copyOf(details.values()));
    }

    /** One rejected row. */
    @JsonbPropertyOrder({"row", "message", "errors"})
    public record Rejection(int row, String message, @JsonbNillable(false) Map<String, String> errors) {
    }

    /** The wire form of the report. */
    @JsonbPropertyOrder({"accepted", "rejected", "rejections"})
    public record Json(long accepted, long rejected, List<Rejection> rejections) {
    }
}
