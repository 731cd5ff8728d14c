package org.monitorserver.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ApiKeyJson;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.PageJson.Parents;
import org.monitorserver.api.PageJson.Rows;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

/**
 * The golden test of every body {@link StreamedJsonWriter} writes: for each listing's row type and page shape, and
 * for the 201 of {@code POST /metrics/}, the streamed bytes parse to the same JSON value as the application's
 * JSON-B ({@link JsonbResolver}) writes for the same {@code monitor-api} record, and keep JSON-B's member order.
 * The rows are random, with the text that needs escaping (quotes, backslashes, control characters, non-ASCII and
 * characters outside the BMP), nulls where the records allow them, and doubles from tiny to huge.
 */
class StreamedJsonWriterTest {

    private static final String NASTY = "q\"b\\s/\u0000\u001f\t\n\b\f\r\u007f\u2028é中😀\ud800x";

    private final Random random = new Random(20261205);

    @Test
    void theCreatedMetric() throws IOException {
        for (int i = 0; i < 200; i++) {
            MetricJson metric = metric();
            assertSameAsJsonb(metric, MetricJson.class);
        }
    }

    @Test
    void everyMetricListingPage() throws IOException {
        for (Parents parents : parents()) {
            for (int size : new int[] {0, 1, 500}) {
                var rows = new ArrayList<MetricJson>();
                for (int i = 0; i < size; i++) {
                    rows.add(metric());
                }
                assertSameAsJsonb(page(Rows.METRICS, rows, parents), pageOf(MetricJson.class));
            }
        }
    }

    @Test
    void everySessionListingPage() throws IOException {
        var rows = new ArrayList<SessionJson>();
        for (int i = 0; i < 300; i++) {
            var tags = new ArrayList<TagJson>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add(TagJson.of(text(), random.nextInt(3) == 0 ? null : text()));
            }
            rows.add(new SessionJson(text(), "2026-12-05T10:00:0" + random.nextInt(10),
                    random.nextBoolean() ? null : text(), tags));
        }
        for (Parents parents : parents()) {
            assertSameAsJsonb(page(Rows.SESSIONS, rows, parents), pageOf(SessionJson.class));
        }
    }

    @Test
    void everyContextListingPage() throws IOException {
        var rows = new ArrayList<ContextJson>();
        for (int i = 0; i < 300; i++) {
            String h = text();
            rows.add(new ContextJson(h, h, random.nextInt(1024), number(), text(),
                    random.nextBoolean() ? null : text(), random.nextLong() >>> random.nextInt(64), text(), text(),
                    text(), text(), text()));
        }
        assertSameAsJsonb(page(Rows.CONTEXTS, rows, Parents.NONE), pageOf(ContextJson.class));
    }

    @Test
    void everyNameListingPage() throws IOException {
        for (Rows key : new Rows[] {Rows.COMPONENTS, Rows.PIPELINES, Rows.BUILDS, Rows.SESSIONS}) {
            for (Parents parents : parents()) {
                var rows = new ArrayList<String>();
                for (int i = 0; i < 100; i++) {
                    rows.add(text());
                }
                assertSameAsJsonb(page(key, rows, parents), pageOf(String.class));
            }
        }
    }

    @Test
    void leavesTheResponseStreamOpenAndOtherBodiesToJsonb() throws IOException {
        var writer = new StreamedJsonWriter();
        var closed = new AtomicBoolean();
        var out = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        writer.writeTo(metric(), MetricJson.class, MetricJson.class, null, MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        assertFalse(closed.get());
        assertTrue(writer.isWriteable(PageJson.class, pageOf(MetricJson.class), null, null));
        assertFalse(writer.isWriteable(PageJson.class, pageOf(ApiKeyJson.class), null, null));
        assertFalse(writer.isWriteable(PageJson.class, PageJson.class, null, null));
        assertFalse(writer.isWriteable(SessionJson.class, SessionJson.class, null, null));
    }

    private void assertSameAsJsonb(Object body, Type type) throws IOException {
        var writer = new StreamedJsonWriter();
        assertTrue(writer.isWriteable(body.getClass(), type, null, MediaType.APPLICATION_JSON_TYPE));
        var bytes = new ByteArrayOutputStream();
        writer.writeTo(body, body.getClass(), type, null, MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), bytes);
        String streamed = bytes.toString(StandardCharsets.UTF_8);
        // JSON-B into bytes, as the server writes it: a lone surrogate becomes '?' in both.
        var jsonbBytes = new ByteArrayOutputStream();
        JsonbResolver.JSONB.toJson(body, type, jsonbBytes);
        String jsonb = jsonbBytes.toString(StandardCharsets.UTF_8);
        JsonValue expected = parse(jsonb);
        JsonValue actual = parse(streamed);
        assertEquals(normalized(expected), normalized(actual), () -> "streamed " + streamed + "\njson-b   " + jsonb);
        assertEquals(names(expected), names(actual), "member order");
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** The value with numbers as doubles, so that {@code 1.0E-5} and {@code 0.00001} are the same number. */
    private static Object normalized(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                var members = new TreeMap<String, Object>();
                value.asJsonObject().forEach((name, member) -> members.put(name, normalized(member)));
                yield members;
            }
            case ARRAY -> value.asJsonArray().stream().map(StreamedJsonWriterTest::normalized).toList();
            case NUMBER -> ((JsonNumber) value).doubleValue();
            default -> value;
        };
    }

    /** Every object's member names in written order, depth first. */
    private static List<String> names(JsonValue value) {
        var names = new ArrayList<String>();
        collectNames(value, names);
        return names;
    }

    private static void collectNames(JsonValue value, List<String> names) {
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                names.add(member.getKey());
                collectNames(member.getValue(), names);
            }
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().forEach(element -> collectNames(element, names));
        }
    }

    private static List<Parents> parents() {
        return List.of(Parents.NONE, new Parents("core", null, null), new Parents(null, "main", null),
                new Parents(null, "main", "1042"), new Parents("c\"ore", "ma/in", "10\\42"));
    }

    private <T> PageJson<T> page(Rows key, List<T> rows, Parents parents) {
        return PageJson.of(key, rows, parents, random.nextInt(100_000),
                random.nextBoolean() ? null : "/api/v1/metrics?page=" + random.nextInt(9),
                random.nextBoolean() ? null : "/api/v1/items/" + NASTY + "?page=2");
    }

    private MetricJson metric() {
        return new MetricJson(text(), text(), "2026-12-05T10:15:02.12345" + random.nextInt(10), text(), text(),
                text(), text(), random.nextBoolean() ? "function" : text(), random.nextBoolean() ? "" : text(),
                number(), number(), number(), number(), number());
    }

    private String text() {
        var text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            if (random.nextInt(4) == 0) {
                int at = random.nextInt(NASTY.length() - 1);
                // Never split the emoji's surrogate pair (the lone high surrogate before the x is meant).
                text.append(Character.isHighSurrogate(NASTY.charAt(at)) ? NASTY.substring(at, at + 2)
                        : Character.isLowSurrogate(NASTY.charAt(at)) ? "x" : NASTY.charAt(at));
            } else {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private double number() {
        return switch (random.nextInt(6)) {
            case 0 -> 0.0;
            case 1 -> random.nextInt(1000);
            case 2 -> random.nextDouble() * 1e-7;
            case 3 -> random.nextDouble() * 1e12;
            case 4 -> Double.MAX_VALUE * random.nextDouble();
            default -> random.nextDouble() * 100;
        };
    }

    private static Type pageOf(Class<?> row) {
        return PageJson.typeOf(row);
    }
}
