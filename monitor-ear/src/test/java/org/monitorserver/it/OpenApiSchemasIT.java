package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ApiKeyJson;
import org.monitorserver.api.BulkReportJson;
import org.monitorserver.api.ComparisonJson;
import org.monitorserver.api.ComparisonMethodJson;
import org.monitorserver.api.ComparisonRowJson;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.CountJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.HealthJson;
import org.monitorserver.api.HistoryJson;
import org.monitorserver.api.ImportJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.NewApiKeyJson;
import org.monitorserver.api.NodeUsageJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.QueueJson;
import org.monitorserver.api.RefJson;
import org.monitorserver.api.RefreshedCredentialsJson;
import org.monitorserver.api.RegisteredRunJson;
import org.monitorserver.api.RunJson;
import org.monitorserver.api.RunProcessingJson;
import org.monitorserver.api.RunResultJson;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;
import org.monitorserver.api.TenantJson;
import org.monitorserver.api.ThresholdJson;
import org.monitorserver.api.UploadCredentialsJson;
import org.monitorserver.api.UserJson;

/**
 * The OpenAPI document describes the answers with the records of {@code monitor-api}, the same records the server
 * writes: each record's schema has exactly the record's wire names, every page schema is {@link PageJson}'s, no
 * other answer schema exists, and real bodies carry the documented keys.
 */
class OpenApiSchemasIT extends ApiTestSupport {

    /** Every answer record; a new one must be added here on purpose. */
    private static final List<Class<? extends Record>> ANSWERS = List.of(MetricJson.class, SessionJson.class,
            TagJson.class, ContextJson.class, CountJson.class, ErrorBody.class, HealthJson.class,
            BulkReportJson.class, BulkReportJson.Rejection.class, ImportJson.class, TenantJson.class, UserJson.class,
            ApiKeyJson.class, NewApiKeyJson.class, QueueJson.class, NodeUsageJson.class, NodeUsageJson.Usage.class,
            RunResultJson.class, RunJson.class, RunProcessingJson.class, RegisteredRunJson.class,
            RefreshedCredentialsJson.class, UploadCredentialsJson.class, ComparisonJson.class, RefJson.class,
            ComparisonMethodJson.class, ComparisonRowJson.class, HistoryJson.class, HistoryJson.Method.class,
            HistoryJson.Series.class, HistoryJson.Point.class, HistoryJson.ChangePoint.class, ThresholdJson.class);

    /** The GET routes that answer one record instead of a page or a count, with that record's schema. */
    private static final Map<String, String> DETAILS = Map.of("/api/v1/imports/{id}", "Import",
            "/api/v1/admin/tenants/{tenant}", "Tenant", "/api/v1/admin/tenants/{tenant}/users/{user}", "User",
            "/api/v1/metrics/nodes/usage", "NodeUsage", "/api/v1/runs/{id}", "RunResult", "/api/v1/compare",
            "Comparison", "/api/v1/items/{item}/history", "History", "/api/v1/admin/thresholds/{component}",
            "Threshold");

    /** Request schemas: submissions are read with their aliases by the REST module, not by records. */
    private static final Set<String> SUBMISSIONS = Set.of("MetricSubmission", "SessionSubmission",
            "ContextSubmission");

    @Test
    void eachAnswerRecordIsDocumentedWithExactlyItsWireNames() {
        JsonObject schemas = schemas();
        for (Class<? extends Record> record : ANSWERS) {
            String name = record.getAnnotation(Schema.class).name();
            JsonObject schema = schemas.getJsonObject(name);
            assertNotNull(schema, () -> name + " missing from " + schemas.keySet());
            assertEquals(wireNames(record), new TreeSet<>(schema.getJsonObject("properties").keySet()), name);
        }
    }

    @Test
    void everyPageSchemaIsTheOneEnvelopeAndNoOtherAnswerSchemaExists() {
        JsonObject schemas = schemas();
        Set<String> records = ANSWERS.stream().map(r -> r.getAnnotation(Schema.class).name())
                .collect(Collectors.toSet());
        int pages = 0;
        for (String name : schemas.keySet()) {
            if (name.startsWith("PageJson")) {
                pages++;
                assertEquals(wireNames(PageJson.class),
                        new TreeSet<>(schemas.getJsonObject(name).getJsonObject("properties").keySet()), name);
            } else {
                assertTrue(records.contains(name) || SUBMISSIONS.contains(name),
                        () -> name + " is neither a monitor-api record nor a submission");
            }
        }
        assertTrue(pages >= 4, "metric, session, context and name pages: " + schemas.keySet());
    }

    @Test
    void everyListingAnswersAPageAndEveryCountACount() {
        JsonObject paths = json(get("/openapi?format=JSON"), 200).getJsonObject("paths");
        for (String path : paths.keySet()) {
            JsonObject get = paths.getJsonObject(path).getJsonObject("get");
            if (get == null || path.endsWith("/health")) {
                continue;
            }
            JsonObject ok = get.getJsonObject("responses").getJsonObject("200");
            assertNotNull(ok, () -> path + " documents no 200");
            JsonObject schema = ok.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
            if (path.equals("/api/v1/metrics/queues")) {
                // An object keyed by tenant name.
                assertEquals("#/components/schemas/Queue", schema.getJsonObject("additionalProperties")
                        .getString("$ref"), schema::toString);
                continue;
            }
            if (path.equals("/api/v1/runs/{id}/samples")) {
                // The run's own columns as keys: an object, as CSV or JSON.
                assertEquals("object", schema.getString("type"), schema::toString);
                continue;
            }
            String ref = schema.getString("$ref");
            String expected = path.endsWith("/count") ? "#/components/schemas/Count"
                    : DETAILS.containsKey(path) ? "#/components/schemas/" + DETAILS.get(path)
                    : "#/components/schemas/PageJson";
            assertTrue(ref.startsWith(expected), () -> path + " answers " + ref);
        }
    }

    @Test
    void realBodiesCarryTheDocumentedKeys() {
        String session = Body.hash();
        String context = Body.hash();
        json(post("/api/v1/contexts/", Body.context(context).json()), 201);
        json(post("/api/v1/sessions/", Body.session(session).json()), 201);
        json(post("/api/v1/metrics/", Body.metric(session, context).json()), 201);
        JsonObject schemas = schemas();

        assertDocumented(json(get("/api/v1/sessions/" + session + "/metrics"), 200), schemas, "metrics", "Metric");
        assertDocumented(json(get("/api/v1/sessions/" + session), 200), schemas, "sessions", "Session");
        assertDocumented(json(get("/api/v1/contexts/" + context), 200), schemas, "contexts", "Context");
        JsonObject tag = json(get("/api/v1/sessions/" + session), 200).getJsonArray("sessions").getJsonObject(0)
                .getJsonArray("tags").getJsonObject(0);
        assertEquals(properties(schemas, "Tag"), new TreeSet<>(tag.keySet()));
        assertEquals(properties(schemas, "Count"), new TreeSet<>(json(get("/api/v1/metrics/count"), 200).keySet()));
    }

    /** The page's keys are the envelope's, and each of its rows has exactly the row schema's keys. */
    private static void assertDocumented(JsonObject page, JsonObject schemas, String key, String row) {
        Set<String> envelope = wireNames(PageJson.class);
        assertTrue(envelope.containsAll(page.keySet()), page::toString);
        assertFalse(page.getJsonArray(key).isEmpty(), page::toString);
        for (JsonValue value : page.getJsonArray(key)) {
            assertEquals(properties(schemas, row), new TreeSet<>(value.asJsonObject().keySet()), row);
        }
    }

    private JsonObject schemas() {
        return json(get("/openapi?format=JSON"), 200).getJsonObject("components").getJsonObject("schemas");
    }

    private static Set<String> properties(JsonObject schemas, String name) {
        return new TreeSet<>(schemas.getJsonObject(name).getJsonObject("properties").keySet());
    }

    /** The names JSON-B writes for {@code record}: each component's {@link JsonbProperty}, else its own name. */
    private static Set<String> wireNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(OpenApiSchemasIT::wireName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String wireName(RecordComponent component) {
        JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
        if (property == null) {
            property = component.getAnnotation(JsonbProperty.class);
        }
        return property == null ? component.getName() : property.value();
    }
}
