package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;

/**
 * Credentials for the integration tests: the superadmin's key (the IT servers' {@code MONITOR_SERVER_ADMIN_KEY},
 * passed as {@code it.admin.key}) and helpers that create tenants, users and keys through the admin routes.
 */
final class Keys {

    /** The superadmin's key on the IT servers. */
    static final String ADMIN = System.getProperty("it.admin.key");

    private Keys() {
    }

    /** Adds credentials to a request. */
    @FunctionalInterface
    interface Credentials extends UnaryOperator<Invocation.Builder> {

        /** No credentials at all. */
        Credentials NONE = request -> request;

        static Credentials bearer(String key) {
            return request -> request.header("Authorization", "Bearer " + key);
        }

        static Credentials basic(String user, String key) {
            String pair = Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
            return request -> request.header("Authorization", "Basic " + pair);
        }

        static Credentials headers(String user, String tenant, String key) {
            return request -> request.header("Monitor-UserID", user).header("Monitor-TenantID", tenant)
                    .header("Monitor-ApiKey", key);
        }
    }

    /** A tenant with a user {@code ci} (role user) and a tenant admin {@code boss}, each with one key. */
    record TestTenant(String name, String userKey, long userKeyId, String adminKey) {

        Credentials user() {
            return Credentials.bearer(userKey);
        }

        Credentials admin() {
            return Credentials.bearer(adminKey);
        }
    }

    /** A unique tenant name: the IT database outlives runs, and tenants are never deleted. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a tenant named {@code prefix-<random>} with its two users, through the admin routes. */
    static TestTenant tenant(Client client, String root, String prefix) {
        String name = uniqueName(prefix);
        Credentials admin = Credentials.bearer(ADMIN);
        ApiTestSupport.json(send(client, root, "POST", "/api/v1/admin/tenants", "{\"name\":\"" + name + "\"}", admin),
                201);
        String users = "/api/v1/admin/tenants/" + name + "/users";
        ApiTestSupport.json(send(client, root, "POST", users, "{\"name\":\"ci\"}", admin), 201);
        ApiTestSupport.json(send(client, root, "POST", users, "{\"name\":\"boss\",\"role\":\"tenant_admin\"}", admin),
                201);
        JsonObject userKey = ApiTestSupport.json(send(client, root, "POST", users + "/ci/keys", null, admin), 201);
        JsonObject adminKey = ApiTestSupport.json(send(client, root, "POST", users + "/boss/keys", null, admin), 201);
        return new TestTenant(name, userKey.getString("key"), userKey.getJsonNumber("id").longValue(),
                adminKey.getString("key"));
    }

    /** A request with {@code credentials}; {@code body} JSON or null. */
    static Response send(Client client, String root, String method, String path, String body,
            Credentials credentials) {
        Invocation.Builder request = credentials.apply(client.target(URI.create(root + path))
                // The JDK's HttpURLConnection knows no PATCH; Jersey's workaround sets it anyway.
                .property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true).request());
        return body == null ? request.method(method) : request.method(method, Entity.json(body));
    }

    /** A GET with {@code credentials}. */
    static Response get(Client client, String root, String path, Credentials credentials) {
        return credentials.apply(client.target(URI.create(root + path)).request()).get();
    }

    static void assertUnauthorized(Response response) {
        assertEquals(401, response.getStatus(), () -> "answer: " + response.readEntity(String.class));
        assertEquals(2, response.getHeaders().get("WWW-Authenticate").size(), "Bearer and Basic challenges");
        JsonObject body = ApiTestSupport.json(response, 401);
        assertEquals(true, body.getString("message").startsWith("authentication required"), body::toString);
    }
}
