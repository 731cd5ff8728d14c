package org.monitorserver.rest.run;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON texts kept on a run, turned into the plain Java values that JSON-B writes back unchanged: objects into
 * ordered maps, arrays into lists, whole numbers into {@code Long} (or {@code BigInteger}), others into
 * {@code Double}.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** The JSON object {@code text} holds, as a map; null for null text. */
    static Map<String, Object> object(String text) {
        if (text == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return object(reader.readObject());
        }
    }

    /** The JSON array {@code text} holds. */
    static JsonArray array(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }

    static Map<String, Object> object(JsonObject object) {
        var map = new LinkedHashMap<String, Object>();
        object.forEach((name, value) -> map.put(name, java(value)));
        return map;
    }

    static Object java(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> object(value.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(element -> list.add(java(element)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                if (!number.isIntegral()) {
                    yield number.doubleValue();
                }
                var exact = number.bigIntegerValue();
                yield exact.bitLength() < 64 ? (Object) exact.longValue() : exact;
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
