package org.monitorserver.rest.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.monitorserver.rest.InvalidRequestException;

class MetricSubmissionTest {

    /** A metric as pytest-monitor posts it. */
    private static final JsonObject VALID = Json.createObjectBuilder()
            .add("session_h", "3a5b9c0e1f2d4a6b")
            .add("context_h", "9f2c7d1e5a3b")
            .add("item_start_time", "2026-11-21T10:15:02.123456")
            .add("item_path", "tests.test_x")
            .add("item", "test_x")
            .add("item_variant", "test_x[1-a]")
            .add("item_fs_loc", "tests/test_x.py")
            .add("kind", "function")
            .add("component", "core")
            .add("total_time", 1.25)
            .add("user_time", 0.75)
            .add("kernel_time", 0.125)
            .add("cpu_usage", 0.7)
            .add("mem_usage", 32.5)
            .build();

    private static JsonObject body(Consumer<JsonObjectBuilder> change) {
        var builder = Json.createObjectBuilder(VALID);
        change.accept(builder);
        return builder.build();
    }

    private static Map<String, String> errors(JsonObject body) {
        return assertThrows(InvalidRequestException.class, () -> MetricSubmission.read(body)).errors();
    }

    @Test
    void pytestMonitorBodyIsReadWithEveryValue() {
        assertEquals(new MetricSubmission("3a5b9c0e1f2d4a6b", "9f2c7d1e5a3b",
                LocalDateTime.of(2026, 11, 21, 10, 15, 2, 123_456_000), "tests.test_x", "test_x", "test_x[1-a]",
                "tests/test_x.py", "function", "core", 1.25, 0.75, 0.125, 0.7, 32.5), MetricSubmission.read(VALID));
    }

    @Test
    void integerNumbersAreAccepted() {
        var read = MetricSubmission.read(body(b -> b.add("total_time", 2).add("mem_usage", 0)));
        assertEquals(2.0, read.totalTime());
        assertEquals(0.0, read.memUsage());
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertEquals(MetricSubmission.read(VALID), MetricSubmission.read(body(b -> b.add("gpu_usage", 0.5))));
    }

    @Test
    void apiDocumentAliasesAreAccepted() {
        var read = MetricSubmission.read(body(b -> b.remove("context_h").add("ctx_h", "ffee01")
                .remove("total_time").add("wall_time", 3.5)
                .remove("kernel_time").add("krnl_time", 0.5)));
        assertEquals("ffee01", read.contextH());
        assertEquals(3.5, read.totalTime());
        assertEquals(0.5, read.kernelTime());
    }

    @Test
    void aliasAndCanonicalNameWithEqualValuesAreAccepted() {
        var read = MetricSubmission.read(body(b -> b.add("ctx_h", "9f2c7d1e5a3b").add("wall_time", 1.25)
                .add("krnl_time", 0.125)));
        assertEquals(MetricSubmission.read(VALID), read);
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({"ctx_h, context_h", "wall_time, total_time", "krnl_time, kernel_time"})
    void aliasDifferingFromCanonicalNameIsAnErrorOnTheAlias(String alias, String canonical) {
        JsonValue other = VALID.get(canonical).getValueType() == JsonValue.ValueType.STRING
                ? Json.createValue("other") : Json.createValue(99.5);
        var errors = errors(body(b -> b.add(alias, other)));
        assertEquals(Set.of(alias), errors.keySet());
        assertTrue(errors.get(alias).contains(canonical), errors.get(alias));
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        var e = assertThrows(InvalidRequestException.class, () -> MetricSubmission.read(JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(Set.of("session_h", "context_h", "item_start_time", "item_path", "item", "item_variant",
                "item_fs_loc", "kind", "total_time", "user_time", "kernel_time", "cpu_usage", "mem_usage"),
                e.errors().keySet());
        e.errors().values().forEach(reason -> assertTrue(reason.startsWith("is required"), reason));
        assertEquals("is required (also accepted as ctx_h)", e.errors().get("context_h"));
        assertEquals("is required (also accepted as wall_time)", e.errors().get("total_time"));
        assertTrue(e.getMessage().contains("13 fields"), e.getMessage());
    }

    @Test
    void nullCountsAsMissing() {
        var e = assertThrows(InvalidRequestException.class,
                () -> MetricSubmission.read(body(b -> b.addNull("item").addNull("user_time"))));
        assertEquals(Map.of("item", "is required", "user_time", "is required"), e.errors());
        assertTrue(e.getMessage().contains("2 fields"), e.getMessage());
    }

    @Test
    void oneBadFieldIsCountedInTheSingular() {
        var e = assertThrows(InvalidRequestException.class, () -> MetricSubmission.read(body(b -> b.remove("kind"))));
        assertTrue(e.getMessage().contains("1 field is"), e.getMessage());
    }

    @Test
    void wrongTypesAreNamed() {
        var errors = errors(body(b -> b.add("item", 5).add("session_h", true).add("component", 1)
                .add("total_time", "1.25").add("cpu_usage", Json.createArrayBuilder().add(1))));
        assertEquals(Map.of("item", "must be a string", "session_h", "must be a string",
                "component", "must be a string", "total_time", "must be a number", "cpu_usage", "must be a number"),
                errors);
    }

    @Test
    void wrongTypeUnderAnAliasIsNamedByTheAlias() {
        var errors = errors(body(b -> b.remove("total_time").add("wall_time", "slow")));
        assertEquals(Map.of("wall_time", "must be a number"), errors);
    }

    @Test
    void nonFiniteNumberIsRejected() {
        var errors = errors(body(b -> b.add("user_time", Json.createValue(new java.math.BigDecimal("1e400")))));
        assertEquals(Set.of("user_time"), errors.keySet());
    }

    @Test
    void stringsAtTheirLimitAreAccepted() {
        var read = MetricSubmission.read(body(b -> b.add("item_path", "p".repeat(4096)).add("item", "i".repeat(2048))
                .add("kind", "k".repeat(64)).add("component", "c".repeat(256))));
        assertEquals(4096, read.itemPath().length());
    }

    @Test
    void overlongStringsAreRejected() {
        var errors = errors(body(b -> b.add("item_path", "p".repeat(4097)).add("item", "i".repeat(2049))
                .add("item_variant", "v".repeat(2049)).add("item_fs_loc", "f".repeat(2049))
                .add("kind", "k".repeat(65)).add("component", "c".repeat(513))
                .add("session_h", "h".repeat(129))));
        assertEquals(Set.of("item_path", "item", "item_variant", "item_fs_loc", "kind", "component", "session_h"),
                errors.keySet());
        assertEquals("must be at most 4096 bytes (UTF-8)", errors.get("item_path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9f2c 7d1e", "9f2c/7d1e", "9f2c\t7d1e", ""})
    void invalidHashIsAnErrorOnTheKeyTheClientUsed(String hash) {
        assertEquals(Set.of("session_h"), errors(body(b -> b.add("session_h", hash))).keySet());
        assertEquals(Set.of("context_h"), errors(body(b -> b.add("context_h", hash))).keySet());
        assertEquals(Set.of("ctx_h"), errors(body(b -> b.remove("context_h").add("ctx_h", hash))).keySet());
    }

    @Test
    void componentAbsentOrNullIsEmpty() {
        assertEquals("", MetricSubmission.read(body(b -> b.remove("component"))).component());
        assertEquals("", MetricSubmission.read(body(b -> b.addNull("component"))).component());
    }

    @Test
    void emptyVariantIsAccepted() {
        assertEquals("", MetricSubmission.read(body(b -> b.add("item_variant", ""))).itemVariant());
    }

    @Test
    void emptyRequiredNamesAreRejected() {
        var errors = errors(body(b -> b.add("item", "").add("item_path", "").add("item_fs_loc", "").add("kind", "")));
        assertEquals(Map.of("item", "must not be empty", "item_path", "must not be empty",
                "item_fs_loc", "must not be empty", "kind", "must not be empty"), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "", "21/11/2026 10:15"})
    void startTimeThatIsNotIsoIsAnErrorOnItsField(String text) {
        var errors = errors(body(b -> b.add("item_start_time", text)));
        assertEquals(Set.of("item_start_time"), errors.keySet());
        assertTrue(errors.get("item_start_time").contains("ISO 8601"), errors.get("item_start_time"));
    }

    @Test
    void startTimeWithOffsetIsStoredInUtc() {
        var read = MetricSubmission.read(body(b -> b.add("item_start_time", "2026-11-21T10:15:02+02:00")));
        assertEquals(LocalDateTime.of(2026, 11, 21, 8, 15, 2), read.itemStartTime());
    }

    /** The valid body changed by the JSON text given, parsed as a client's body is (numbers keep their spelling). */
    private static JsonObject withJson(String json, String... removed) {
        try (var reader = Json.createReader(new java.io.StringReader(json))) {
            JsonObject extra = reader.readObject();
            return body(b -> {
                for (String key : removed) {
                    b.remove(key);
                }
                extra.forEach(b::add);
            });
        }
    }

    @Test
    void outOfRangeNumberUnderAnAliasIsAnErrorOnTheAlias() {
        var errors = errors(withJson("{\"wall_time\": 1e400}", "total_time"));
        assertEquals(Set.of("wall_time"), errors.keySet());
        assertEquals("is out of range", errors.get("wall_time"));
    }

    @Test
    void invalidHashUnderCtxHIsAnErrorOnCtxH() {
        assertEquals(Set.of("ctx_h"), errors(withJson("{\"ctx_h\": \"a b\"}", "context_h")).keySet());
    }

    @Test
    void aliasHoldingTheSameNumberInAnotherSpellingIsAccepted() {
        var read = MetricSubmission.read(withJson("{\"total_time\": 2, \"wall_time\": 2.0}"));
        assertEquals(2.0, read.totalTime());
        assertEquals(2.0, MetricSubmission.read(withJson("{\"total_time\": 2.00, \"wall_time\": 2}")).totalTime());
        assertEquals(0.125, MetricSubmission.read(withJson("{\"krnl_time\": 1.25e-1}")).kernelTime());
    }

    @Test
    void aliasHoldingAnotherNumberIsStillAnErrorOnTheAlias() {
        var errors = errors(withJson("{\"total_time\": 2, \"wall_time\": 3}"));
        assertEquals(Set.of("wall_time"), errors.keySet());
        assertTrue(errors.get("wall_time").contains("total_time"), errors.get("wall_time"));
    }
}
