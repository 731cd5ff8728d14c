package org.monitorserver.rest;

/** The answer of every {@code .../count} route: {@code {"count": n}}. */
public record CountJson(long count) {
}
