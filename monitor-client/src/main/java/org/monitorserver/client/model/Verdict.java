package org.monitorserver.client.model;

import java.util.Locale;

/** What a comparison says of one test's resource between a baseline and a contender (the server decides). */
public enum Verdict {
    /** The contender uses more, beyond the threshold and the test's noise. */
    REGRESSED,
    /** The contender uses less, beyond the threshold and the test's noise. */
    IMPROVED,
    /** No change beyond the threshold and the noise. */
    UNCHANGED,
    /** Too few earlier builds or runs to tell a change from noise. */
    NOT_ENOUGH_HISTORY;

    /** The verdict as the API spells it: {@code regressed}, {@code improved}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The verdict whose wire name (or enum name) is {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Verdict parse(String name) {
        for (Verdict verdict : values()) {
            if (verdict.name().equalsIgnoreCase(name)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + name
                + "'; allowed: regressed, improved, unchanged, not_enough_history");
    }
}
