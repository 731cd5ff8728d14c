package org.monitorserver.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.monitorserver.domain.FieldLimits;
import org.monitorserver.domain.IsoDateTime;

/**
 * Reads the fields of a posted JSON object by type, collecting one reason per bad field instead of stopping at
 * the first, so that a client learns everything wrong with its request at once. A field may have aliases (the
 * API document's spellings, such as {@code wall_time} for {@code total_time}); errors name the spelling the
 * client used. Unknown fields are ignored: newer clients may send more.
 */
public final class JsonFields {

    private final Map<String, JsonValue> json;
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** @param json a JSON object, or the members of one as {@link JsonObjectReader#members} streams them */
    public JsonFields(Map<String, JsonValue> json) {
        this.json = json;
    }

    /** A required string of at most {@code max} characters; empty allowed. */
    public String string(int max, String name, String... aliases) {
        String key = present(name, aliases);
        return key == null ? null : bounded(key, json.get(key), max);
    }

    /** A required string of 1 to {@code max} characters. */
    public String nonEmptyString(int max, String name, String... aliases) {
        String key = present(name, aliases);
        String value = key == null ? null : bounded(key, json.get(key), max);
        if (value != null && value.isEmpty()) {
            errors.put(key, "must not be empty");
            return null;
        }
        return value;
    }

    /** An optional string: absent and {@code null} give {@code null}. */
    public String optionalString(int max, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : bounded(name, value, max);
    }

    /** A string that is empty when absent or {@code null}, such as a metric's component. */
    public String stringOrEmpty(int max, String name) {
        String value = optionalString(max, name);
        return value == null ? "" : value;
    }

    /** A required session or context hash ({@link FieldLimits#isHash}). */
    public String hash(String name, String... aliases) {
        String key = present(name, aliases);
        String value = key == null ? null : bounded(key, json.get(key), FieldLimits.HASH);
        if (value != null && !FieldLimits.isHash(value)) {
            errors.put(key, "must be 1 to " + FieldLimits.HASH + " characters without spaces or '/'");
            return null;
        }
        return value;
    }

    /** A required finite number; integers and floats both fit. */
    public double number(String name, String... aliases) {
        String key = present(name, aliases);
        JsonNumber number = key == null ? null : jsonNumber(key);
        if (number == null) {
            return 0;
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            errors.put(key, "is out of range");
            return 0;
        }
        return value;
    }

    /** A required whole number from 0 to {@code max}; {@code 8.0} counts as whole. */
    public long wholeNumber(long max, String name, String... aliases) {
        String key = present(name, aliases);
        JsonNumber number = key == null ? null : jsonNumber(key);
        if (number == null) {
            return 0;
        }
        BigDecimal value = number.bigDecimalValue();
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0
                || value.stripTrailingZeros().scale() > 0) {
            errors.put(key, "must be a whole number from 0 to " + max);
            return 0;
        }
        return value.longValueExact();
    }

    /** A required ISO 8601 date-time ({@link IsoDateTime}). */
    public LocalDateTime dateTime(String name, String... aliases) {
        String key = present(name, aliases);
        String text = key == null ? null : bounded(key, json.get(key), 64);
        if (text == null) {
            return null;
        }
        return IsoDateTime.parse(text).orElseGet(() -> {
            errors.put(key, "must be an ISO 8601 date-time such as 2026-11-21T10:15:02.123456");
            return null;
        });
    }

    /** The raw value of an optional field, for shapes this class does not know (a session's description). */
    public JsonValue raw(String name) {
        return json.get(name);
    }

    /** Records a reason found by the caller. */
    public void reject(String field, String reason) {
        errors.putIfAbsent(field, reason);
    }

    /** @throws InvalidRequestException naming every bad field, if there is any */
    public void throwIfInvalid(String what) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("invalid " + what + ": " + errors.size()
                    + (errors.size() == 1 ? " field is" : " fields are") + " missing or wrong", errors);
        }
    }

    /** The key the client used for this field, or null (with the error recorded) when it is missing or clashing. */
    private String present(String name, String... aliases) {
        String found = json.containsKey(name) ? name : null;
        for (String alias : aliases) {
            if (json.containsKey(alias)) {
                if (found != null && !sameValue(json.get(found), json.get(alias))) {
                    errors.put(alias, "differs from " + found + ", which means the same");
                    return null;
                }
                found = found == null ? alias : found;
            }
        }
        if (found == null || json.get(found).getValueType() == JsonValue.ValueType.NULL) {
            errors.put(name, aliases.length == 0 ? "is required"
                    : "is required (also accepted as " + String.join(" or ", aliases) + ")");
            return null;
        }
        return found;
    }

    private String bounded(String key, JsonValue value, int max) {
        if (!(value instanceof JsonString string)) {
            errors.put(key, "must be a string");
            return null;
        }
        String text = string.getString();
        if (text.indexOf('\0') >= 0) {
            errors.put(key, "must not contain NUL characters");
            return null;
        }
        if (FieldLimits.utf8Length(text) > max) {
            errors.put(key, "must be at most " + max + " bytes (UTF-8)");
            return null;
        }
        return text;
    }

    private JsonNumber jsonNumber(String key) {
        if (!(json.get(key) instanceof JsonNumber number)) {
            errors.put(key, "must be a number");
            return null;
        }
        return number;
    }

    /** JSON equality, except that numbers compare by value ({@code 2} and {@code 2.0} are the same). */
    private static boolean sameValue(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
        }
        return a.equals(b);
    }
}
