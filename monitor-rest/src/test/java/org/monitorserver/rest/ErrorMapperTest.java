package org.monitorserver.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ErrorBody;

/** The error body as clients receive it: rendered by the application's own JSON-B ({@link JsonbResolver}). */
class ErrorMapperTest {

    private static String render(ErrorBody body) {
        return new JsonbResolver().getContext(ErrorBody.class).toJson(body);
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void bodyWithErrorsHasMessageThenErrorsByField() {
        var errors = new TreeMap<>(Map.of("item", "must not be empty", "ctx_h", "is required"));
        assertEquals("{\"message\":\"invalid metric: 2 fields are missing or wrong\","
                + "\"errors\":{\"ctx_h\":\"is required\",\"item\":\"must not be empty\"}}",
                render(new ErrorBody("invalid metric: 2 fields are missing or wrong", errors, null)));
    }

    @Test
    void bodyWithoutErrorsHasNoErrorsKey() {
        var json = parse(render(new ErrorBody("session 3a5b exists with other content", null, null)));
        assertEquals("session 3a5b exists with other content", json.getString("message"));
        assertFalse(json.containsKey("errors"), () -> "errors should be absent: " + json);
    }

    @Test
    void bodyWithoutErrorsHasOnlyTheMessage() {
        var json = parse(render(new ErrorBody("page 9 does not exist", null, null)));
        assertEquals(List.of("message"), List.copyOf(json.keySet()));
    }

    @Test
    void invalidRequestErrorsAreSortedByField() {
        var e = new InvalidRequestException("invalid", Map.of("z", "1", "a", "2", "m", "3"));
        assertEquals(List.of("a", "m", "z"), List.copyOf(e.errors().keySet()));
    }

    @Test
    void anUnexpectedFailureShowsItsStackTraceInDevelopmentOnly() {
        var failure = new IllegalStateException("a bug");
        var production = parse(render(ErrorMapper.unexpectedBody(failure, false)));
        assertEquals(List.of("message"), List.copyOf(production.keySet()), "no trace in production: " + production);
        assertEquals("internal server error", production.getString("message"));
        var development = parse(render(ErrorMapper.unexpectedBody(failure, true)));
        assertEquals("internal server error", development.getString("message"));
        assertTrue(development.getString("trace").startsWith("java.lang.IllegalStateException: a bug\n\tat "),
                development::toString);
    }

    @Test
    void theEnvironmentTakesTheReferencesSpellingsInAnyCase() {
        for (String prod : List.of("prod", "PROD", "production", " Production ")) {
            assertEquals(java.util.Optional.of("prod"), MonitorSettings.environment(prod), prod);
        }
        for (String dev : List.of("dev", "Devel", "DEVELOPMENT")) {
            assertEquals(java.util.Optional.of("dev"), MonitorSettings.environment(dev), dev);
        }
        assertTrue(MonitorSettings.environment("staging").isEmpty());
    }
}
