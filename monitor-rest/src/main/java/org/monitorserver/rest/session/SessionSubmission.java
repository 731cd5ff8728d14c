package org.monitorserver.rest.session;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.monitorserver.domain.FieldLimits;
import org.monitorserver.domain.session.Description;
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
        return Description.tags(object, fields::reject);
    }
}
