package org.monitorserver.rest;

import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.monitorserver.rest.context.ContextSubmission;
import org.monitorserver.rest.metric.MetricSubmission;
import org.monitorserver.rest.session.SessionSubmission;

/**
 * Generated bodies against the readers the application owns (issue 13, point 6): whatever arrives, a reader either
 * reads it or throws what the error mapper answers with a 4xx and a JSON body ({@link InvalidRequestException},
 * {@link BodyTooLargeException}, a 4xx {@link WebApplicationException}); anything else would be a 500. The bodies
 * are valid ones broken at random places (bytes replaced, cut, repeated, invalid UTF-8, NUL, deep nesting, huge
 * numbers) and random bytes. CI runs a fixed seed and a bounded count; for a longer run, raise {@code tries} and
 * change or drop {@code seed} (docs/testing.md).
 */
public class ReaderFuzzTest {

    private static final long LIMIT = 65_536;

    private static final String CONTEXT = "{\"h\":\"0f1e2d3c4b5a69788796a5b4c3d2e1f0\",\"cpu_count\":8,\"cpu_freq\":2000.0,"
            + "\"cpu_type\":\"x86_64\",\"cpu_vendor\":\"GenuineIntel\",\"ram_total\":16384,\"mac_node\":\"ci-1\","
            + "\"mac_type\":\"x86_64\",\"mac_arch\":\"64bit\",\"sys_info\":\"Linux\",\"py_info\":\"3.11.7\"}";
    private static final String SESSION = "{\"session_h\":\"0f1e2d3c4b5a69788796a5b4c3d2e1f0\",\"run_date\":"
            + "\"2026-11-21T10:15:02.123456\",\"scm_ref\":\"4914d19\",\"description\":{\"pipeline_branch\":\"main\","
            + "\"pipeline_build_no\":\"30\"}}";
    private static final String METRIC = "{\"session_h\":\"0f1e2d3c4b5a69788796a5b4c3d2e1f0\",\"context_h\":"
            + "\"1f1e2d3c4b5a69788796a5b4c3d2e1f0\",\"item_start_time\":\"2026-11-21T10:15:03.000042\",\"item_path\":"
            + "\"tests.test_prime\",\"item\":\"test_prime\",\"item_variant\":\"test_prime[1]\",\"item_fs_loc\":"
            + "\"tests/test_prime.py\",\"kind\":\"function\",\"component\":\"\",\"wall_time\":0.8,\"user_time\":0.7,"
            + "\"krnl_time\":0.06,\"cpu_usage\":0.99,\"mem_usage\":12.3}";

    private static JsonObjectReader reader() {
        return JsonObjectReaderTest.reader(LIMIT);
    }

    @Property(tries = 3000, seed = "20261205")
    void contextSessionAndMetricReadersAnswerOnly4xx(@ForAll("bodies") byte[] body) {
        answersOnly4xx(() -> {
            JsonObject json = reader().readFrom(JsonObject.class, null, new Annotation[0],
                    MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), new ByteArrayInputStream(body));
            ContextSubmission.read(json);
            SessionSubmission.read(json);
        });
        answersOnly4xx(() -> MetricSubmission.read(JsonObjectReader.members(JsonObjectReader.boundedText(
                new MultivaluedHashMap<>(), new ByteArrayInputStream(body), LIMIT))));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> valid = Arbitraries.of(CONTEXT, SESSION, METRIC);
        Arbitrary<byte[]> broken = Combinators.combine(valid, Arbitraries.integers().between(0, 400),
                Arbitraries.of(Mutation.values()), Arbitraries.strings().ofMaxLength(12)).as(Mutation::apply);
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, broken), net.jqwik.api.Tuple.of(2, random));
    }

    /** Ways to break a valid body at a place. */
    public enum Mutation {
        REPLACE, INSERT, CUT, NUL, BAD_UTF8, DEEP, HUGE_NUMBER, DUPLICATE;

        public static byte[] apply(String body, int at, Mutation how, String text) {
            int place = Math.min(at, body.length());
            String head = body.substring(0, place);
            String tail = body.substring(place);
            byte[] bytes = switch (how) {
                case REPLACE -> (head + text + (tail.length() > text.length() ? tail.substring(text.length()) : ""))
                        .getBytes(StandardCharsets.UTF_8);
                case INSERT -> (head + text + tail).getBytes(StandardCharsets.UTF_8);
                case CUT -> head.getBytes(StandardCharsets.UTF_8);
                case NUL -> (head + '\0' + tail).getBytes(StandardCharsets.UTF_8);
                case BAD_UTF8 -> concat(head.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28,
                        (byte) 0xFF}, tail.getBytes(StandardCharsets.UTF_8));
                case DEEP -> (head + "[".repeat(5_000) + tail).getBytes(StandardCharsets.UTF_8);
                case HUGE_NUMBER -> (head + "1" + "9".repeat(400) + "e999999" + tail).getBytes(StandardCharsets.UTF_8);
                case DUPLICATE -> (head + tail + tail).getBytes(StandardCharsets.UTF_8);
            };
            return bytes;
        }

        private static byte[] concat(byte[]... parts) {
            int size = 0;
            for (byte[] part : parts) {
                size += part.length;
            }
            byte[] all = new byte[size];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            return all;
        }
    }

    /** A read that the error mapper answers 4xx, or none. */
    @FunctionalInterface
    public interface Read {
        void run() throws Exception;
    }

    public static void answersOnly4xx(Read read) {
        try {
            read.run();
        } catch (InvalidRequestException | BodyTooLargeException e) {
            // 400 or 413 with a JSON body
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status < 400 || status >= 500) {
                throw new AssertionError("answered " + status, e);
            }
        } catch (Exception e) {
            throw new AssertionError("a 500: " + e, e);
        }
    }
}
