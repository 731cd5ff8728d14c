package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The credentials a run's client uploads its chunks with. Every field is a string, empty when the server has no
 * object store; {@code expires_at} and {@code expiration} are the same ISO 8601 UTC time (the two clients read
 * one each).
 */
@Schema(name = "UploadCredentials", description = "Object-store credentials for a run's uploads")
@JsonbPropertyOrder({"accessKey", "secretKey", "sessionToken", "region", "expiresAt", "expiration"})
public record UploadCredentialsJson(
        @JsonbProperty("access_key") String accessKey,
        @JsonbProperty("secret_key") String secretKey,
        @JsonbProperty("session_token") String sessionToken,
        @JsonbProperty("region") String region,
        @JsonbProperty("expires_at") String expiresAt,
        @JsonbProperty("expiration") String expiration) {
}
