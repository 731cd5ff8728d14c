package org.monitorserver.rest.run;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.monitorserver.api.RunJson;
import org.monitorserver.api.RunProcessingJson;
import org.monitorserver.api.RunResultJson;
import org.monitorserver.api.TagJson;
import org.monitorserver.api.UploadCredentialsJson;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.run.Run;
import org.monitorserver.persistence.run.ObjectStore.UploadCredentials;

/** Runs and upload credentials in their wire forms. */
final class RunAssembler {

    private RunAssembler() {
    }

    /** A run with its processing and statistics. */
    static RunResultJson toResult(Run run) {
        return new RunResultJson(toJson(run), processing(run), JsonValues.object(run.getStats()));
    }

    static RunJson toJson(Run run) {
        return new RunJson(run.getRunKey(), run.getStatus().wire(), IsoDateTime.formatUtc(run.getCreatedAt()),
                IsoDateTime.formatUtc(run.getHeartbeatAt()), IsoDateTime.formatUtc(run.getFinishedAt()),
                run.getExitCode(), run.getTagCount(), tags(run.getTags()), run.getProjectName(), run.getJobName(),
                run.getStageName(), run.getTaskName(), run.getTeam(), run.getEnv(), run.getExternalRunId(),
                run.getHostHostname(), run.getDataSource() == null ? null : run.getDataSource().wire(),
                run.getUploadPrefix(), JsonValues.object(run.getMetadata()));
    }

    static UploadCredentialsJson toJson(UploadCredentials credentials) {
        String expires = credentials.expiresAt() == null ? "" : IsoDateTime.formatUtc(credentials.expiresAt());
        return new UploadCredentialsJson(credentials.accessKey(), credentials.secretKey(),
                credentials.sessionToken(), credentials.region(), expires, expires);
    }

    private static RunProcessingJson processing(Run run) {
        return new RunProcessingJson(run.getProcessing() == null ? "pending" : run.getProcessing().wire(),
                run.getProcessingRows(), run.getProcessingFiles(), run.getProcessingMillis(),
                run.getProcessingError());
    }

    private static List<TagJson> tags(String json) {
        return JsonValues.array(json).getValuesAs(JsonObject.class).stream()
                .map(tag -> TagJson.of(tag.getString("key"), tag.get("value") instanceof JsonString value
                        ? value.getString() : null))
                .toList();
    }
}
