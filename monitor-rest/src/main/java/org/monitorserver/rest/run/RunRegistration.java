package org.monitorserver.rest.run;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.monitorserver.domain.run.Run;
import org.monitorserver.domain.run.RunMetadata;
import org.monitorserver.rest.InvalidRequestException;

/**
 * A run's registration as either real client sends it: one flat object of metadata, {@code host_*} and
 * {@code cloud_*} keys, any of them null or missing, unknown keys kept. Python sends {@code command} as a string
 * holding a JSON array and {@code tags} as an object; Rust sends {@code tags} as a list of strings; a list of
 * {@code {key, value}} objects is read too. Only a listed name longer than {@value Run#NAME_LENGTH} characters is
 * refused.
 */
final class RunRegistration {

    /** The keys that runs are listed and counted by, each a column of its own. */
    static final List<String> NAMES = List.of("project_name", "job_name", "stage_name", "task_name", "team", "env",
            "external_run_id", "host_hostname");

    private RunRegistration() {
    }

    /**
     * The metadata of {@code body}.
     *
     * @throws InvalidRequestException (400) naming each listed key whose value is too long
     */
    static RunMetadata read(JsonObject body) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> errors = new TreeMap<>();
        for (String key : NAMES) {
            String value = scalarText(body.get(key));
            if (value != null && value.length() > Run.NAME_LENGTH) {
                errors.put(key, "must be at most " + Run.NAME_LENGTH + " characters");
            }
            names.put(key, value);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("invalid run registration", errors);
        }
        JsonObjectBuilder kept = Json.createObjectBuilder(body);
        if (body.get("command") instanceof JsonString command) {
            commandArray(command.getString()).ifPresent(array -> kept.add("command", array));
        }
        JsonArrayBuilder tags = Json.createArrayBuilder();
        int count = tags(body.get("tags"), tags);
        return new RunMetadata(names.get("project_name"), names.get("job_name"), names.get("stage_name"),
                names.get("task_name"), names.get("team"), names.get("env"), names.get("external_run_id"),
                names.get("host_hostname"), kept.build().toString(), tags.build().toString(), count);
    }

    /** A scalar's text (a number or boolean in its JSON spelling); null for null, absent, objects and arrays. */
    private static String scalarText(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            default -> null;
        };
    }

    /** The JSON array a {@code command} string holds, if it holds one. */
    private static Optional<JsonValue> commandArray(String command) {
        try (var reader = Json.createReader(new StringReader(command))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.ARRAY ? Optional.of(value)
                    : Optional.empty();
        } catch (RuntimeException e) {
            // Not JSON, or beyond the parser's own limits (nesting depth): kept as the string it is.
            return Optional.empty();
        }
    }

    /** Adds the tags of {@code value} to {@code tags} as {@code {key, value}} objects; returns how many. */
    private static int tags(JsonValue value, JsonArrayBuilder tags) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return 0;
        }
        int count = 0;
        switch (value.getValueType()) {
            case OBJECT -> {
                for (var tag : value.asJsonObject().entrySet()) {
                    tags.add(tag(tag.getKey(), tag.getValue()));
                    count++;
                }
            }
            case ARRAY -> {
                for (JsonValue element : value.asJsonArray()) {
                    if (element.getValueType() == JsonValue.ValueType.OBJECT && element.asJsonObject().containsKey("key")) {
                        JsonObject pair = element.asJsonObject();
                        String key = scalarText(pair.get("key"));
                        tags.add(tag(key == null ? pair.get("key").toString() : key, pair.getOrDefault("value",
                                JsonValue.NULL)));
                    } else if (element.getValueType() != JsonValue.ValueType.NULL) {
                        String key = scalarText(element);
                        tags.add(tag(key == null ? element.toString() : key, JsonValue.NULL));
                    } else {
                        continue;
                    }
                    count++;
                }
            }
            default -> {
                tags.add(tag(scalarText(value), JsonValue.NULL));
                count++;
            }
        }
        return count;
    }

    private static JsonObject tag(String key, JsonValue value) {
        JsonObjectBuilder tag = Json.createObjectBuilder().add("key", key);
        String text = scalarText(value);
        if (text != null) {
            tag.add("value", text);
        } else if (value.getValueType() == JsonValue.ValueType.OBJECT || value.getValueType() == JsonValue.ValueType.ARRAY) {
            tag.add("value", value.toString());
        } else {
            tag.addNull("value");
        }
        return tag.build();
    }
}
