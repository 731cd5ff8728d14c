package org.monitorserver.rest.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.monitorserver.domain.session.Tag;
import org.monitorserver.rest.InvalidRequestException;

class SessionSubmissionTest {

    /** A session as pytest-monitor posts it: the description is a JSON object in a string. */
    private static final JsonObject VALID = json("{'session_h': '3a5b9c0e1f2d4a6b', "
            + "'run_date': '2026-11-21T10:15:02.123456', 'scm_ref': 'e4f1c2a', "
            + "'description': '{\\'ci\\': \\'github\\', \\'python\\': \\'3.12\\'}'}");

    /** JSON text written with single quotes, for readability. */
    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    private static JsonObject body(Consumer<JsonObjectBuilder> change) {
        var builder = Json.createObjectBuilder(VALID);
        change.accept(builder);
        return builder.build();
    }

    /** The valid body with {@code description} replaced by the JSON text given. */
    private static JsonObject withDescription(String description) {
        return body(b -> b.add("description", json("{'d': " + description + "}").get("d")));
    }

    private static Map<String, String> errors(JsonObject body) {
        return assertThrows(InvalidRequestException.class, () -> SessionSubmission.read(body)).errors();
    }

    @Test
    void pytestMonitorBodyIsReadWithEveryValue() {
        assertEquals(new SessionSubmission("3a5b9c0e1f2d4a6b", LocalDateTime.of(2026, 11, 21, 10, 15, 2, 123_456_000),
                "e4f1c2a", List.of(new Tag("ci", "github"), new Tag("python", "3.12"))), SessionSubmission.read(VALID));
    }

    @Test
    void hAliasIsAccepted() {
        assertEquals("ffee01", SessionSubmission.read(body(b -> b.remove("session_h").add("h", "ffee01"))).sessionH());
    }

    @Test
    void hAndSessionHWithEqualValuesAreAccepted() {
        assertEquals("3a5b9c0e1f2d4a6b",
                SessionSubmission.read(body(b -> b.add("h", "3a5b9c0e1f2d4a6b"))).sessionH());
    }

    @Test
    void hDifferingFromSessionHIsAnErrorOnH() {
        var errors = errors(body(b -> b.add("h", "ffee01")));
        assertEquals(Set.of("h"), errors.keySet());
        assertTrue(errors.get("h").contains("session_h"), errors.get("h"));
    }

    @Test
    void missingHashAndDateAreBothNamed() {
        var e = assertThrows(InvalidRequestException.class, () -> SessionSubmission.read(JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(Map.of("session_h", "is required (also accepted as h)", "run_date", "is required"), e.errors());
        assertTrue(e.getMessage().contains("2 fields"), e.getMessage());
    }

    @Test
    void wrongTypesAreNamed() {
        var errors = errors(body(b -> b.add("session_h", 42).add("run_date", 1732184102).add("scm_ref", false)));
        assertEquals(Map.of("session_h", "must be a string", "run_date", "must be a string",
                "scm_ref", "must be a string"), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3a5b 9c0e", "3a5b/9c0e", ""})
    void invalidHashIsAnErrorOnTheKeyTheClientUsed(String hash) {
        assertEquals(Set.of("session_h"), errors(body(b -> b.add("session_h", hash))).keySet());
        assertEquals(Set.of("h"), errors(body(b -> b.remove("session_h").add("h", hash))).keySet());
    }

    @Test
    void overlongHashIsRejected() {
        assertEquals(Set.of("session_h"), errors(body(b -> b.add("session_h", "a".repeat(129)))).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"last tuesday", "2026-13-01", "2026-11-21T10:15:02.123456+99:00"})
    void runDateThatIsNotIsoIsAnErrorOnRunDate(String text) {
        var errors = errors(body(b -> b.add("run_date", text)));
        assertEquals(Set.of("run_date"), errors.keySet());
        assertTrue(errors.get("run_date").contains("ISO 8601"), errors.get("run_date"));
    }

    @Test
    void scmRefIsOptional() {
        assertNull(SessionSubmission.read(body(b -> b.remove("scm_ref"))).scmRef());
        assertNull(SessionSubmission.read(body(b -> b.addNull("scm_ref"))).scmRef());
        assertEquals("", SessionSubmission.read(body(b -> b.add("scm_ref", ""))).scmRef());
    }

    @Test
    void overlongScmRefIsRejected() {
        assertEquals("r".repeat(128), SessionSubmission.read(body(b -> b.add("scm_ref", "r".repeat(128)))).scmRef());
        assertEquals(Set.of("scm_ref"), errors(body(b -> b.add("scm_ref", "r".repeat(129)))).keySet());
    }

    @Test
    void absentOrNullDescriptionGivesNoTags() {
        assertEquals(List.of(), SessionSubmission.read(body(b -> b.remove("description"))).tags());
        assertEquals(List.of(), SessionSubmission.read(body(b -> b.addNull("description"))).tags());
    }

    @Test
    void descriptionAsObjectGivesTagsInOrder() {
        var tags = SessionSubmission.read(withDescription("{'python': '3.12', 'ci': 'github', 'os': 'linux'}")).tags();
        assertEquals(List.of(new Tag("python", "3.12"), new Tag("ci", "github"), new Tag("os", "linux")), tags);
    }

    @Test
    void descriptionAsStringHoldingAnObjectGivesTheSameTags() {
        assertEquals(SessionSubmission.read(withDescription("{'ci': 'github', 'n': 3}")).tags(),
                SessionSubmission.read(withDescription("'{\\'ci\\': \\'github\\', \\'n\\': 3}'")).tags());
    }

    @Test
    void emptyObjectGivesNoTags() {
        assertEquals(List.of(), SessionSubmission.read(withDescription("{}")).tags());
        assertEquals(List.of(), SessionSubmission.read(withDescription("'{}'")).tags());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'not json'", "'[1, 2]'", "'\\'text\\''", "'42'", "''", "'{\\'a\\': '", "42", "true",
            "[{'a': 1}]"})
    void descriptionThatIsNoObjectIsAnErrorOnDescription(String description) {
        assertEquals(Set.of("description"), errors(withDescription(description)).keySet());
    }

    @Test
    void nestedTagValuesAreErrorsOnTheirKey() {
        var errors = errors(withDescription("{'ok': 'yes', 'env': {'a': 1}, 'list': [1, 2]}"));
        assertEquals(Set.of("description.env", "description.list"), errors.keySet());
    }

    @Test
    void nestedTagValuesInAStringAreErrorsOnTheirKeyToo() {
        assertEquals(Set.of("description.env"), errors(withDescription("'{\\'env\\': {}}'")).keySet());
    }

    @Test
    void scalarTagValuesKeepTheirJsonSpelling() {
        var tags = SessionSubmission.read(withDescription(
                "{'timeout': 30, 'ratio': 1.50, 'flaky': true, 'slow': false, 'owner': null, 'name': 'x'}")).tags();
        assertEquals(List.of(new Tag("timeout", "30"), new Tag("ratio", "1.50"), new Tag("flaky", "true"),
                new Tag("slow", "false"), new Tag("owner", null), new Tag("name", "x")), tags);
    }

    @Test
    void tagValuesInAStringKeepTheirJsonSpellingToo() {
        var tags = SessionSubmission.read(withDescription("'{\\'timeout\\': 30, \\'ratio\\': 1.50, \\'owner\\': null}'"))
                .tags();
        assertEquals(List.of(new Tag("timeout", "30"), new Tag("ratio", "1.50"), new Tag("owner", null)), tags);
    }

    @Test
    void emptyStringTagValueIsKeptApartFromNull() {
        assertEquals(List.of(new Tag("a", ""), new Tag("b", null)),
                SessionSubmission.read(withDescription("{'a': '', 'b': null}")).tags());
    }

    private static JsonObject withTags(int count) {
        var tags = Json.createObjectBuilder();
        for (int i = 0; i < count; i++) {
            tags.add("tag" + i, i);
        }
        return body(b -> b.add("description", tags));
    }

    @Test
    void upTo256TagsAreAccepted() {
        assertEquals(256, SessionSubmission.read(withTags(256)).tags().size());
    }

    @Test
    void moreThan256TagsAreRejected() {
        var errors = errors(withTags(257));
        assertEquals(Set.of("description"), errors.keySet());
        assertTrue(errors.get("description").contains("256"), errors.get("description"));
    }

    @Test
    void tagNamesAndValuesAreBounded() {
        var description = Json.createObjectBuilder().add("", "empty name").add("k".repeat(257), "long name")
                .add("v", "v".repeat(1025)).add("k".repeat(256), "v".repeat(1024));
        var errors = errors(body(b -> b.add("description", description)));
        assertEquals(Set.of("description.", "description." + "k".repeat(257), "description.v"), errors.keySet());
    }

    @Test
    void everyBadFieldIsReportedTogether() {
        var e = assertThrows(InvalidRequestException.class, () -> SessionSubmission.read(
                body(b -> b.remove("session_h").add("run_date", "soon").add("description", "[]"))));
        assertEquals(new ArrayList<>(List.of("description", "run_date", "session_h")),
                new ArrayList<>(e.errors().keySet()));
        assertTrue(e.getMessage().contains("3 fields"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} junk", "{\"a\":1}{\"b\":2}", "{\"a\":1} {}", "{\"a\":1} ]"})
    void descriptionStringWithTrailingContentIsAnErrorOnDescription(String description) {
        var e = assertThrows(InvalidRequestException.class,
                () -> SessionSubmission.read(body(b -> b.add("description", description))));
        assertEquals(Set.of("description"), e.errors().keySet());
    }

    @Test
    void descriptionStringWithTrailingWhitespaceIsAccepted() {
        assertEquals(List.of(new Tag("a", "1")),
                SessionSubmission.read(body(b -> b.add("description", " {\"a\":1} \n"))).tags());
    }
}
