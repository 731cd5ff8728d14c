package org.monitorserver.domain;

import java.util.Objects;

/**
 * Column sizes shared by the schema migrations, the entities and the request readers, so that an over-long
 * value is a 400 at the edge and never a database error. Sizes follow pytest-monitor's own SQLite schema,
 * widened where real values are known to be longer.
 */
public final class FieldLimits {

    public static final int HASH = 128;
    public static final int SCM_REF = 128;
    public static final int TAG_KEY = 256;
    public static final int TAG_VALUE = 1024;
    public static final int ITEM_PATH = 4096;
    public static final int ITEM = 2048;
    public static final int ITEM_VARIANT = 2048;
    public static final int ITEM_FS_LOC = 2048;
    public static final int KIND = 64;
    public static final int COMPONENT = 512;
    public static final int CPU_TYPE = 64;
    public static final int CPU_VENDOR = 256;
    public static final int MACHINE_NODE = 512;
    public static final int MACHINE_TYPE = 64;
    public static final int MACHINE_ARCH = 64;
    public static final int SYSTEM_INFO = 256;
    public static final int PYTHON_INFO = 512;

    private FieldLimits() {
    }

    /**
     * Returns {@code value} if it is non-null and at most {@code max} characters long.
     *
     * @throws IllegalArgumentException naming {@code field} otherwise
     */
    public static String bounded(String field, String value, int max) {
        Objects.requireNonNull(value, () -> field + " is required");
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return value;
    }

    /** Like {@link #bounded} but {@code null} passes through: for optional columns. */
    public static String boundedOrNull(String field, String value, int max) {
        return value == null ? null : bounded(field, value, max);
    }

    /**
     * Returns {@code hash} if it can identify a session or context: 1 to {@link #HASH} characters, no
     * whitespace and no {@code /}, because hashes are looked up by URL path segment.
     */
    public static String hash(String field, String hash) {
        bounded(field, hash, HASH);
        if (!isHash(hash)) {
            throw new IllegalArgumentException(field + " must be 1 to " + HASH + " characters without spaces or '/'");
        }
        return hash;
    }

    /** Whether {@code value} is an acceptable session or context hash (see {@link #hash}). */
    public static boolean isHash(String value) {
        if (value == null || value.isEmpty() || value.length() > HASH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code value} if it is a finite number: JSON has no NaN or infinity, and neither do our columns. */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number");
        }
        return value;
    }
}
