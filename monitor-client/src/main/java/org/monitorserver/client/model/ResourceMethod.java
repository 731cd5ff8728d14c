package org.monitorserver.client.model;

/** The direction of a resource ranking. */
public enum ResourceMethod {
    /** Highest use first: the server's {@code head}. */
    TOP("head"),
    /** Lowest use first: the server's {@code tail}. */
    LOWEST("tail");

    private final String direction;

    ResourceMethod(String direction) {
        this.direction = direction;
    }

    /** The path segment of the ranking routes: {@code head} or {@code tail}. */
    public String direction() {
        return direction;
    }
}
