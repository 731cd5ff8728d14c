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
        long limit = settings.maxBodyBytes();
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
        JsonValue value;
        // Decoded as UTF-8 here: JSON between systems is UTF-8 (RFC 8259), and the parser's own encoding
        // detection fails on bodies shorter than two bytes.
        try (JsonParser parser = PARSERS.createParser(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            value = singleValue(parser);
        } catch (JsonException e) {
            throw new InvalidRequestException("the request body is not valid JSON: " + e.getMessage(), Map.of());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException("the request body must be a JSON object, not " + value.getValueType()
                    .name().toLowerCase(Locale.ROOT), Map.of());
        }
        return value.asJsonObject();
    }

    /** The JSON object {@code text} holds, or empty when it holds anything else or is not JSON. */
    public static Optional<JsonObject> parseObject(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            JsonValue value = singleValue(parser);
            return value.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(value.asJsonObject())
                    : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    /** One JSON value and nothing after it: a reader alone would ignore trailing content. */
    private static JsonValue singleValue(JsonParser parser) {
        if (!parser.hasNext()) {
            throw new JsonException("no JSON value");
        }
        parser.next();
        JsonValue value = parser.getValue();
        if (parser.hasNext()) {
            throw new JsonException("unexpected content after the JSON value at offset "
                    + parser.getLocation().getStreamOffset());
        }
        return value;
    }

}
