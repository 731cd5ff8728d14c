package org.monitorserver.client;

import java.util.Objects;

/**
 * What a resource ranking ranks: every metric, the metrics of a component, of a pipeline's sessions, or of a
 * build's sessions.
 *
 * @param component the component, or null
 * @param pipeline the pipeline, or null
 * @param build the build within {@code pipeline}, or null
 */
public record RankingScope(String component, String pipeline, String build) {

    /** Every metric. */
    public static final RankingScope ALL = new RankingScope(null, null, null);

    /** Checks that a build comes with its pipeline and a component alone. */
    public RankingScope {
        if (build != null) {
            Objects.requireNonNull(pipeline, "a build needs its pipeline");
        }
        if (component != null && pipeline != null) {
            throw new IllegalArgumentException("a ranking is by component or by pipeline, not both");
        }
    }

    /** The metrics of {@code component}. */
    public static RankingScope component(String component) {
        return new RankingScope(Objects.requireNonNull(component, "component"), null, null);
    }

    /** The metrics of the sessions of {@code pipeline}. */
    public static RankingScope pipeline(String pipeline) {
        return new RankingScope(null, Objects.requireNonNull(pipeline, "pipeline"), null);
    }

    /** The metrics of the sessions of build {@code build} of {@code pipeline}. */
    public static RankingScope build(String pipeline, String build) {
        return new RankingScope(null, Objects.requireNonNull(pipeline, "pipeline"), Objects.requireNonNull(build,
                "build"));
    }
}
