package org.monitorserver.rest.run;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.monitorserver.rest.ReaderFuzzTest;
import org.monitorserver.rest.ReaderFuzzTest.Mutation;

/**
 * The run API's readers under generated bodies, as {@link ReaderFuzzTest} does for the others: a finish body (its
 * JSON, gzip and base64 included) and a registration are read, or refused with a 4xx; never anything else.
 */
class RunReaderFuzzTest {

    private static final String FINISH = "{\"exit_code\":0,\"run_status\":\"finished\",\"data_source\":\"inline\","
            + "\"data_csv\":\"\\\"timestamp\\\",\\\"process_cpu_usage\\\"\\n1764000000,0.5\\n1764000001,1.5\\n\","
            + "\"finished_at\":\"2026-01-02T03:04:05Z\"}";
    private static final String STORE = "{\"exit_code\":1,\"data_source\":\"s3\",\"data_uris\":"
            + "[\"s3://bucket/runs/r/0000.csv.gz\"]}";
    private static final String BASE64 = "{\"data_source\":\"inline\",\"data_csv\":\"H4sIAAAAAAAA/ytJLS5R0lFQUlIA"
            + "AFk1LWkPAAAA\"}";
    private static final String REGISTER = "{\"project_name\":\"p\",\"command\":\"[\\\"python\\\", \\\"t.py\\\"]\","
            + "\"tags\":{\"k\":\"v\"},\"host_hostname\":null,\"pid\":1}";

    @Property(tries = 2000, seed = "20261205")
    void finishAndRegistrationReadersAnswerOnly4xx(@ForAll("bodies") byte[] body, @ForAll boolean gzip) {
        ReaderFuzzTest.answersOnly4xx(() -> RunFinishSubmission.read(new ByteArrayInputStream(body),
                gzip ? "gzip" : null, null, 65_536));
        ReaderFuzzTest.answersOnly4xx(() -> {
            JsonObject json;
            try (var reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
                json = reader.readObject();
            } catch (RuntimeException notAnObject) {
                return; // the JSON-P reader in front of it refuses this body (JsonObjectReader, fuzzed elsewhere)
            }
            RunRegistration.read(json);
        });
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Combinators.combine(Arbitraries.of(FINISH, STORE, BASE64, REGISTER), Arbitraries.integers().between(0, 200),
                Arbitraries.of(Mutation.values()), Arbitraries.strings().ofMaxLength(12)).as(Mutation::apply);
    }
}
