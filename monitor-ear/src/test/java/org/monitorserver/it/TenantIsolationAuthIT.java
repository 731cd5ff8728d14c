package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.monitorserver.it.Keys.assertUnauthorized;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monitorserver.client.AccessDeniedException;
import org.monitorserver.client.Monitor;
import org.monitorserver.it.Keys.Credentials;
import org.monitorserver.it.Keys.TestTenant;

/**
 * With {@code MONITOR_SERVER_AUTH=on} (the failsafe execution {@code postgresql-auth} runs the {@code *AuthIT}
 * classes): two tenants with the same session and context hashes see and change only their own data, through
 * every route family; each credential form works, and nothing but the public routes answers without one.
 */
class TenantIsolationAuthIT extends ApiTestSupport {

    private final Client client = ClientBuilder.newClient();
    private TestTenant a;
    private TestTenant b;

    @BeforeEach
    void twoTenants() {
        a = Keys.tenant(client, root(), "team-a");
        b = Keys.tenant(client, root(), "team-b");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private Response get(String path, Credentials credentials) {
        return Keys.get(client, root(), path, credentials);
    }

    private Response post(String path, String body, Credentials credentials) {
        return Keys.send(client, root(), "POST", path, body, credentials);
    }

    private long countOf(String path, Credentials credentials) {
        return json(get(path, credentials), 200).getJsonNumber("count").longValue();
    }

    @Test
    void publicRoutesAnswerWithoutCredentialsAndNothingElseDoes() throws Exception {
        // The managed server's log (standalone.xml's file handler; no MONITOR_SERVER_LOGDIR in the tests).
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        long logBefore = Files.size(log);
        assertEquals(200, get("/api/v1/health", Credentials.NONE).getStatus());
        Response openapi = get("/openapi", Credentials.NONE);
        assertEquals(200, openapi.getStatus());
        openapi.close();
        Response landing = get("/", Credentials.NONE);
        assertEquals(200, landing.getStatus());
        String page = landing.readEntity(String.class);
        assertTrue(page.contains("<td>authentication</td><td>on") && !page.contains("<td>metrics</td>"),
                "the landing page is public and shows no tenant's counts: " + page);
        assertEquals(200, get("/docs/security.md", Credentials.NONE).getStatus());
        for (String path : List.of("/api/v1/metrics/", "/api/v1/metrics/count", "/api/v1/sessions/",
                "/api/v1/contexts/", "/api/v1/components/", "/api/v1/pipelines/", "/api/v1/resources/memory/head/metrics",
                "/api/v1/items/test_prime/metrics", "/api/v1/imports", "/api/v1/admin/tenants",
                "/api/v1/metrics/queues", "/api/v1/metrics/nodes/usage", "/api/v1/no/such/route")) {
            assertUnauthorized(get(path, Credentials.NONE));
        }
        assertUnauthorized(post("/api/v1/metrics/", Body.metric(Body.hash(), Body.hash()).json(), Credentials.NONE));
        assertUnauthorized(post("/api/v1/sessions/", Body.session(Body.hash()).json(), Credentials.NONE));
        assertUnauthorized(client.target(URI.create(root() + "/api/v1/imports")).request()
                .post(Entity.entity(new byte[] {1, 2, 3}, "application/octet-stream")));
        // The error page that writes the 401's body answers nothing of its own.
        Response direct = get("/authentication-failure", Credentials.bearer(a.userKey()));
        assertEquals(404, direct.getStatus());
        assertEquals("not found", json(direct, 404).getString("message"));
        // A refusal is routine: the server logs no error for it (it once logged a stack trace per 401).
        String logged = readFrom(log, logBefore);
        assertTrue(!logged.contains(" ERROR ") && !logged.contains("UT010019"), logged);
    }

    /** What {@code file} holds from byte {@code offset} on. */
    private static String readFrom(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }

    @Test
    void everyCredentialFormWorksAndWrongOnesGet401() {
        for (Credentials good : List.of(Credentials.bearer(a.userKey()), Credentials.basic("ci", a.userKey()),
                Credentials.headers("ci", a.name(), a.userKey()))) {
            assertEquals(0, countOf("/api/v1/metrics/count", good));
        }
        for (Credentials bad : List.of(Credentials.bearer(a.userKey() + "x"), Credentials.basic("boss", a.userKey()),
                Credentials.headers("ci", b.name(), a.userKey()), Credentials.bearer(""),
                request -> request.header("Authorization", "Basic not-base64!"),
                request -> request.header("Authorization", "Digest abc"),
                request -> request.header("Monitor-UserID", "ci"))) {
            assertUnauthorized(get("/api/v1/metrics/count", bad));
        }
    }

    @Test
    void sameHashesInTwoTenantsStayApartInEveryRouteFamily() {
        String contextH = Body.hash();
        String sessionH = Body.hash();
        for (TestTenant tenant : List.of(a, b)) {
            json(post("/api/v1/contexts/", Body.context(contextH).json(), tenant.user()), 201);
            // The same session hash with other content in each tenant: no conflict across tenants.
            json(post("/api/v1/sessions/", Body.session(sessionH).with("scm_ref", tenant.name()).json(),
                    tenant.user()), 201);
        }
        json(post("/api/v1/metrics/", Body.metric(sessionH, contextH).with("component", "billing").json(),
                a.user()), 201);
        String bulk = Body.metric(sessionH, contextH).with("component", "billing").json() + "\n"
                + Body.metric(sessionH, contextH).with("component", "billing").with("item", "test_two").json();
        assertEquals(2, json(a.user().apply(client.target(URI.create(root() + "/api/v1/metrics/bulk")).request())
                .post(Entity.entity(bulk, "application/x-ndjson")), 200).getInt("accepted"));

        assertEquals(3, countOf("/api/v1/metrics/count", a.user()));
        assertEquals(0, countOf("/api/v1/metrics/count", b.user()));
        assertEquals(1, countOf("/api/v1/sessions/count", a.user()));
        assertEquals(1, countOf("/api/v1/sessions/count", b.user()));
        assertEquals(a.name(), json(get("/api/v1/sessions/" + sessionH, a.user()), 200).getJsonArray("sessions")
                .getJsonObject(0).getString("scm_ref"));
        assertEquals(b.name(), json(get("/api/v1/sessions/" + sessionH, b.user()), 200).getJsonArray("sessions")
                .getJsonObject(0).getString("scm_ref"));
        // Every read family of B answers as for unknown data: nothing of A's.
        for (String path : List.of("/api/v1/metrics/", "/api/v1/sessions/" + sessionH + "/metrics",
                "/api/v1/contexts/" + contextH + "/metrics", "/api/v1/components/", "/api/v1/components/billing/metrics",
                "/api/v1/resources/memory/head/metrics", "/api/v1/items/test_prime/metrics",
                "/api/v1/filters/scm/" + b.name() + "/metrics")) {
            Response answer = get(path, b.user());
            assertTrue(answer.getStatus() == 204 || answer.getStatus() == 404, () -> path + " answered "
                    + answer.getStatus() + ": " + answer.readEntity(String.class));
            answer.close();
            Response own = get(path.replace(b.name(), a.name()), a.user());
            assertEquals(200, own.getStatus(), () -> path + " for A: " + own.readEntity(String.class));
            own.close();
        }
        assertEquals(3, countOf("/api/v1/metrics/count?session_h=" + sessionH, a.user()));
        assertEquals(0, countOf("/api/v1/metrics/count?session_h=" + sessionH, b.user()));
    }

    @Test
    void theJavaClientTakesAKey() {
        String sessionH = Body.hash();
        json(post("/api/v1/sessions/", Body.session(sessionH).json(), a.user()), 201);
        URI api = URI.create(root() + "/api/v1");
        try (Monitor withKey = Monitor.remote(api, a.userKey()); Monitor other = Monitor.remote(api, b.userKey());
                Monitor without = Monitor.remote(api)) {
            assertEquals(1, withKey.countSessions());
            assertEquals(sessionH, withKey.getSession(sessionH).orElseThrow().h());
            assertTrue(other.getSession(sessionH).isEmpty(), "another tenant's key sees nothing");
            assertEquals(401, assertThrows(AccessDeniedException.class, without::countSessions).status());
        }
    }

    @Test
    void importsAreScopedToTheirTenant() {
        // Any body makes a job (it fails later, being no .pymon): what matters here is who sees it.
        Response upload = a.user().apply(client.target(URI.create(root() + "/api/v1/imports")).request())
                .post(Entity.entity("not a .pymon".getBytes(), "application/octet-stream"));
        long id = json(upload, 202).getJsonNumber("id").longValue();
        assertEquals(200, get("/api/v1/imports/" + id, a.user()).getStatus());
        Response other = get("/api/v1/imports/" + id, b.user());
        assertEquals(404, other.getStatus());
        other.close();
        assertEquals(204, get("/api/v1/imports", b.user()).getStatus());
    }

    @Test
    void postedAndImportedSessionsRecordTheUserWhoseKeySentThem() throws Exception {
        String posted = Body.hash();
        json(post("/api/v1/sessions/", Body.session(posted).json(), Credentials.basic("ci", a.userKey())), 201);
        Path dir = Files.createTempDirectory("sender-");
        Path file = dir.resolve("sent.pymon");
        try {
            var data = new ImportIT.DataSet(2, 3);
            byte[] bytes = Files.readAllBytes(data.write(file));
            Response upload = a.admin().apply(client.target(URI.create(root() + "/api/v1/imports")).request())
                    .post(Entity.entity(bytes, "application/octet-stream"));
            long id = json(upload, 202).getJsonNumber("id").longValue();
            String state = "queued";
            for (int i = 0; i < 600 && (state.equals("queued") || state.equals("running")); i++) {
                Thread.sleep(50);
                state = json(get("/api/v1/imports/" + id, a.admin()), 200).getString("state");
            }
            assertEquals("done", state);
            assertEquals("ci", sender(posted));
            assertEquals("boss", sender(data.session(0)));
            assertEquals("boss", sender(data.session(1)));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** The name of the user recorded as the sender of tenant A's session {@code sessionH}, read from the table. */
    private String sender(String sessionH) throws SQLException {
        try (Connection db = database();
                PreparedStatement find = db.prepareStatement("SELECT u.name FROM test_session s JOIN tenant t ON"
                        + " t.id = s.tenant_id LEFT JOIN app_user u ON u.id = s.user_id WHERE t.name = ?"
                        + " AND s.session_h = ?")) {
            find.setString(1, a.name());
            find.setString(2, sessionH);
            try (ResultSet row = find.executeQuery()) {
                assertTrue(row.next(), () -> "no session " + sessionH + " in " + a.name());
                return row.getString(1);
            }
        }
    }

    @Test
    void pytestMonitorWithBasicCredentialsStoresIntoItsTenant() {
        // pytest --remote-server http://ci:KEY@HOST:8181/api/v1: requests sends the URL's user:key as Basic.
        Credentials basic = Credentials.basic("ci", a.userKey());
        String contextH = Body.hash();
        String sessionH = Body.hash();
        assertEquals(204, get("/api/v1/contexts/" + contextH, basic).getStatus());
        json(post("/api/v1/contexts/", Body.context(contextH).json(), basic), 201);
        json(post("/api/v1/sessions/", Body.session(sessionH).json(), basic), 201);
        for (int i = 0; i < 3; i++) {
            json(post("/api/v1/metrics/", Body.metric(sessionH, contextH).with("item", "test_" + i).json(), basic), 201);
        }
        assertEquals(3, countOf("/api/v1/metrics/count", a.user()));
        assertEquals(0, countOf("/api/v1/metrics/count", b.user()));
        assertEquals(204, get("/api/v1/sessions/" + sessionH, b.user()).getStatus());
    }
}
