package org.monitorserver.rest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monitorserver.domain.run.RunMetadata;
import org.monitorserver.rest.InvalidRequestException;

class RunRegistrationTest {

    private static RunMetadata read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return RunRegistration.read(reader.readObject());
        }
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void pythonFormKeepsEverythingAndParsesTheCommand() {
        var metadata = read("{\"project_name\":\"churn\",\"pid\":4242,\"command\":\"[\\\"python\\\", \\\"t.py\\\"]\","
                + "\"tags\":{\"git_sha\":\"9f2c1ab\",\"n\":3},\"host_vcpus\":4,\"whatever\":{\"a\":1}}");
        assertEquals("churn", metadata.projectName());
        JsonObject kept = object(metadata.json());
        assertEquals(4242, kept.getInt("pid"));
        assertEquals(List.of("python", "t.py"), kept.getJsonArray("command").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(1, kept.getJsonObject("whatever").getInt("a"));
        assertEquals(2, metadata.tagCount());
        assertEquals("[{\"key\":\"git_sha\",\"value\":\"9f2c1ab\"},{\"key\":\"n\",\"value\":\"3\"}]", metadata.tagsJson());
    }

    @Test
    void rustFormWithListTagsAndNulls() {
        var metadata = read("{\"project_name\":null,\"host_hostname\":null,\"tags\":[\"gpu\",\"nightly\"],"
                + "\"host_vcpus\":null}");
        assertNull(metadata.projectName());
        assertNull(metadata.hostHostname());
        assertEquals("[{\"key\":\"gpu\",\"value\":null},{\"key\":\"nightly\",\"value\":null}]", metadata.tagsJson());
        assertEquals(true, object(metadata.json()).isNull("host_vcpus"), "nulls kept");
    }

    @Test
    void keyValueTagsAndOddShapes() {
        assertEquals("[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"b\",\"value\":null}]",
                read("{\"tags\":[{\"key\":\"a\",\"value\":1},{\"key\":\"b\"},null]}").tagsJson());
        assertEquals(0, read("{\"tags\":null}").tagCount());
        assertEquals("[{\"key\":\"solo\",\"value\":null}]", read("{\"tags\":\"solo\"}").tagsJson());
        assertEquals("12", read("{\"team\":12}").team(), "a number in its JSON spelling");
        assertNull(read("{\"team\":{\"x\":1}}").team(), "an object is kept in the metadata only");
        assertEquals("not json", object(read("{\"command\":\"not json\"}").json()).getString("command"));
    }

    @Test
    void onlyOverlongNamesAreRefused() {
        var e = assertThrows(InvalidRequestException.class, () -> read("{\"project_name\":\"" + "p".repeat(513)
                + "\",\"host_hostname\":\"" + "h".repeat(513) + "\",\"other\":\"" + "o".repeat(5000) + "\"}"));
        assertEquals(Map.of("host_hostname", "must be at most 512 characters", "project_name",
                "must be at most 512 characters"), e.errors());
    }
}
