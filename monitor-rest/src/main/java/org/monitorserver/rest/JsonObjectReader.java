package org.monitorserver.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a POST body into a {@link JsonObject}, in place of the server's JSON-P reader: it enforces the body
 * limit (413) before parsing and turns every malformed body into a 400 with a JSON message, so that resources
 * only see well-formed objects.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonObjectReader implements MessageBodyReader<JsonObject> {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    @Inject
    MonitorSettings settings;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        String text = boundedText(headers, body, settings.maxBodyBytes());
        JsonValue value;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            value = singleValue(parser);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, and the parser's own limits (nesting depth), which it throws as bare RuntimeExceptions.
            throw notJson(e);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw notAnObject(value.getValueType().name());
        }
        return value.asJsonObject();
    }

    /**
     * A body's text, within {@code limit} bytes (413 past it) and not empty (400). Decoded as UTF-8 here: JSON
     * between systems is UTF-8 (RFC 8259), and the parser's own encoding detection fails on bodies shorter than
     * two bytes.
     */
    public static String boundedText(MultivaluedMap<String, String> headers, InputStream body, long limit)
            throws IOException {
        String declared = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
            throw new BodyTooLargeException(limit);
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new BodyTooLargeException(limit);
        }
        if (bytes.length == 0) {
            throw new InvalidRequestException("the request body is empty; send a JSON object", Map.of());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The members of the one JSON object {@code text} holds, streamed from the parser's events into a map without
     * building the object model: for the shapes that are read field by field ({@link JsonFields}), such as a
     * metric. A member's value is parsed as a whole only when it is itself an object or array.
     *
     * @throws InvalidRequestException when {@code text} is not JSON or not one object
     */
    public static Map<String, JsonValue> members(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new JsonException("no JSON value");
            }
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT) {
                throw notAnObject(parser.getValue().getValueType().name());
            }
            var members = new HashMap<String, JsonValue>();
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String key = parser.getString();
                parser.next();
                members.put(key, parser.getValue());
            }
            if (parser.hasNext()) {
                throw trailing(parser);
            }
            return members;
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, and the parser's own limits (nesting depth), which it throws as bare RuntimeExceptions.
            throw notJson(e);
        }
    }

    private static InvalidRequestException notJson(RuntimeException e) {
        return new InvalidRequestException("the request body is not valid JSON: " + e.getMessage(), Map.of());
    }

    private static InvalidRequestException notAnObject(String valueType) {
        return new InvalidRequestException("the request body must be a JSON object, not "
                + valueType.toLowerCase(Locale.ROOT), Map.of());
    }

    /** The JSON object {@code text} holds, or empty when it holds anything else or is not JSON. */
    public static Optional<JsonObject> parseObject(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            JsonValue value = singleValue(parser);
            return value.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(value.asJsonObject())
                    : Optional.empty();
        } catch (RuntimeException e) {
            // JsonException, and the parser's own limits (nesting depth), which it throws as bare RuntimeExceptions.
            return Optional.empty();
        }
    }

    private static JsonException trailing(JsonParser parser) {
        return new JsonException("unexpected content after the JSON value at offset "
                + parser.getLocation().getStreamOffset());
    }

    /** One JSON value and nothing after it: a reader alone would ignore trailing content. */
    private static JsonValue singleValue(JsonParser parser) {
        if (!parser.hasNext()) {
            throw new JsonException("no JSON value");
        }
        parser.next();
        JsonValue value = parser.getValue();
        if (parser.hasNext()) {
            throw trailing(parser);
        }
        return value;
    }

}
