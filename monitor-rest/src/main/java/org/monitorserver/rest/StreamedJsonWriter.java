package org.monitorserver.rest;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

/**
 * Writes the API's frequent bodies field by field with the JSON-P generator, straight into the response stream:
 * the pages of the metric, session, context and name listings, and a metric (the 201 of {@code POST /metrics/}).
 * JSON-B's reflective serialization was about a quarter of a 500-row page's server CPU, and most of a 201's
 * writing; these few shapes are fixed by the API, so writing them by hand is cheap to keep exact.
 *
 * <p>The resources still return the {@code monitor-api} records, so the OpenAPI document and the clients see the
 * same types; every other body (admin listings, errors, reports) stays with JSON-B. The bytes are the same JSON
 * value as JSON-B writes for the record, names, order and nulls included ({@code StreamedJsonWriterTest}).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class StreamedJsonWriter implements MessageBodyWriter<Object> {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    /** Writes one row of a listing as a JSON value of the array it is in. */
    @FunctionalInterface
    interface RowWriter {
        void write(JsonGenerator json, Object row);
    }

    private static final Map<Type, RowWriter> ROWS = Map.of(
            MetricJson.class, (json, row) -> metric(json.writeStartObject(), (MetricJson) row),
            SessionJson.class, (json, row) -> session(json.writeStartObject(), (SessionJson) row),
            ContextJson.class, (json, row) -> context(json.writeStartObject(), (ContextJson) row),
            String.class, (json, row) -> json.write((String) row));

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MetricJson.class || type == PageJson.class && rowWriter(genericType) != null;
    }

    @Override
    public void writeTo(Object body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        try (JsonGenerator json = GENERATORS.createGenerator(new Unclosed(out), StandardCharsets.UTF_8)) {
            if (body instanceof MetricJson metric) {
                metric(json.writeStartObject(), metric);
            } else {
                page(json, (PageJson<?>) body, rowWriter(genericType));
            }
        }
    }

    /** The writer of the rows of a {@code PageJson<T>}, or null when this class does not write that {@code T}. */
    static RowWriter rowWriter(Type genericType) {
        if (genericType instanceof ParameterizedType page && page.getRawType() == PageJson.class) {
            return ROWS.get(page.getActualTypeArguments()[0]);
        }
        return null;
    }

    /** A page as {@link PageJson} declares it: its parents when set, its one row list, then the three links. */
    static void page(JsonGenerator json, PageJson<?> page, RowWriter rows) {
        json.writeStartObject();
        optional(json, "component", page.component());
        optional(json, "pipeline", page.pipeline());
        optional(json, "build", page.build());
        list(json, "metrics", page.metrics(), rows);
        list(json, "sessions", page.sessions(), rows);
        list(json, "contexts", page.contexts(), rows);
        list(json, "components", page.components(), rows);
        list(json, "pipelines", page.pipelines(), rows);
        list(json, "builds", page.builds(), rows);
        list(json, "imports", page.imports(), rows);
        list(json, "tenants", page.tenants(), rows);
        list(json, "users", page.users(), rows);
        list(json, "keys", page.keys(), rows);
        json.write("total_page", page.totalPage());
        text(json, "prev_url", page.prevUrl());
        text(json, "next_url", page.nextUrl());
        json.writeEnd();
    }

    static void metric(JsonGenerator json, MetricJson metric) {
        text(json, "session_h", metric.sessionH());
        text(json, "context_h", metric.contextH());
        text(json, "item_start_time", metric.itemStartTime());
        text(json, "item_path", metric.itemPath());
        text(json, "item", metric.item());
        text(json, "item_variant", metric.itemVariant());
        text(json, "item_fs_loc", metric.itemFsLoc());
        text(json, "kind", metric.kind());
        text(json, "component", metric.component());
        json.write("total_time", metric.totalTime());
        json.write("user_time", metric.userTime());
        json.write("kernel_time", metric.kernelTime());
        json.write("cpu_usage", metric.cpuUsage());
        json.write("mem_usage", metric.memUsage());
        json.writeEnd();
    }

    static void session(JsonGenerator json, SessionJson session) {
        text(json, "session_h", session.sessionH());
        text(json, "run_date", session.runDate());
        text(json, "scm_ref", session.scmRef());
        if (session.tags() == null) {
            json.writeNull("tags");
        } else {
            json.writeStartArray("tags");
            for (TagJson tag : session.tags()) {
                json.writeStartObject();
                text(json, "key", tag.key());
                text(json, "name", tag.name());
                text(json, "value", tag.value());
                json.writeEnd();
            }
            json.writeEnd();
        }
        json.writeEnd();
    }

    static void context(JsonGenerator json, ContextJson context) {
        text(json, "h", context.h());
        text(json, "context_h", context.contextH());
        json.write("cpu_count", context.cpuCount());
        json.write("cpu_frequency", context.cpuFrequency());
        text(json, "cpu_type", context.cpuType());
        text(json, "cpu_vendor", context.cpuVendor());
        json.write("ram_total", context.ramTotal());
        text(json, "machine_node", context.machineNode());
        text(json, "machine_type", context.machineType());
        text(json, "machine_arch", context.machineArch());
        text(json, "system_info", context.systemInfo());
        text(json, "python_info", context.pythonInfo());
        json.writeEnd();
    }

    /** A text member; null is written as null, as the API's shared JSON-B does ({@link JsonbResolver}). */
    private static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    /** A member that {@link PageJson} leaves out of the body when it is null. */
    private static void optional(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    private static void list(JsonGenerator json, String name, List<?> rows, RowWriter writer) {
        if (rows == null) {
            return;
        }
        json.writeStartArray(name);
        for (Object row : rows) {
            if (row == null) {
                json.writeNull();
            } else {
                writer.write(json, row);
            }
        }
        json.writeEnd();
    }

    /**
     * The response stream as the generator sees it: written through, never flushed or closed by it. A flush would
     * commit the response before the container has set its length (a chunked answer instead of a
     * {@code Content-Length}); the container flushes and closes the stream it owns.
     */
    private static final class Unclosed extends FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
