package org.monitorserver.client.local;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags of a session as {@code RUN_DESCRIPTION} holds them (a JSON object, or a JSON string holding one),
 * spelled as the server stores them: strings as they are, numbers and booleans in their JSON spelling, null as
 * null.
 */
final class SessionDescription {

    private SessionDescription() {
    }

    /**
     * The tags of {@code description}, in their order; none for null or blank text.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    static Map<String, String> tags(String description) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (description == null || description.isBlank()) {
            return tags;
        }
        JsonValue value = read(description);
        if (value instanceof JsonString text) {
            // Some producers store the description as a JSON string that holds the object.
            value = read(text.getString());
        }
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException("the description is not a JSON object: " + description);
        }
        object.forEach((name, tag) -> tags.put(name, spelling(tag)));
        return tags;
    }

    private static JsonValue read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new IllegalArgumentException("the description is not JSON: " + json, e);
        }
    }

    private static String spelling(JsonValue tag) {
        return switch (tag.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) tag).getString();
            default -> tag.toString();
        };
    }
}
