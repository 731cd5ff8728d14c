package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a credentials refresh of a run. */
@Schema(name = "RefreshedCredentials", description = "New upload credentials for a run")
public record RefreshedCredentialsJson(@JsonbProperty("upload_credentials") UploadCredentialsJson uploadCredentials) {
}
