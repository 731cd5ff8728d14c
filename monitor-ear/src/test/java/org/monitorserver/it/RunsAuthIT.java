package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.monitorserver.it.Keys.assertUnauthorized;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.RunResultJson;
import org.monitorserver.client.Monitor;
import org.monitorserver.client.RunQuery;
import org.monitorserver.it.Keys.Credentials;
import org.monitorserver.it.Keys.TestTenant;

/**
 * The run API with {@code MONITOR_SERVER_AUTH=on} and no object store configured (the failsafe execution
 * {@code postgresql-auth}): a run's token is a tenant user's key, a missing or bad one is 401 at both paths, one
 * tenant never sees or touches another's runs, runs count in node usage, and without a store the registration
 * hands out empty strings and an object-store finish is refused.
 */
class RunsAuthIT extends ApiTestSupport {

    private final Client client = ClientBuilder.newClient();
    private TestTenant a;
    private TestTenant b;

    @BeforeEach
    void twoTenants() {
        a = Keys.tenant(client, root(), "runs-a");
        b = Keys.tenant(client, root(), "runs-b");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private Response post(String path, String body, Credentials credentials) {
        return Keys.send(client, root(), "POST", path, body, credentials);
    }

    private String register(String body, Credentials credentials) {
        return json(post("/runs", body, credentials), 201).getString("run_id");
    }

    @Test
    void aMissingOrBadTokenIs401AtBothPaths() {
        for (String path : List.of("/runs", "/api/v1/runs")) {
            assertUnauthorized(post(path, RunsIT.registration("p", null), Credentials.NONE));
            assertUnauthorized(post(path, RunsIT.registration("p", null), Credentials.bearer("msk_not-a-key")));
            assertUnauthorized(Keys.get(client, root(), path, Credentials.NONE));
        }
        String id = register(RunsIT.registration("p", null), a.user());
        assertUnauthorized(post("/runs/" + id + "/refresh-credentials", null, Credentials.NONE));
        assertUnauthorized(post("/runs/" + id + "/finish", RunsIT.finishInline("\"timestamp\"\n1\n"),
                Credentials.bearer("msk_not-a-key")));
    }

    @Test
    void withoutAStoreRegistrationHandsOutEmptyStringsAndAnObjectStoreFinishIsRefused() {
        JsonObject registered = json(post("/runs", RunsIT.registration("p", null), a.user()), 201);
        assertEquals("", registered.getString("upload_uri_prefix"));
        JsonObject credentials = registered.getJsonObject("upload_credentials");
        for (String key : List.of("access_key", "secret_key", "session_token", "region", "expires_at", "expiration")) {
            assertEquals("", credentials.getString(key), key);
        }
        String id = registered.getString("run_id");
        JsonObject refused = json(post("/runs/" + id + "/finish", "{\"data_source\":\"s3\",\"data_uris\":"
                + "[\"s3://bucket/runs/" + id + "/0000.csv.gz\"]}", a.user()), 400);
        assertTrue(refused.getString("message").contains("no object store configured"), refused::toString);
        assertEquals(200, post("/runs/" + id + "/finish", RunsIT.finishInline("\"timestamp\"\n1\n"), a.user())
                .getStatus(), "inline data needs no store");
    }

    @Test
    void oneTenantNeverSeesOrTouchesAnothersRuns() {
        String project = RunsIT.unique("iso");
        String id = register(RunsIT.registration(project, null), a.user());
        Credentials other = b.user();
        assertEquals(404, Keys.get(client, root(), "/api/v1/runs/" + id, other).getStatus());
        assertEquals(404, Keys.get(client, root(), "/api/v1/runs/" + id + "/samples", other).getStatus());
        assertEquals(404, post("/runs/" + id + "/refresh-credentials", null, other).getStatus());
        assertEquals(404, post("/api/v1/runs/" + id + "/finish", RunsIT.finishInline("\"timestamp\"\n1\n"), other)
                .getStatus());
        assertEquals(204, Keys.get(client, root(), "/api/v1/runs?project=" + project, other).getStatus());
        assertEquals(404, Keys.get(client, root(), "/api/v1/runs/" + id, b.admin()).getStatus(),
                "nor does the other tenant's admin");

        // The owner still can, with either of its keys.
        assertEquals(200, post("/runs/" + id + "/finish", RunsIT.finishInline("\"timestamp\"\n1\n"), a.admin())
                .getStatus());
        JsonObject page = json(Keys.get(client, root(), "/api/v1/runs?project=" + project, a.user()), 200);
        assertEquals(id, page.getJsonArray("runs").getJsonObject(0).getJsonObject("run").getString("run_id"));
        assertEquals(1, json(Keys.get(client, root(), "/api/v1/runs/" + id + "/samples", a.user()), 200)
                .getJsonArray("samples").size());
    }

    @Test
    void theJavaClientListsAndGetsItsTenantsRuns() {
        String project = RunsIT.unique("client");
        String first = register("{\"project_name\":\"" + project + "\",\"team\":\"ml\"}", a.user());
        String second = register("{\"project_name\":\"" + project + "\",\"team\":\"data\"}", a.user());
        assertEquals(200, post("/runs/" + second + "/finish", RunsIT.finishInline("\"timestamp\"\n1\n2\n"), a.user())
                .getStatus());
        URI api = URI.create(root() + "/api/v1");
        try (Monitor mine = Monitor.remote(api, a.userKey()); Monitor theirs = Monitor.remote(api, b.userKey())) {
            assertEquals(List.of(second, first), mine.listRuns(RunQuery.ofProject(project)).stream()
                    .map(run -> run.run().runId()).toList(), "newest first");
            assertEquals(List.of(first), mine.listRuns(new RunQuery(project, null, null, "ml", null, null, null))
                    .stream().map(run -> run.run().runId()).toList());
            RunResultJson run = mine.getRun(second).orElseThrow();
            assertEquals("finished", run.run().runStatus());
            assertEquals("ok", run.processing().status());
            assertEquals(2L, ((Number) run.stats().get("samples")).longValue());
            assertTrue(theirs.getRun(second).isEmpty(), "another tenant's run");
            assertTrue(theirs.listRuns(RunQuery.ofProject(project)).isEmpty());
        }
    }

    @Test
    void runsKeepTheirHostBusyInNodeUsage() {
        // Three runs of tenant a, finished far ahead so that a one-day window in that year holds only them: two on
        // one host (merged: one node), one without a hostname (a node of its own).
        int year = 2090;
        String finishedAt = year + "-06-01T00:00:00Z";
        for (String host : new String[] {"builder-1", "builder-1", null}) {
            String id = register(RunsIT.registration("usage", host), a.user());
            assertEquals(200, post("/runs/" + id + "/finish", "{\"exit_code\":0,\"data_csv\":\"\\\"timestamp\\\"\\n1\\n\","
                    + "\"finished_at\":\"" + finishedAt + "\"}", a.user()).getStatus());
        }
        long start = LocalDate.of(year, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        JsonObject usage = json(Keys.get(client, root(), "/api/v1/metrics/nodes/usage?tenant=" + a.name() + "&start="
                + start + "&end=" + (start + 86_400), Credentials.bearer(Keys.ADMIN)), 200);
        assertEquals(2 * 86_400, usage.getJsonArray("data").getJsonObject(0).getJsonNumber("value").longValue(),
                usage::toString);
        JsonObject own = json(Keys.get(client, root(), "/api/v1/metrics/nodes/usage?start=" + start + "&end="
                + (start + 86_400), b.admin()), 200);
        assertEquals(0, own.getJsonArray("data").getJsonObject(0).getJsonNumber("value").longValue(),
                "tenant b ran nothing");
    }
}
