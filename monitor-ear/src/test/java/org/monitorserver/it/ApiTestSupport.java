package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test shares: the deployment of the built EAR (not a hand-made archive), the server's
 * base URL and a Jersey client, and small helpers to call the API and read its JSON.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ApiTestSupport {

    static final String JSON = "application/json";

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

    /** {@code GET /api/v1/<family>/count}. */
    long count(String family) {
        return json(get("/api/v1/" + family + "/count"), 200).getJsonNumber("count").longValue();
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
}
