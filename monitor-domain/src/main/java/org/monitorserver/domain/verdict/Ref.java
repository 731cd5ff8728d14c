package org.monitorserver.domain.verdict;

import java.util.Objects;

/** What a side of a comparison is: a pipeline's build, the sessions of one SCM reference, or one session. */
public sealed interface Ref {

    /** The sessions of build {@code build} of pipeline {@code pipeline} (the tags pytest-monitor sends). */
    record OfBuild(String pipeline, String build) implements Ref {
        public OfBuild {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(build, "build");
        }
    }

    /** The sessions whose SCM reference is exactly {@code scmRef} (a commit, or a branch name with slashes). */
    record OfScm(String scmRef) implements Ref {
        public OfScm {
            Objects.requireNonNull(scmRef, "scmRef");
        }
    }

    /** One session. */
    record OfSession(String sessionHash) implements Ref {
        public OfSession {
            Objects.requireNonNull(sessionHash, "sessionHash");
        }
    }
}
