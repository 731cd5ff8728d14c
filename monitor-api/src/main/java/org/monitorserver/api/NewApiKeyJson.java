package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key just issued or rotated: the only answer that holds the key. */
@Schema(name = "NewApiKey", description = "A new API key: the key is shown this once and never again")
@JsonbPropertyOrder({"id", "key"})
public record NewApiKeyJson(
        @JsonbProperty("id") long id,
        @JsonbProperty("key") @Schema(description = "Send it as Authorization: Bearer KEY, as the password of HTTP "
                + "Basic user:KEY, or as Monitor-ApiKey") String key) {

    @Override
    public String toString() {
        return "NewApiKeyJson[id=" + id + "]";
    }
}
