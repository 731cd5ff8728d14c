package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One tag of a session's description. {@code key} is the API document's name, {@code name} (always equal) what
 * the reference query client reads; the value is text (numbers and booleans in their JSON spelling) or null.
 */
@Schema(name = "Tag", description = "One tag of a session's description; key and name are equal")
@JsonbPropertyOrder({"key", "name", "value"})
public record TagJson(
        @JsonbProperty("key") String key,
        @JsonbProperty("name") String name,
        @JsonbProperty("value") @JsonbNillable @Schema(nullable = true) String value) {

    /** The tag {@code key = value}, under both names. */
    public static TagJson of(String key, String value) {
        return new TagJson(key, key, value);
    }
}
