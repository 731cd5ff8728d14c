package org.monitorserver.domain.run;

import java.util.Objects;

/**
 * What a run's registration says of it: the keys that runs are listed by (null when not sent), the whole
 * registration as a JSON object ({@code json}, unknown keys included), and its tags as a JSON array of
 * {@code {key, value}} objects. The REST layer reads the wire forms into this; the domain never parses JSON.
 */
public record RunMetadata(String projectName, String jobName, String stageName, String taskName, String team,
        String env, String externalRunId, String hostHostname, String json, String tagsJson, int tagCount) {

    public RunMetadata {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(tagsJson, "tagsJson");
        for (String name : new String[] {projectName, jobName, stageName, taskName, team, env, externalRunId,
                hostHostname}) {
            if (name != null && name.length() > Run.NAME_LENGTH) {
                throw new IllegalArgumentException("a run's names hold at most " + Run.NAME_LENGTH + " characters");
            }
        }
    }
}
