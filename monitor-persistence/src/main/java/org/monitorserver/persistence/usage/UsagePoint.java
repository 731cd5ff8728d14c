package org.monitorserver.persistence.usage;

/**
 * The node usage of one bucket: {@code time} its start (epoch seconds, clipped to the report's start) and
 * {@code value} the node-seconds in it, whole seconds rounded down.
 */
public record UsagePoint(long time, long value) {
}
