package org.monitorserver.client.model;

/** How the tag conditions of a session listing combine. */
public enum MatchMethod {
    /** A session passes when at least one condition holds (the default). */
    MATCH_ANY,
    /** A session passes when every condition holds. */
    MATCH_ALL;

    /** The spelling of the {@code method} query parameter. */
    public String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
