package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.monitorserver.api.CountJson;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.api.PageJson;

/**
 * What every integration test shares: the deployment of the built EAR (not a hand-made archive), the server's
 * base URL and a Jersey client, and small helpers to call the API and read its JSON: as JSON-P where a test
 * checks the raw shape, as the API's records ({@code org.monitorserver.api}) where it reads rows and values.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ApiTestSupport {

    static final String JSON = "application/json";

    /** Reads answers into the API's records; their annotations alone decide the names and nulls. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    @ArquillianResource
    URL deploymentUrl;

    private final Client client = ClientBuilder.newClient();

    @Deployment(testable = false)
    static EnterpriseArchive monitorEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** The server root, e.g. {@code http://127.0.0.1:18181} (the application is at the root context). */
    String root() {
        String url = deploymentUrl.toExternalForm();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** GET of a server-root path such as {@code /api/v1/metrics/count}, used as given (already encoded). */
    Response get(String path) {
        return client.target(URI.create(root() + path)).request().get();
    }

    Response post(String path, String body) {
        return post(path, body, JSON);
    }

    Response post(String path, String body, String contentType) {
        return client.target(URI.create(root() + path)).request().post(Entity.entity(body, contentType));
    }

    /** The JSON object of a response, after checking its status. */
    static JsonObject json(Response response, int expectedStatus) {
        String body = response.readEntity(String.class);
        assertEquals(expectedStatus, response.getStatus(), () -> "body: " + body);
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /**
     * The answer as the API record {@code type}, after checking its status, and checking that the body has exactly
     * the record's fields, with the same JSON types and nulls: a key the record does not know, or one it would
     * write and the body lacks, fails the test instead of being dropped by JSON-B.
     */
    static <T> T read(Response response, int expectedStatus, Class<T> type) {
        return as(json(response, expectedStatus), type);
    }

    /** A page of a listing, its rows read as {@code row} (a record of the API, or {@code String} for names). */
    static <T> PageJson<T> page(Response response, int expectedStatus, Class<T> row) {
        return page(json(response, expectedStatus), row);
    }

    /** As {@link #page(Response, int, Class)}, for a body a test also checks as JSON-P. */
    static <T> PageJson<T> page(JsonObject body, Class<T> row) {
        return as(body, PageJson.typeOf(row));
    }

    /** An error answer: {@code message}, and {@code errors} per field when the error is about fields. */
    static ErrorBody error(Response response, int expectedStatus) {
        return read(response, expectedStatus, ErrorBody.class);
    }

    /** As {@link #read}, for a body already read. */
    static <T> T as(JsonObject body, Type type) {
        T value = JSONB.fromJson(body.toString(), type);
        JsonValue written = Json.createReader(new StringReader(JSONB.toJson(value))).readValue();
        assertEquals(shape(body), shape(written), () -> "the body differs from the fields of " + type + ": " + body);
        return value;
    }

    /**
     * The structure of a JSON value without its scalar values: objects as their keys (sorted) with the shape of
     * each value, arrays as the shapes of their elements, scalars as their type (string, number, boolean, null).
     */
    private static Object shape(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> shape(entry.getValue()), (a, b) -> a, TreeMap::new));
            case ARRAY -> value.asJsonArray().stream().map(ApiTestSupport::shape).toList();
            case TRUE, FALSE -> "BOOLEAN";
            default -> value.getValueType().name();
        };
    }

    /** {@code GET <path>}'s count, such as {@code /api/v1/items/<item>/metrics/count}. */
    long countOf(String path) {
        return read(get(path), 200, CountJson.class).count();
    }

    /** {@code GET /api/v1/<family>/count}. */
    long count(String family) {
        return countOf("/api/v1/" + family + "/count");
    }

    /** The three counts at once, to assert that a rejected request stored nothing. */
    Counts counts() {
        return new Counts(count("contexts"), count("sessions"), count("metrics"));
    }

    record Counts(long contexts, long sessions, long metrics) {

        Counts plus(long contextDelta, long sessionDelta, long metricDelta) {
            return new Counts(contexts + contextDelta, sessions + sessionDelta, metrics + metricDelta);
        }
    }

    /**
     * A connection of the test's own to the server's database, for what no route shows (stored columns, planted
     * rows); {@code MONITOR_DB_*} are the execution's, as the server gets them.
     */
    static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv("MONITOR_DB_URL"), System.getenv("MONITOR_DB_USER"),
                System.getenv("MONITOR_DB_PASSWORD"));
    }
}
