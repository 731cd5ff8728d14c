package org.monitorserver.persistence.usage;

/**
 * The background jobs of one tenant that are not finished: {@code inProgress} running, {@code queued} waiting
 * for a server.
 */
public record QueueFigures(long inProgress, long queued) {

    /** No jobs. */
    public static final QueueFigures NONE = new QueueFigures(0, 0);

    /** Running and queued together. */
    public long total() {
        return inProgress + queued;
    }

    /** These jobs and {@code other}'s: the figures of several job kinds add up. */
    public QueueFigures plus(QueueFigures other) {
        return new QueueFigures(inProgress + other.inProgress, queued + other.queued);
    }
}
