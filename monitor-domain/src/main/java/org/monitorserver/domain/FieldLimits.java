package org.monitorserver.domain;

import java.util.Objects;

/**
 * Column sizes shared by the schema migrations, the entities and the request readers, so that an over-long
 * value is a 400 at the edge and never a database error. Sizes follow pytest-monitor's own SQLite schema,
 * widened where real values are known to be longer. They count UTF-8 bytes, which also bounds characters:
 * PostgreSQL refuses B-tree index entries over about 2,700 bytes, and item names are indexed.
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
    /** Indexed together with items and variants: together they stay under the B-tree entry limit. */
    public static final int COMPONENT = 256;
    public static final int CPU_TYPE = 64;
    public static final int CPU_VENDOR = 256;
    public static final int MACHINE_NODE = 512;
    public static final int MACHINE_TYPE = 64;
    public static final int MACHINE_ARCH = 64;
    public static final int SYSTEM_INFO = 256;
    public static final int PYTHON_INFO = 512;
    /** Pipelines and builds (the {@code pipeline_branch} and {@code pipeline_build_no} tags) are indexed. */
    public static final int PIPELINE = 256;

    private FieldLimits() {
    }

    /**
     * Returns {@code value} if it is non-null, at most {@code max} UTF-8 bytes long and free of NUL characters
     * (PostgreSQL's text columns cannot hold them: such a row would fail its whole transaction, or COPY).
     *
     * @throws IllegalArgumentException naming {@code field} otherwise
     */
    public static String bounded(String field, String value, int max) {
        Objects.requireNonNull(value, () -> field + " is required");
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " must not contain NUL characters");
        }
        if (utf8Length(value) > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " bytes");
        }
        return value;
    }

    /** The length of {@code text} in UTF-8 bytes, without encoding it. */
    public static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
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
