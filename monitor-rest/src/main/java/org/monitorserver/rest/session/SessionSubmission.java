package org.monitorserver.rest.session;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.monitorserver.domain.FieldLimits;
import org.monitorserver.domain.session.Session;
import org.monitorserver.domain.session.Tag;
import org.monitorserver.rest.JsonFields;
import org.monitorserver.rest.JsonObjectReader;

/**
 * A posted session: {@code session_h} (or the API document's {@code h}), {@code run_date}, an optional
 * {@code scm_ref} and an optional {@code description} of tags, given as a JSON object or as a string holding
 * one. Tag values may be strings, numbers, booleans or null, but not nested objects or arrays.
 */
@Schema(name = "SessionSubmission", description = "A test session. Alias accepted: h for session_h.")
public record SessionSubmission(
        @Schema(name = "session_h", required = true, maxLength = FieldLimits.HASH) String sessionH,
        @Schema(name = "run_date", required = true, description = "ISO 8601") LocalDateTime runDate,
        @Schema(name = "scm_ref", description = "Commit or other SCM reference; may be empty") String scmRef,
        // Documented as the object clients send, not as the domain tags it becomes (no schema of its own).
        @Schema(name = "description", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                implementation = java.util.Map.class, description = "Tags: a JSON object of depth 1 (or a string holding one); defaults to {}")
        List<Tag> tags) {

    /** More tags than any CI adds by far; bounds the work one request can cause. */
    static final int MAX_TAGS = 256;

    /** @throws org.monitorserver.rest.InvalidRequestException naming every missing or mistyped field */
    public static SessionSubmission read(JsonObject json) {
        var fields = new JsonFields(json);
        var submission = new SessionSubmission(
                fields.hash("session_h", "h"),
                fields.dateTime("run_date"),
                fields.optionalString(FieldLimits.SCM_REF, "scm_ref"),
                tags(fields));
        fields.throwIfInvalid("session");
        return submission;
    }

    public Session toSession(long tenant) {
        return new Session(tenant, sessionH, runDate, scmRef, tags);
    }

    private static List<Tag> tags(JsonFields fields) {
        JsonValue description = fields.raw("description");
        JsonObject object = switch (description == null ? JsonValue.ValueType.NULL : description.getValueType()) {
            case NULL -> JsonValue.EMPTY_JSON_OBJECT;
            case OBJECT -> description.asJsonObject();
            case STRING -> JsonObjectReader.parseObject(((JsonString) description).getString()).orElse(null);
            default -> null;
        };
        if (object == null) {
            fields.reject("description", "must be a JSON object of tags, or a string holding one");
            return List.of();
        }
        if (object.size() > MAX_TAGS) {
            fields.reject("description", "must have at most " + MAX_TAGS + " tags");
            return List.of();
        }
        var tags = new ArrayList<Tag>(object.size());
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String field = "description." + entry.getKey();
            String value = tagValue(entry.getValue());
            int limit = Session.isPipelineTag(entry.getKey()) ? FieldLimits.PIPELINE : FieldLimits.TAG_VALUE;
            if (entry.getKey().isEmpty() || FieldLimits.utf8Length(entry.getKey()) > FieldLimits.TAG_KEY) {
                fields.reject(field, "tag names must be 1 to " + FieldLimits.TAG_KEY + " bytes (UTF-8)");
            } else if (entry.getKey().indexOf('\0') >= 0 || (value != null && value.indexOf('\0') >= 0)) {
                fields.reject(field, "must not contain NUL characters");
            } else if (value == null && entry.getValue().getValueType() != JsonValue.ValueType.NULL) {
                fields.reject(field, "must be a string, number, boolean or null");
            } else if (value != null && FieldLimits.utf8Length(value) > limit) {
                fields.reject(field, "must be at most " + limit + " bytes (UTF-8)");
            } else {
                tags.add(new Tag(entry.getKey(), value));
            }
        }
        return tags;
    }

    /** A tag value as text: strings as they are, numbers and booleans in their JSON spelling, else null. */
    private static String tagValue(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).toString();
            case TRUE -> "true";
            case FALSE -> "false";
            default -> null;
        };
    }
}
