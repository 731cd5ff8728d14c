package org.monitorserver.domain.session;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.monitorserver.domain.FieldLimits;

/**
 * A session's description, the JSON object of tags pytest-monitor writes ({@code description} in the API,
 * {@code RUN_DESCRIPTION} in a {@code .pymon} file), turned into {@link Tag}s by one rule for every way in: at
 * most {@value #MAX_TAGS} tags, names of 1 to {@link FieldLimits#TAG_KEY} bytes, values strings, numbers (in
 * their JSON spelling), booleans or null, no NUL characters, and the CI tags within {@link FieldLimits#PIPELINE}.
 */
public final class Description {

    /** More tags than any CI adds by far; bounds the work one session can cause. */
    public static final int MAX_TAGS = 256;

    private Description() {
    }

    /**
     * The tags of {@code description}; each tag that breaks the rule is left out and reported to {@code reject}
     * as ({@code description.<name>}, reason), or the whole object as ({@code description}, reason).
     */
    public static List<Tag> tags(JsonObject description, BiConsumer<String, String> reject) {
        if (description.size() > MAX_TAGS) {
            reject.accept("description", "must have at most " + MAX_TAGS + " tags");
            return List.of();
        }
        var tags = new ArrayList<Tag>(description.size());
        for (Map.Entry<String, JsonValue> entry : description.entrySet()) {
            String field = "description." + entry.getKey();
            String value = tagValue(entry.getValue());
            int limit = Session.isPipelineTag(entry.getKey()) ? FieldLimits.PIPELINE : FieldLimits.TAG_VALUE;
            if (entry.getKey().isEmpty() || FieldLimits.utf8Length(entry.getKey()) > FieldLimits.TAG_KEY) {
                reject.accept(field, "tag names must be 1 to " + FieldLimits.TAG_KEY + " bytes (UTF-8)");
            } else if (entry.getKey().indexOf('\0') >= 0 || (value != null && value.indexOf('\0') >= 0)) {
                reject.accept(field, "must not contain NUL characters");
            } else if (value == null && entry.getValue().getValueType() != JsonValue.ValueType.NULL) {
                reject.accept(field, "must be a string, number, boolean or null");
            } else if (value != null && FieldLimits.utf8Length(value) > limit) {
                reject.accept(field, "must be at most " + limit + " bytes (UTF-8)");
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
