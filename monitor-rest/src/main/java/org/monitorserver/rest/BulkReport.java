package org.monitorserver.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.monitorserver.api.BulkReportJson;

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
    private final TreeMap<Integer, BulkReportJson.Rejection> details = new TreeMap<>();

    /** Counts {@code rows} stored rows. */
    public void accept(long rows) {
        accepted += rows;
    }

    /** Records a rejected row. */
    public void reject(int row, String message, Map<String, String> errors) {
        rejected++;
        details.put(row, new BulkReportJson.Rejection(row, message, errors.isEmpty() ? null : errors));
        if (details.size() > MAX_DETAILS) {
            details.pollLastEntry();
        }
    }

    /** The answer: {@code {"accepted": n, "rejected": m, "rejections": [...]}}. */
    public BulkReportJson json() {
        return new BulkReportJson(accepted, rejected, List.copyOf(details.values()));
    }
}
