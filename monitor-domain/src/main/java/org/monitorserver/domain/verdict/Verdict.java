package org.monitorserver.domain.verdict;

/** What a {@link VerdictRule} concluded about one test and resource; higher resource use is always worse. */
public enum Verdict {
    /** The contender uses more, beyond the threshold and beyond the noise of every applicable check. */
    REGRESSED("regressed"),
    /** The contender uses less, beyond the threshold and beyond the noise of every applicable check. */
    IMPROVED("improved"),
    /** Within the threshold, or within the noise of at least one applicable check. */
    UNCHANGED("unchanged"),
    /** Beyond the threshold, but no noise check had the data to apply. */
    NOT_ENOUGH_HISTORY("not_enough_history");

    private final String wireName;

    Verdict(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the API, such as {@code not_enough_history}. */
    public String wireName() {
        return wireName;
    }
}
