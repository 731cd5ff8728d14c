package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.monitorserver.it.Keys.assertUnauthorized;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.monitorserver.it.Keys.Credentials;
import org.monitorserver.it.Keys.TestTenant;

/**
 * With authentication off (the default, as in every other IT): data routes answer as before, whatever credentials
 * come with them, and write to tenant {@code default}; the admin routes still need an admin key.
 */
class AdminRoutesIT extends ApiTestSupport {

    private final Client client = ClientBuilder.newClient();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void adminRoutesNeedAnAdminKeyEvenWithAuthenticationOff() {
        assertUnauthorized(Keys.get(client, root(), "/api/v1/admin/tenants", Credentials.NONE));
        assertUnauthorized(Keys.get(client, root(), "/api/v1/admin/tenants", Credentials.bearer("msk_wrong")));
        assertUnauthorized(Keys.get(client, root(), "/api/v1/metrics/queues", Credentials.NONE));
        TestTenant tenant = Keys.tenant(client, root(), "off");
        Response asUser = Keys.get(client, root(), "/api/v1/admin/tenants", tenant.user());
        assertEquals(403, asUser.getStatus());
        asUser.close();
        assertEquals(tenant.name(), json(Keys.get(client, root(), "/api/v1/admin/tenants/" + tenant.name(),
                tenant.admin()), 200).getString("name"));
    }

    @Test
    void dataRoutesIgnoreCredentialsAndWriteToTheDefaultTenant() {
        long before = count("metrics");
        String sessionH = Body.hash();
        String contextH = Body.hash();
        // A wrong key changes nothing with authentication off: the request goes on anonymously.
        json(Keys.send(client, root(), "POST", "/api/v1/metrics/", Body.metric(sessionH, contextH).json(),
                Credentials.bearer("msk_not_a_key")), 201);
        assertEquals(before + 1, count("metrics"));
        assertEquals(before + 1, json(Keys.get(client, root(), "/api/v1/metrics/count", Credentials.NONE), 200)
                .getJsonNumber("count").longValue());
    }
}
