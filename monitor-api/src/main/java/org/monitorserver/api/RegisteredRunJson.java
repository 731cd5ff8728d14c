package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a run's registration: its id, and where and with what its client uploads chunks. */
@Schema(name = "RegisteredRun", description = "A registered run's id and upload settings")
@JsonbPropertyOrder({"runId", "uploadUriPrefix", "uploadCredentials"})
public record RegisteredRunJson(
        @JsonbProperty("run_id") String runId,
        @JsonbProperty("upload_uri_prefix") @Schema(description = "s3://bucket/prefix without a trailing slash, or "
                + "empty without an object store") String uploadUriPrefix,
        @JsonbProperty("upload_credentials") UploadCredentialsJson uploadCredentials) {
}
