package org.monitorserver.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One side of a comparison ({@link Monitor#compare}), named one way: a build of a pipeline, an exact SCM reference
 * (a branch name with {@code /} is fine), or a session hash. Build it with {@link #build}, {@link #scm} or
 * {@link #session}.
 *
 * @param pipeline the pipeline of a build, or null
 * @param build the build within {@code pipeline}, or null
 * @param scm the SCM reference, or null
 * @param session the session hash, or null
 */
public record Ref(String pipeline, String build, String scm, String session) {

    /** Checks that the side is named exactly one way, without an empty name. */
    public Ref {
        int ways = (pipeline != null || build != null ? 1 : 0) + (scm != null ? 1 : 0) + (session != null ? 1 : 0);
        if (ways != 1) {
            throw new IllegalArgumentException("name a side one way: a pipeline with a build, an SCM reference, or "
                    + "a session");
        }
        if (scm == null && session == null && (pipeline == null || build == null)) {
            throw new IllegalArgumentException("a build is named by its pipeline and its build together");
        }
        for (String name : new String[] {pipeline, build, scm, session}) {
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("the names of a side must not be empty");
            }
        }
    }

    /** Build {@code build} of pipeline {@code pipeline}. */
    public static Ref build(String pipeline, String build) {
        return new Ref(pipeline, build, null, null);
    }

    /** The sessions whose SCM reference is exactly {@code scm}. */
    public static Ref scm(String scm) {
        return new Ref(null, null, scm, null);
    }

    /** The session whose hash is {@code session}. */
    public static Ref session(String session) {
        return new Ref(null, null, null, session);
    }

    /** The query parameters that name this ref as {@code side} ({@code baseline} or {@code contender}). */
    public Map<String, String> parameters(String side) {
        var parameters = new LinkedHashMap<String, String>();
        if (scm != null) {
            parameters.put(side + "_scm", scm);
        } else if (session != null) {
            parameters.put(side + "_session", session);
        } else {
            parameters.put(side + "_pipeline", pipeline);
            parameters.put(side + "_build", build);
        }
        return parameters;
    }
}
