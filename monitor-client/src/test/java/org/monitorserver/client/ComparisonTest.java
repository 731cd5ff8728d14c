package org.monitorserver.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.monitorserver.client.StubServer.Answer.json;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monitorserver.client.ComparisonRequest.ChangeOrder;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Verdict;
import org.monitorserver.client.remote.RemoteOptions;

/**
 * {@link Monitor#compare}: the query that names each ref form (encoded), every page walked by {@code next_url}
 * with the first page's summary and method, typed failures, the checks of a request, and the refusal of a .pymon
 * file.
 */
class ComparisonTest {

    private static final RemoteOptions FAST = RemoteOptions.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
            .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(20));

    private StubServer stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void namesEachRefFormInTheQuery() {
        String empty = ExampleComparison.page(List.of(), ExampleComparison.summary(), null);
        stub.on(ExampleComparison.BY_BUILD, json(200, empty));
        stub.on("/api/v1/compare?baseline_scm=release%2F2.1&contender_scm=feature%2Flogin-v2", json(200, empty));
        stub.on("/api/v1/compare?baseline_session=deadbeef&contender_scm=9e1c2f0a4d&threshold=2.5&component=my%20api"
                + "&verdict=not_enough_history&resource=kernel_time&sort=change", json(200, empty));
        stub.on("/api/v1/compare?baseline_pipeline=main&baseline_build=41&contender_session=c0ffee&threshold=10"
                + "&sort=-change", json(200, empty));
        try (Monitor remote = Monitor.remote(stub.root(), FAST)) {
            remote.compare(ComparisonRequest.of(Ref.build("main", "41"), Ref.build("main", "42")));
            remote.compare(ComparisonRequest.of(Ref.scm("release/2.1"), Ref.scm("feature/login-v2")));
            remote.compare(ComparisonRequest.of(Ref.session("deadbeef"), Ref.scm("9e1c2f0a4d")).withThreshold(2.5)
                    .withComponent("my api").withVerdict(Verdict.NOT_ENOUGH_HISTORY)
                    .withResource(ResourceType.KERNEL_TIME).withOrder(ChangeOrder.FALL_FIRST));
            remote.compare(ComparisonRequest.of(Ref.build("main", "41"), Ref.session("c0ffee")).withThreshold(10)
                    .withOrder(ChangeOrder.RISE_FIRST));
        }
        assertEquals(4, stub.requests().size(), "each request matched its expected query: " + stub.requests());
    }

    @Test
    void walksEveryPageAndKeepsTheFirstPagesSummary() {
        String second = ExampleComparison.BY_BUILD + "&page=2";
        String third = ExampleComparison.BY_BUILD + "&page=3";
        List<org.monitorserver.api.ComparisonRowJson> rows = ExampleComparison.ROWS;
        stub.on(ExampleComparison.BY_BUILD, json(200, ExampleComparison.page(rows.subList(0, 2),
                ExampleComparison.summary(), second)));
        // Later pages repeat the summary; a different one here shows which page the answer keeps.
        stub.on(second, json(200, ExampleComparison.page(rows.subList(2, 3), Map.of("regressed", 9L), third)));
        stub.on(third, json(200, ExampleComparison.page(rows.subList(3, 4), Map.of(), null)));
        Comparison comparison;
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            comparison = remote.compare(ComparisonRequest.of(Ref.build("main", "41"), Ref.build("main", "42")));
        }
        assertEquals(rows, comparison.rows());
        assertEquals(ExampleComparison.summary(), comparison.summary());
        assertEquals(1, comparison.count(Verdict.REGRESSED));
        assertEquals(ExampleComparison.method(), comparison.method());
        assertEquals("42", comparison.contender().build());
        assertEquals(List.of(ExampleComparison.REGRESSED, ExampleComparison.NO_HISTORY),
                comparison.rowsWith(Set.of(Verdict.REGRESSED, Verdict.NOT_ENOUGH_HISTORY)));
        assertEquals(1, stub.count(third));
        assertEquals(3, stub.requests().size());
    }

    @Test
    void failuresAreTyped() {
        stub.on(ExampleComparison.BY_BUILD, json(404, "{\"message\":\"the baseline has no session\"}"));
        stub.on("/api/v1/compare?baseline_scm=a&contender_scm=b&threshold=1000",
                json(400, "{\"message\":\"invalid request parameters\",\"errors\":{\"threshold\":\"too high\"}}"));
        stub.on("/api/v1/compare?baseline_scm=a&contender_scm=a", json(200, "{\"comparisons\":[]}"));
        try (Monitor remote = Monitor.remote(stub.api(), FAST)) {
            assertEquals("the baseline has no session", assertThrows(NotFoundException.class,
                    () -> remote.compare(ComparisonRequest.of(Ref.build("main", "41"), Ref.build("main", "42"))))
                    .getMessage());
            BadRequestException bad = assertThrows(BadRequestException.class, () -> remote.compare(
                    ComparisonRequest.of(Ref.scm("a"), Ref.scm("b")).withThreshold(1000)));
            assertEquals(Map.of("threshold", "too high"), bad.errors());
            assertThrows(ProtocolException.class, () -> remote.compare(ComparisonRequest.of(Ref.scm("a"),
                    Ref.scm("a"))), "an answer without a method is no comparison");
        }
    }

    @Test
    void aRequestNamesEachSideOneWayWithinTheServersRange() {
        assertThrows(IllegalArgumentException.class, () -> Ref.build("main", null));
        assertThrows(IllegalArgumentException.class, () -> new Ref(null, "41", null, null));
        assertThrows(IllegalArgumentException.class, () -> new Ref("main", "41", "9e1c", null));
        assertThrows(IllegalArgumentException.class, () -> new Ref(null, null, "9e1c", "deadbeef"));
        assertThrows(IllegalArgumentException.class, () -> new Ref(null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> Ref.scm(" "));
        ComparisonRequest request = ComparisonRequest.of(Ref.scm("a"), Ref.scm("b"));
        assertThrows(IllegalArgumentException.class, () -> request.withThreshold(1000.5));
        assertThrows(IllegalArgumentException.class, () -> request.withThreshold(-1));
        assertThrows(IllegalArgumentException.class, () -> request.withThreshold(Double.NaN));
        assertThrows(NullPointerException.class, () -> ComparisonRequest.of(null, Ref.scm("b")));
        assertEquals("0.333333", request.withThreshold(1.0 / 3).parameters().get("threshold"));
        assertEquals("0", request.withThreshold(0).parameters().get("threshold"));
        assertEquals("1000", request.withThreshold(1000).parameters().get("threshold"));
        assertEquals(Verdict.NOT_ENOUGH_HISTORY, Verdict.parse("Not_Enough_History"));
        assertThrows(IllegalArgumentException.class, () -> Verdict.parse("worse"));
    }

    @Test
    void aPymonFileCannotCompare(@TempDir Path folder) throws Exception {
        try (Monitor local = Monitor.local(ExampleData.write(folder.resolve("example.pymon")))) {
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                    () -> local.compare(ComparisonRequest.of(Ref.build("main", "412"), Ref.build("main", "413"))));
            assertTrue(refused.getMessage().startsWith("compare needs a server"), refused.getMessage());
        }
    }
}
