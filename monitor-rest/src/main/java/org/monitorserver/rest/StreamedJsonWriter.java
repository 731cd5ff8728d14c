package org.monitorserver.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

/**
 * Writes the API's frequent bodies field by field as UTF-8 bytes ({@link JsonBytes}), straight into the response
 * stream: the pages of the metric, session, context and name listings, and a metric (the 201 of
 * {@code POST /metrics/}). JSON-B's reflective serialization was about a quarter of a 500-row page's server CPU,
 * and JSON-P's generator still most of the writing; these few shapes are fixed by the API, so writing them by hand
 * is cheap to keep exact.
 *
 * <p>The resources still return the {@code monitor-api} records, so the OpenAPI document and the clients see the
 * same types; every other body (admin listings, errors, reports) stays with JSON-B. The bytes are the same JSON
 * value as JSON-B writes for the record, names, order and nulls included ({@code StreamedJsonWriterTest}).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class StreamedJsonWriter implements MessageBodyWriter<Object> {

    /** Writes one row of a listing as a JSON value of the array it is in. */
    @FunctionalInterface
    interface RowWriter {
        void write(JsonBytes json, Object row) throws IOException;
    }

    private static final Map<Type, RowWriter> ROWS = Map.of(
            MetricJson.class, (json, row) -> metric(json.startObject(), (MetricJson) row),
            SessionJson.class, (json, row) -> session(json.startObject(), (SessionJson) row),
            ContextJson.class, (json, row) -> context(json.startObject(), (ContextJson) row),
            String.class, (json, row) -> json.text((String) row));

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MetricJson.class || type == PageJson.class && rowWriter(genericType) != null;
    }

    /**
     * Writes {@code body} through to {@code out} without flushing or closing it: a flush would commit the response
     * before the container has set its length (a chunked answer instead of a {@code Content-Length}); the container
     * flushes and closes the stream it owns.
     */
    @Override
    public void writeTo(Object body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        var json = new JsonBytes(out);
        if (body instanceof MetricJson metric) {
            metric(json.startObject(), metric);
        } else {
            page(json, (PageJson<?>) body, rowWriter(genericType));
        }
        json.finish();
    }

    /** The writer of the rows of a {@code PageJson<T>}, or null when this class does not write that {@code T}. */
    static RowWriter rowWriter(Type genericType) {
        if (genericType instanceof ParameterizedType page && page.getRawType() == PageJson.class) {
            return ROWS.get(page.getActualTypeArguments()[0]);
        }
        return null;
    }

    /** A page as {@link PageJson} declares it: its parents when set, its one row list, then the three links. */
    static void page(JsonBytes json, PageJson<?> page, RowWriter rows) throws IOException {
        json.startObject();
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
        list(json, "runs", page.runs(), rows);
        list(json, "tenants", page.tenants(), rows);
        list(json, "users", page.users(), rows);
        list(json, "keys", page.keys(), rows);
        json.number("total_page", page.totalPage());
        json.text("prev_url", page.prevUrl());
        json.text("next_url", page.nextUrl());
        json.endObject();
    }

    static void metric(JsonBytes json, MetricJson metric) throws IOException {
        json.text("session_h", metric.sessionH());
        json.text("context_h", metric.contextH());
        json.text("item_start_time", metric.itemStartTime());
        json.text("item_path", metric.itemPath());
        json.text("item", metric.item());
        json.text("item_variant", metric.itemVariant());
        json.text("item_fs_loc", metric.itemFsLoc());
        json.text("kind", metric.kind());
        json.text("component", metric.component());
        json.number("total_time", metric.totalTime());
        json.number("user_time", metric.userTime());
        json.number("kernel_time", metric.kernelTime());
        json.number("cpu_usage", metric.cpuUsage());
        json.number("mem_usage", metric.memUsage());
        json.endObject();
    }

    static void session(JsonBytes json, SessionJson session) throws IOException {
        json.text("session_h", session.sessionH());
        json.text("run_date", session.runDate());
        json.text("scm_ref", session.scmRef());
        if (session.tags() == null) {
            json.text("tags", null);
        } else {
            json.startArray("tags");
            for (TagJson tag : session.tags()) {
                json.startObject();
                json.text("key", tag.key());
                json.text("name", tag.name());
                json.text("value", tag.value());
                json.endObject();
            }
            json.endArray();
        }
        json.endObject();
    }

    static void context(JsonBytes json, ContextJson context) throws IOException {
        json.text("h", context.h());
        json.text("context_h", context.contextH());
        json.number("cpu_count", context.cpuCount());
        json.number("cpu_frequency", context.cpuFrequency());
        json.text("cpu_type", context.cpuType());
        json.text("cpu_vendor", context.cpuVendor());
        json.number("ram_total", context.ramTotal());
        json.text("machine_node", context.machineNode());
        json.text("machine_type", context.machineType());
        json.text("machine_arch", context.machineArch());
        json.text("system_info", context.systemInfo());
        json.text("python_info", context.pythonInfo());
        json.endObject();
    }

    /** A member that {@link PageJson} leaves out of the body when it is null. */
    private static void optional(JsonBytes json, String name, String value) throws IOException {
        if (value != null) {
            json.text(name, value);
        }
    }

    private static void list(JsonBytes json, String name, List<?> rows, RowWriter writer) throws IOException {
        if (rows == null) {
            return;
        }
        json.startArray(name);
        for (Object row : rows) {
            if (row == null) {
                json.nullElement();
            } else {
                writer.write(json, row);
            }
        }
        json.endArray();
    }
}
