package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tracked run, as the run API answers it: its id and state, the keys runs are listed by, its tags, and
 * {@code metadata}, everything the registration sent (unknown keys included, {@code command} as a list when it
 * arrived as a JSON array in a string). Times are ISO 8601 in UTC.
 */
@Schema(name = "Run", description = "A run registered by resource-tracker's Sentinel client")
@JsonbPropertyOrder({"runId", "runStatus", "createdAt", "heartbeatAt", "finishedAt", "exitCode", "tagCount", "tags",
        "projectName", "jobName", "stageName", "taskName", "team", "env", "externalRunId", "hostHostname",
        "dataSource", "uploadUriPrefix", "metadata"})
public record RunJson(
        @JsonbProperty("run_id") String runId,
        @JsonbProperty("run_status") @Schema(enumeration = {"running", "finished", "failed"}) String runStatus,
        @JsonbProperty("created_at") @Schema(type = SchemaType.STRING, description = "ISO 8601, UTC") String createdAt,
        @JsonbProperty("heartbeat_at") @Schema(description = "Registration or last credentials refresh, ISO 8601, UTC")
        String heartbeatAt,
        @JsonbProperty("finished_at") @JsonbNillable @Schema(nullable = true) String finishedAt,
        @JsonbProperty("exit_code") @JsonbNillable @Schema(nullable = true) Integer exitCode,
        @JsonbProperty("tag_count") int tagCount,
        @JsonbProperty("tags") List<TagJson> tags,
        @JsonbProperty("project_name") @JsonbNillable @Schema(nullable = true) String projectName,
        @JsonbProperty("job_name") @JsonbNillable @Schema(nullable = true) String jobName,
        @JsonbProperty("stage_name") @JsonbNillable @Schema(nullable = true) String stageName,
        @JsonbProperty("task_name") @JsonbNillable @Schema(nullable = true) String taskName,
        @JsonbProperty("team") @JsonbNillable @Schema(nullable = true) String team,
        @JsonbProperty("env") @JsonbNillable @Schema(nullable = true) String env,
        @JsonbProperty("external_run_id") @JsonbNillable @Schema(nullable = true) String externalRunId,
        @JsonbProperty("host_hostname") @JsonbNillable @Schema(nullable = true) String hostHostname,
        @JsonbProperty("data_source") @JsonbNillable @Schema(nullable = true, enumeration = {"inline", "s3"})
        String dataSource,
        @JsonbProperty("upload_uri_prefix") @Schema(description = "s3://bucket/prefix, or empty without an object store")
        String uploadUriPrefix,
        @JsonbProperty("metadata") @Schema(description = "The registration as sent, unknown keys included")
        Map<String, Object> metadata) {
}
