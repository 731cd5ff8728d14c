package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.monitorserver.it.Keys.assertUnauthorized;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monitorserver.it.Keys.Credentials;
import org.monitorserver.it.Keys.TestTenant;

/**
 * With {@code MONITOR_SERVER_AUTH=on}: revoked, rotated-away and disabled users' keys get 401 at once; keys are
 * listed without secrets; a tenant admin manages their own tenant only; a plain user manages nothing.
 */
class KeyLifecycleAuthIT extends ApiTestSupport {

    private final Client client = ClientBuilder.newClient();
    private TestTenant a;
    private TestTenant b;

    @BeforeEach
    void twoTenants() {
        a = Keys.tenant(client, root(), "keys-a");
        b = Keys.tenant(client, root(), "keys-b");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private Response call(String method, String path, String body, Credentials credentials) {
        return Keys.send(client, root(), method, path, body, credentials);
    }

    private int status(Response response) {
        int status = response.getStatus();
        response.close();
        return status;
    }

    private String users(TestTenant tenant) {
        return "/api/v1/admin/tenants/" + tenant.name() + "/users";
    }

    @Test
    void revokedRotatedAwayAndDisabledKeysGet401() {
        Credentials user = a.user();
        assertEquals(200, status(Keys.get(client, root(), "/api/v1/metrics/count", user)));

        // Rotate: the old key stops at once, the new one works.
        JsonObject rotated = json(call("POST", users(a) + "/ci/keys/" + a.userKeyId() + "/rotate", null, a.admin()),
                201);
        assertNotEquals(a.userKey(), rotated.getString("key"));
        assertUnauthorized(Keys.get(client, root(), "/api/v1/metrics/count", user));
        Credentials fresh = Credentials.bearer(rotated.getString("key"));
        assertEquals(200, status(Keys.get(client, root(), "/api/v1/metrics/count", fresh)));
        assertEquals(409, status(call("POST", users(a) + "/ci/keys/" + a.userKeyId() + "/rotate", null, a.admin())));

        // Disable the user: every key stops; enable: they work again.
        JsonObject disabled = json(call("PATCH", users(a) + "/ci", "{\"disabled\":true}", a.admin()), 200);
        assertTrue(disabled.getBoolean("disabled"));
        assertUnauthorized(Keys.get(client, root(), "/api/v1/metrics/count", fresh));
        json(call("PATCH", users(a) + "/ci", "{\"disabled\":false}", a.admin()), 200);
        assertEquals(200, status(Keys.get(client, root(), "/api/v1/metrics/count", fresh)));
        assertEquals(400, status(call("PATCH", users(a) + "/ci", "{\"disabled\":\"yes\"}", a.admin())));

        // Revoke: 204, then 401 at once; an unknown key id is 404.
        long freshId = rotated.getJsonNumber("id").longValue();
        assertEquals(204, status(call("DELETE", users(a) + "/ci/keys/" + freshId, null, a.admin())));
        assertUnauthorized(Keys.get(client, root(), "/api/v1/metrics/count", fresh));
        assertEquals(404, status(call("DELETE", users(a) + "/ci/keys/999999999", null, a.admin())));
    }

    @Test
    void keysAreListedWithoutSecretsAndLastUseIsRecorded() {
        assertEquals(200, status(Keys.get(client, root(), "/api/v1/metrics/count", a.user())));
        JsonObject page = json(Keys.get(client, root(), users(a) + "/ci/keys", a.admin()), 200);
        JsonObject key = page.getJsonArray("keys").getJsonObject(0);
        assertEquals(a.userKeyId(), key.getJsonNumber("id").longValue());
        assertEquals("ci", key.getString("user"));
        assertFalse(key.containsKey("key"), "the secret is never listed");
        assertFalse(page.toString().contains(a.userKey()), "the secret is never listed");
        assertFalse(key.isNull("last_used_at"), "a use is recorded: " + key);
        assertTrue(key.isNull("revoked_at"));
    }

    @Test
    void aTenantAdminManagesTheirOwnTenantOnly() {
        // Their own tenant: users and keys.
        json(call("POST", users(a), "{\"name\":\"new-user\"}", a.admin()), 201);
        json(call("POST", users(a) + "/new-user/keys", null, a.admin()), 201);
        JsonObject tenants = json(Keys.get(client, root(), "/api/v1/admin/tenants", a.admin()), 200);
        assertEquals(1, tenants.getJsonArray("tenants").size());
        assertEquals(a.name(), tenants.getJsonArray("tenants").getJsonObject(0).getString("name"));
        // Another tenant, whether it exists or not: 403.
        assertEquals(403, status(call("POST", users(b), "{\"name\":\"intruder\"}", a.admin())));
        assertEquals(403, status(Keys.get(client, root(), users(b), a.admin())));
        assertEquals(403, status(call("POST", users(b) + "/ci/keys", null, a.admin())));
        assertEquals(403, status(call("DELETE", users(b) + "/ci/keys/" + b.userKeyId(), null, a.admin())));
        assertEquals(403, status(call("PATCH", users(b) + "/ci", "{\"disabled\":true}", a.admin())));
        assertEquals(403, status(Keys.get(client, root(), "/api/v1/admin/tenants/no-such-tenant/users", a.admin())));
        // Only the superadmin creates tenants; nobody makes a second superadmin.
        assertEquals(403, status(call("POST", "/api/v1/admin/tenants", "{\"name\":\"rogue\"}", a.admin())));
        assertEquals(400, status(call("POST", users(a), "{\"name\":\"x\",\"role\":\"superadmin\"}", a.admin())));
        // B's user still works: nothing A's admin tried changed B.
        assertEquals(200, status(Keys.get(client, root(), "/api/v1/metrics/count", b.user())));
    }

    @Test
    void aPlainUserManagesNothing() {
        for (String path : new String[] {"/api/v1/admin/tenants", users(a), users(a) + "/ci/keys",
                "/api/v1/metrics/queues", "/api/v1/metrics/nodes/usage"}) {
            Response answer = Keys.get(client, root(), path, a.user());
            assertEquals(403, answer.getStatus(), path);
            assertTrue(json(answer, 403).containsKey("message"));
        }
        assertEquals(403, status(call("POST", users(a) + "/ci/keys", null, a.user())));
    }

    @Test
    void theSuperadminManagesEveryTenant() {
        Credentials admin = Credentials.bearer(Keys.ADMIN);
        assertEquals(409, status(call("POST", "/api/v1/admin/tenants", "{\"name\":\"" + a.name() + "\"}", admin)));
        assertEquals(400, status(call("POST", "/api/v1/admin/tenants", "{\"name\":\"Bad Name\"}", admin)));
        assertEquals(409, status(call("POST", users(a), "{\"name\":\"ci\"}", admin)));
        json(call("POST", users(b), "{\"name\":\"by-superadmin\"}", admin), 201);
        assertEquals(404, status(Keys.get(client, root(), "/api/v1/admin/tenants/no-such-tenant/users", admin)));
        assertEquals(409, status(call("PATCH", "/api/v1/admin/tenants/superadmin/users/admin", "{\"disabled\":true}",
                admin)));
    }
}
