package org.monitorserver.rest.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.monitorserver.rest.InvalidRequestException;

class ContextSubmissionTest {

    /** A context as pytest-monitor posts it. */
    private static final JsonObject VALID = Json.createObjectBuilder()
            .add("h", "9f2c7d1e5a3b")
            .add("cpu_count", 8)
            .add("cpu_frequency", 2900)
            .add("cpu_type", "x86_64")
            .add("cpu_vendor", "GenuineIntel")
            .add("ram_total", 16384)
            .add("machine_node", "ci-runner-1")
            .add("machine_type", "x86_64")
            .add("machine_arch", "64bit")
            .add("system_info", "Linux - 6.1.0")
            .add("python_info", "3.12.1 (main, Dec 8 2023) [GCC 12.2.0]")
            .build();

    private static final String WHOLE_CPU_COUNT = "must be a whole number from 0 to " + Integer.MAX_VALUE;

    private static JsonObject body(Consumer<JsonObjectBuilder> change) {
        var builder = Json.createObjectBuilder(VALID);
        change.accept(builder);
        return builder.build();
    }

    /** The valid body with {@code key} set to the JSON number written in {@code number}, as a client sends it. */
    private static JsonObject withNumber(String key, String number) {
        try (var reader = Json.createReader(new StringReader("{\"n\": " + number + "}"))) {
            JsonValue value = reader.readObject().get("n");
            return body(b -> b.add(key, value));
        }
    }

    private static Map<String, String> errors(JsonObject body) {
        return assertThrows(InvalidRequestException.class, () -> ContextSubmission.read(body)).errors();
    }

    @Test
    void pytestMonitorBodyIsReadWithEveryValue() {
        assertEquals(new ContextSubmission("9f2c7d1e5a3b", 8, 2900.0, "x86_64", "GenuineIntel", 16384, "ci-runner-1",
                "x86_64", "64bit", "Linux - 6.1.0", "3.12.1 (main, Dec 8 2023) [GCC 12.2.0]"),
                ContextSubmission.read(VALID));
    }

    @Test
    void apiDocumentAliasesAreAccepted() {
        var read = ContextSubmission.read(body(b -> b
                .remove("cpu_frequency").add("cpu_freq", 3100.5)
                .remove("machine_node").add("mac_node", "node-2")
                .remove("machine_type").add("mac_type", "aarch64")
                .remove("machine_arch").add("mac_arch", "32bit")
                .remove("system_info").add("sys_info", "Darwin - 23.1")
                .remove("python_info").add("py_info", "3.11.7")));
        assertEquals(new ContextSubmission("9f2c7d1e5a3b", 8, 3100.5, "x86_64", "GenuineIntel", 16384, "node-2",
                "aarch64", "32bit", "Darwin - 23.1", "3.11.7"), read);
    }

    @Test
    void aliasesWithEqualValuesBesideCanonicalNamesAreAccepted() {
        var read = ContextSubmission.read(body(b -> b.add("cpu_freq", 2900).add("mac_node", "ci-runner-1")
                .add("mac_type", "x86_64").add("mac_arch", "64bit").add("sys_info", "Linux - 6.1.0")
                .add("py_info", "3.12.1 (main, Dec 8 2023) [GCC 12.2.0]")));
        assertEquals(ContextSubmission.read(VALID), read);
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({"mac_node, machine_node", "mac_type, machine_type", "mac_arch, machine_arch",
            "sys_info, system_info", "py_info, python_info"})
    void aliasDifferingFromCanonicalNameIsAnErrorOnTheAlias(String alias, String canonical) {
        var errors = errors(body(b -> b.add(alias, "something else")));
        assertEquals(Set.of(alias), errors.keySet());
        assertTrue(errors.get(alias).contains(canonical), errors.get(alias));
    }

    @Test
    void cpuFreqDifferingFromCpuFrequencyIsAnErrorOnCpuFreq() {
        assertEquals(Set.of("cpu_freq"), errors(body(b -> b.add("cpu_freq", 3000))).keySet());
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        var e = assertThrows(InvalidRequestException.class, () -> ContextSubmission.read(JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(Set.of("h", "cpu_count", "cpu_frequency", "cpu_type", "ram_total", "machine_node",
                "machine_type", "machine_arch", "system_info", "python_info"), e.errors().keySet());
        e.errors().values().forEach(reason -> assertTrue(reason.startsWith("is required"), reason));
        assertEquals("is required (also accepted as mac_node)", e.errors().get("machine_node"));
        assertTrue(e.getMessage().contains("10 fields"), e.getMessage());
    }

    @Test
    void wrongTypesAreNamed() {
        var errors = errors(body(b -> b.add("cpu_count", "8").add("cpu_frequency", "2.9 GHz").add("ram_total", true)
                .add("cpu_type", 64).add("cpu_vendor", 1).add("python_info", Json.createArrayBuilder())));
        assertEquals(Map.of("cpu_count", "must be a number", "cpu_frequency", "must be a number",
                "ram_total", "must be a number", "cpu_type", "must be a string", "cpu_vendor", "must be a string",
                "python_info", "must be a string"), errors);
    }

    @Test
    void wrongTypeUnderAnAliasIsNamedByTheAlias() {
        assertEquals(Map.of("mac_node", "must be a string"),
                errors(body(b -> b.remove("machine_node").add("mac_node", 7))));
    }

    @Test
    void floatFrequencyIsAccepted() {
        assertEquals(2893.7, ContextSubmission.read(withNumber("cpu_frequency", "2893.7")).cpuFrequency());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.0", "8.000", "8", "0.8e1"})
    void wholeCpuCountIsAcceptedInAnySpelling(String number) {
        assertEquals(8, ContextSubmission.read(withNumber("cpu_count", number)).cpuCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.5", "-1", "0.1", "2147483648", "1e100"})
    void cpuCountThatIsNotAWholeIntIsRejected(String number) {
        assertEquals(Map.of("cpu_count", WHOLE_CPU_COUNT), errors(withNumber("cpu_count", number)));
    }

    @Test
    void cpuCountAtIntMaximumIsAccepted() {
        assertEquals(Integer.MAX_VALUE, ContextSubmission.read(withNumber("cpu_count", "2147483647")).cpuCount());
    }

    @Test
    void negativeRamIsRejected() {
        assertEquals(Set.of("ram_total"), errors(withNumber("ram_total", "-1")).keySet());
    }

    @Test
    void ramBeyondIntIsAccepted() {
        assertEquals(68_719_476_736L, ContextSubmission.read(withNumber("ram_total", "68719476736")).ramTotal());
    }

    @Test
    void cpuVendorIsOptional() {
        assertNull(ContextSubmission.read(body(b -> b.remove("cpu_vendor"))).cpuVendor());
        assertNull(ContextSubmission.read(body(b -> b.addNull("cpu_vendor"))).cpuVendor());
    }

    @Test
    void overlongStringsAreRejectedUnderTheKeyUsed() {
        var errors = errors(body(b -> b.add("cpu_type", "t".repeat(65)).add("cpu_vendor", "v".repeat(257))
                .remove("machine_arch").add("mac_arch", "a".repeat(65)).add("python_info", "p".repeat(513))));
        assertEquals(Set.of("cpu_type", "cpu_vendor", "mac_arch", "python_info"), errors.keySet());
        assertEquals("must be at most 64 bytes (UTF-8)", errors.get("cpu_type"));
    }

    @Test
    void stringsAtTheirLimitAreAccepted() {
        var read = ContextSubmission.read(body(b -> b.add("cpu_type", "t".repeat(64)).add("machine_node",
                "n".repeat(512))));
        assertEquals(64, read.cpuType().length());
        assertEquals(512, read.machineNode().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9f2c 7d1e", "9f2c/7d1e", "", "a\u0000b"})
    void invalidHashIsAnErrorOnH(String hash) {
        assertEquals(Set.of("h"), errors(body(b -> b.add("h", hash))).keySet());
    }

    @Test
    void outOfRangeFrequencyUnderCpuFreqIsAnErrorOnCpuFreq() {
        try (var reader = Json.createReader(new StringReader("{\"n\": 1e400}"))) {
            JsonValue huge = reader.readObject().get("n");
            var errors = errors(body(b -> b.remove("cpu_frequency").add("cpu_freq", huge)));
            assertEquals(Map.of("cpu_freq", "is out of range"), errors);
        }
    }

    @Test
    void cpuFreqHoldingTheSameNumberInAnotherSpellingIsAccepted() {
        assertEquals(2900.0, ContextSubmission.read(withNumber("cpu_freq", "2900.0")).cpuFrequency());
        assertEquals(2900.0, ContextSubmission.read(withNumber("cpu_freq", "2.9e3")).cpuFrequency());
    }
}
