package org.monitorserver.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The POST body reader, called as the JAX-RS runtime calls it, and its string parser for embedded JSON. */
class JsonObjectReaderTest {

    private static final long LIMIT = 1_048_576;

    private static JsonObjectReader reader() {
        return reader(LIMIT);
    }

    /** A reader as the server builds it, with bodies limited to {@code limit} bytes (also for the fuzz test). */
    static JsonObjectReader reader(long limit) {
        var settings = new MonitorSettings();
        settings.paginationCount = 500;
        settings.maxBodyBytes = limit;
        var reader = new JsonObjectReader();
        reader.settings = settings;
        return reader;
    }

    private static JsonObject read(MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return reader().readFrom(JsonObject.class, null, new Annotation[0], MediaType.APPLICATION_JSON_TYPE, headers,
                body);
    }

    private static JsonObject read(byte[] body) throws IOException {
        return read(new MultivaluedHashMap<>(), new ByteArrayInputStream(body));
    }

    private static JsonObject read(String body) throws IOException {
        return read(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String rejection(String body) {
        return assertThrows(InvalidRequestException.class, () -> read(body)).getMessage();
    }

    @Test
    void nestingBeyondTheParsersLimitIs400NotA500() {
        // The parser throws a bare RuntimeException past 1,000 levels; ReaderFuzzTest found it answered 500.
        String deep = "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertTrue(rejection(deep).startsWith("the request body is not valid JSON"));
        assertTrue(JsonObjectReader.parseObject(deep).isEmpty());
        assertThrows(InvalidRequestException.class, () -> JsonObjectReader.members(deep));
    }

    // parseObject: the description of a session may be a string holding an object.

    @Test
    void parseObjectGivesTheObject() {
        assertEquals(Optional.of(Json.createObjectBuilder().add("a", 1).build()),
                JsonObjectReader.parseObject("{\"a\":1}"));
    }

    @Test
    void parseObjectAllowsSurroundingWhitespace() {
        assertTrue(JsonObjectReader.parseObject(" \n{\"a\":1}\t ").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} junk", "{\"a\":1}{\"b\":2}", "{\"a\":1} {}", "{\"a\":1}]", "[1]", "1", "\"s\"",
            "null", "", " ", "nope", "{\"a\":"})
    void parseObjectIsEmptyForAnythingButOneObject(String text) {
        assertEquals(Optional.empty(), JsonObjectReader.parseObject(text));
    }

    // readFrom: every POST body.

    @Test
    void objectBodyIsRead() throws IOException {
        assertEquals(Json.createObjectBuilder().add("a", 1).build(), read("{\"a\":1}"));
    }

    @Test
    void objectBodyWithTrailingWhitespaceIsRead() throws IOException {
        assertEquals(Json.createObjectBuilder().add("a", 1).build(), read("{\"a\":1}\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} x", "{\"a\":1}{\"b\":2}", "{\"a\":1} {}", "{\"a\":1}]", "{\"a\":", "nope"})
    void bodyThatIsNotOneJsonValueIsRejectedAsInvalidJson(String body) {
        String message = rejection(body);
        assertTrue(message.contains("not valid JSON"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "4", "42", "\"text\"", "true", "null"})
    void bodyThatIsNotAnObjectIsRejected(String body) {
        String message = rejection(body);
        assertTrue(message.contains("JSON object"), message);
    }

    @Test
    void emptyBodyIsRejected() {
        String message = rejection("");
        assertTrue(message.contains("empty"), message);
    }

    @Test
    void bodyAtTheLimitIsRead() throws IOException {
        byte[] body = paddedObject((int) LIMIT);
        assertEquals(1, read(body).size());
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        var e = assertThrows(BodyTooLargeException.class, () -> read(paddedObject((int) LIMIT + 1)));
        assertTrue(e.getMessage().contains(Long.toString(LIMIT)), e.getMessage());
    }

    @Test
    void declaredLengthOverTheLimitIsTooLargeBeforeReading() {
        var headers = new MultivaluedHashMap<String, String>();
        headers.putSingle(HttpHeaders.CONTENT_LENGTH, Long.toString(LIMIT + 1));
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        assertThrows(BodyTooLargeException.class, () -> read(headers, unread));
    }

    /** A JSON object of exactly {@code size} bytes: {"p":"ppp…"}. */
    private static byte[] paddedObject(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'p');
        byte[] head = "{\"p\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    // members: the streamed reading of a metric's body gives what the object model gives.

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"a\":1,\"b\":\"x\\u00e9\\\"\",\"c\":null,\"d\":true,\"e\":[1,{\"f\":2}],\"g\":{\"h\":[]}}",
            "{\"a\":1,\"a\":2}", " {\"n\": -1.5e300 } "})
    void membersAreTheObjectsMembers(String body) throws IOException {
        assertEquals(read(body), JsonObjectReader.members(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "\"text\"", "42", "null", "{\"a\":", "{\"a\":1} {}", "{\"a\" 1}", "nonsense"})
    void membersRejectWhatTheObjectReaderRejects(String body) {
        assertEquals(rejection(body), assertThrows(InvalidRequestException.class,
                () -> JsonObjectReader.members(body)).getMessage());
    }
}
