package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ComparisonJson;
import org.monitorserver.api.ComparisonRowJson;
import org.monitorserver.api.HistoryJson;
import org.monitorserver.client.cli.CommandLine;
import org.monitorserver.it.Keys.Credentials;

/**
 * Regression verdicts on crafted data (issue 15): a pipeline of 20 builds of history, a baseline build and a
 * contender build, each one session with four tests whose memory behaves differently, compared through
 * {@code GET /api/v1/compare}; and an item's history across 40 builds with a single spike and a step, through
 * {@code GET /api/v1/items/<item>/history}. The page size of the test server is 3.
 */
class VerdictsIT extends ApiTestSupport {

    private static final int HISTORY = 20;
    private static final String BRANCH = "feature/verdicts-";

    private final Client client = ClientBuilder.newClient();
    private final String suffix = Body.hash().substring(0, 10);
    private final String pipeline = "verdicts-" + suffix;
    private final String component = "comp-" + suffix;
    private final String contextH = Body.hash();
    private final Map<Integer, String> sessions = new LinkedHashMap<>();

    @BeforeEach
    void builds() {
        json(post("/api/v1/contexts/", Body.context(contextH).json()), 201);
        var noise = new Random(15);
        for (int build = 1; build <= HISTORY + 2; build++) {
            // Memory per test: quiet ~100 (±1), noisy swinging 60..140, two that move only in the contender.
            double quiet = 100 + (noise.nextDouble() * 2 - 1);
            double noisy = 100 + 40 * (build % 2 == 0 ? 1 : -1) * noise.nextDouble();
            boolean contender = build == HISTORY + 2;
            Map<String, Double> memory = new LinkedHashMap<>();
            memory.put("test_regress", contender ? 150.0 : quiet);
            memory.put("test_quiet", contender ? 104.0 : 100.0);
            memory.put("test_noisy", contender ? 125.0 : build == HISTORY + 1 ? 100.0 : noisy);
            memory.put("test_improve", contender ? 60.0 : quiet);
            sessions.put(build, session(pipeline, build, build == HISTORY + 1 ? BRANCH + suffix : "sha-" + build,
                    memory));
        }
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void givesTheRightVerdictsOnCraftedData() {
        ComparisonJson answer = compare("&component=" + component + "&resource=memory");
        assertEquals(1, answer.baseline().sessions());
        assertEquals(4, answer.baseline().tests());
        assertEquals(HISTORY, answer.method().historyBuilds(), "the history is the 20 builds before the baseline");
        assertEquals(pipeline, answer.method().historyPipeline());
        assertEquals("setting", answer.method().thresholdSource());
        assertEquals(10.0, answer.method().thresholdPercent());
        assertEquals(Map.of("regressed", 1L, "improved", 1L, "unchanged", 2L, "not_enough_history", 0L),
                answer.summary());

        Map<String, ComparisonRowJson> rows = rows("&component=" + component + "&resource=memory");
        assertEquals("regressed", rows.get("test_regress").verdict(), "a clear regression");
        assertEquals(50.0, rows.get("test_regress").changePercent(), 1.5);
        assertTrue(rows.get("test_regress").contender() > rows.get("test_regress").intervalUpper());
        assertEquals("unchanged", rows.get("test_quiet").verdict(), "within the threshold: noise not flagged");
        assertNull(rows.get("test_quiet").intervalUpper(), "no noise check below the threshold");
        assertEquals("unchanged", rows.get("test_noisy").verdict(), "beyond the threshold, inside its noise");
        assertEquals(25.0, rows.get("test_noisy").changePercent(), 1e-9);
        assertTrue(rows.get("test_noisy").contender() < rows.get("test_noisy").intervalUpper());
        assertEquals("improved", rows.get("test_improve").verdict(), "an improvement");
        assertEquals(HISTORY, rows.get("test_improve").historyBuilds());
        assertNull(rows.get("test_improve").mannWhitneyP(), "one run a side: no rank test");

        // Every resource but memory is the same in every build: unchanged, 0 %.
        ComparisonJson cpu = compare("&component=" + component + "&resource=cpu");
        assertEquals(Map.of("regressed", 0L, "improved", 0L, "unchanged", 4L, "not_enough_history", 0L),
                cpu.summary());
    }

    @Test
    void sortsFiltersAndPagesLikeEveryListing() {
        String filter = "&component=" + component;
        ComparisonJson first = compare(filter);
        assertEquals(20, first.summary().values().stream().mapToLong(Long::longValue).sum(), "4 tests, 5 resources");
        assertEquals(7, first.totalPage(), "20 rows, 3 a page");
        assertNull(first.prevUrl());
        assertEquals(3, first.comparisons().size());
        assertEquals("test_regress", first.comparisons().get(0).itemVariant(), "largest rise first");
        assertEquals("memory", first.comparisons().get(0).resource());

        List<ComparisonRowJson> all = new ArrayList<>(first.comparisons());
        String next = first.nextUrl();
        while (next != null) {
            ComparisonJson page = read(get(next), 200, ComparisonJson.class);
            all.addAll(page.comparisons());
            next = page.nextUrl();
        }
        assertEquals(20, all.size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).changePercent() >= all.get(i).changePercent(), "sorted by change, descending");
        }
        assertEquals("test_improve", all.get(all.size() - 1).itemVariant());

        ComparisonJson ascending = compare(filter + "&sort=change");
        assertEquals("test_improve", ascending.comparisons().get(0).itemVariant(), "largest fall first");
        ComparisonJson last = compare(filter + "&page=-1");
        assertEquals(2, last.comparisons().size());
        assertNull(last.nextUrl());

        ComparisonJson regressed = compare(filter + "&verdict=regressed");
        assertEquals(1, regressed.comparisons().size());
        assertEquals(20, regressed.summary().values().stream().mapToLong(Long::longValue).sum(),
                "the summary counts every verdict");
        assertEquals(404, get(compareUrl(filter + "&page=8")).getStatus());

        var recent = json(get("/api/v1/pipelines/" + pipeline + "/builds/recent"), 200);
        assertEquals(List.of("22", "21", "20"), recent.getJsonArray("builds").getValuesAs(
                JsonString::getString), "newest first by run date, not by name");
        assertEquals(8, recent.getInt("total_page"));
    }

    @Test
    void thresholdsFromTheRequestAComponentAndTheSetting() {
        String filter = "&component=" + component + "&resource=memory";
        ComparisonJson wide = compare(filter + "&threshold=60");
        assertEquals("request", wide.method().thresholdSource());
        assertEquals(Map.of("regressed", 0L, "improved", 0L, "unchanged", 4L, "not_enough_history", 0L),
                wide.summary(), "+50 % and -40 % are within 60 %");

        Credentials admin = Credentials.bearer(System.getProperty("it.admin.key"));
        String route = "/api/v1/admin/thresholds/" + component;
        json(Keys.send(client, root(), "PUT", route, "{\"threshold_percent\": 45}", admin), 201);
        json(Keys.send(client, root(), "PUT", route, "{\"threshold_percent\": 55}", admin), 200);
        assertEquals(55.0, json(Keys.get(client, root(), route, admin), 200).getJsonNumber("threshold_percent")
                .doubleValue());
        Map<String, ComparisonRowJson> rows = rows(filter);
        assertEquals("unchanged", rows.get("test_regress").verdict(), "the component's 55 % applies");
        assertEquals(55.0, rows.get("test_regress").thresholdPercent());
        assertEquals("improved", rows("&threshold=30" + filter).get("test_improve").verdict(),
                "the request's threshold wins over the component's");
        assertEquals(400, Keys.send(client, root(), "PUT", route, "{\"threshold_percent\": -1}", admin).getStatus());
        assertEquals(403, Keys.send(client, root(), "PUT", route, "{\"threshold_percent\": 5}",
                Keys.tenant(client, root(), "thr").user()).getStatus());
        assertEquals(204, Keys.send(client, root(), "DELETE", route, null, admin).getStatus());
        assertEquals(404, Keys.get(client, root(), route, admin).getStatus());
        assertEquals("regressed", rows(filter).get("test_regress").verdict(), "the setting's 10 % again");
    }

    @Test
    void refsBySessionAndScmAndTheirErrors() {
        String branch = URLEncoder.encode(BRANCH + suffix, StandardCharsets.UTF_8);
        ComparisonJson byScm = read(get("/api/v1/compare?baseline_scm=" + branch + "&contender_session="
                + sessions.get(HISTORY + 2) + "&component=" + component + "&resource=memory"), 200,
                ComparisonJson.class);
        assertEquals(BRANCH + suffix, byScm.baseline().scm());
        assertEquals(pipeline, byScm.method().historyPipeline(), "the scm's sessions share the pipeline");
        assertEquals(HISTORY, byScm.method().historyBuilds());
        assertEquals(1L, byScm.summary().get("regressed"));

        ComparisonJson early = read(get("/api/v1/compare?baseline_pipeline=" + pipeline + "&baseline_build=3"
                + "&contender_pipeline=" + pipeline + "&contender_build=" + (HISTORY + 2) + "&component=" + component
                + "&resource=memory"), 200, ComparisonJson.class);
        assertEquals(2, early.method().historyBuilds());
        assertTrue(early.summary().get("not_enough_history") >= 2, () -> "two builds of history: " + early.summary());

        var missing = error(get("/api/v1/compare?contender_pipeline=" + pipeline + "&contender_build=1"), 400);
        assertTrue(missing.errors().containsKey("baseline"), missing::toString);
        var twoWays = error(get("/api/v1/compare?baseline_scm=x&baseline_session=y&contender_scm=z"), 400);
        assertTrue(twoWays.errors().containsKey("baseline"), twoWays::toString);
        var half = error(get("/api/v1/compare?baseline_pipeline=p&contender_scm=z"), 400);
        assertTrue(half.errors().containsKey("baseline_build"), half::toString);
        assertTrue(error(get(compareUrl("&verdict=worse")), 400).errors().containsKey("verdict"));
        assertTrue(error(get(compareUrl("&threshold=5000")), 400).errors().containsKey("threshold"));
        assertTrue(error(get(compareUrl("&sort=name")), 400).errors().containsKey("sort"));
        assertEquals("the baseline has no session", error(get("/api/v1/compare?baseline_pipeline=" + pipeline
                + "&baseline_build=99&contender_pipeline=" + pipeline + "&contender_build=1"), 404).message());
    }

    @Test
    void historyFindsTheStepNotTheSpike() {
        String history = "history-" + suffix;
        var noise = new Random(1947);
        List<Double> memory = new ArrayList<>();
        for (int build = 1; build <= 40; build++) {
            double value = (build <= 25 ? 100 : 130) + (noise.nextDouble() * 4 - 2);
            memory.add(build == 12 ? 300.0 : value);
            session(history, build, "sha-" + build, Map.of("test_history", memory.get(build - 1)));
        }
        HistoryJson answer = read(get("/api/v1/items/test_history/history?resource=memory&pipeline=" + history),
                200, HistoryJson.class);
        assertEquals(40, answer.builds());
        assertEquals(1, answer.series().size());
        HistoryJson.Series series = answer.series().get(0);
        assertEquals(40, series.points().size());
        assertEquals(List.of("1", "2", "3"), series.points().subList(0, 3).stream().map(HistoryJson.Point::build)
                .toList(), "builds by first run date, not by name");
        assertEquals(memory.get(0), series.points().get(0).value(), 1e-9);
        assertEquals(List.of(new HistoryJson.ChangePoint(25, "26")), series.changePoints(),
                "one change point, at the step; the spike is none");
        assertEquals("regressed", series.points().get(11).verdict(), "the spike is a regression against its past");
        assertEquals("not_enough_history", series.points().get(2).verdict());
        assertEquals(List.of(sessions(history, 12)), series.points().get(11).sessions());
        assertEquals("e-divisive means", answer.method().changePoints().substring(0, 16).toLowerCase());

        assertEquals(404, get("/api/v1/items/test_history/history?resource=memory&pipeline=none-" + suffix)
                .getStatus());
        assertTrue(error(get("/api/v1/items/test_history/history?pipeline=" + history), 400).errors()
                .containsKey("resource"));
        assertTrue(error(get("/api/v1/items/test_history/history?resource=disk&pipeline=" + history), 400)
                .errors().containsKey("resource"));
        assertTrue(error(get("/api/v1/items/test_history/history?resource=cpu"), 400).errors()
                .containsKey("pipeline"));
        HistoryJson variant = read(get("/api/v1/items/test_history/history?resource=memory&pipeline=" + history
                + "&variant=test_history"), 200, HistoryJson.class);
        assertEquals(40, variant.series().get(0).points().size());
    }

    @Test
    void theCommandLineGatesOnRegressionsAndWritesMarkdown() {
        List<String> sides = List.of("compare", "--server", root(), "--baseline-pipeline", pipeline,
                "--baseline-build", String.valueOf(HISTORY + 1), "--contender-pipeline", pipeline,
                "--contender-build", String.valueOf(HISTORY + 2), "--component", component, "--resource", "memory");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = cli(out, err, sides, "--fail-on", "regressed", "--markdown");
        assertEquals(6, status, () -> "the gate fails on the regression: " + err);
        String markdown = out.toString(StandardCharsets.UTF_8);
        assertTrue(markdown.contains("| " + component + " |"), markdown);
        assertTrue(markdown.contains("test_regress") && markdown.contains("test_improve"), markdown);
        assertTrue(!markdown.contains("test_quiet"), "unchanged rows are only counted: " + markdown);
        assertTrue(markdown.contains("regressed 1, improved 1, unchanged 2, not_enough_history 0"), markdown);

        assertEquals(0, cli(new ByteArrayOutputStream(), new ByteArrayOutputStream(), sides,
                "--fail-on", "regressed", "--threshold", "60"), "no regression beyond 60 %");
        assertEquals(6, cli(new ByteArrayOutputStream(), new ByteArrayOutputStream(), sides,
                "--fail-on", "improved,regressed", "--threshold", "45", "--csv"), "the improvement (-40 %) is within 45 %,"
                + " the regression (+50 %) is not");
        assertEquals(3, cli(new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                List.of("compare", "--server", root(), "--baseline-pipeline", pipeline, "--baseline-build", "99",
                        "--contender-pipeline", pipeline, "--contender-build", "1")), "no such build: not found");
    }

    private static int cli(ByteArrayOutputStream out, ByteArrayOutputStream err, List<String> args,
            String... more) {
        var all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(all.toArray(String[]::new));
    }

    private final Map<String, String> historySessions = new LinkedHashMap<>();

    private String sessions(String pipelineName, int build) {
        return historySessions.get(pipelineName + "#" + build);
    }

    private ComparisonJson compare(String more) {
        return read(get(compareUrl(more)), 200, ComparisonJson.class);
    }

    private String compareUrl(String more) {
        return "/api/v1/compare?baseline_pipeline=" + pipeline + "&baseline_build=" + (HISTORY + 1)
                + "&contender_pipeline=" + pipeline + "&contender_build=" + (HISTORY + 2) + more;
    }

    /** Every row of a comparison, across its pages, by item variant (one resource given in {@code more}). */
    private Map<String, ComparisonRowJson> rows(String more) {
        var rows = new LinkedHashMap<String, ComparisonRowJson>();
        String next = compareUrl(more);
        while (next != null) {
            ComparisonJson page = read(get(next), 200, ComparisonJson.class);
            page.comparisons().forEach(row -> rows.put(row.itemVariant(), row));
            next = page.nextUrl();
        }
        return rows;
    }

    /** One session of {@code build} with one metric per test, memory as given, every other resource 1. */
    private String session(String pipelineName, int build, String scm, Map<String, Double> memory) {
        String sessionH = Body.hash();
        json(post("/api/v1/sessions/", Body.session(sessionH)
                .with("run_date", LocalDateTime.of(2026, 1, 1, 0, 0).plusHours(build).toString() + ":00")
                .with("scm_ref", scm)
                .with("description", Map.of("pipeline_branch", pipelineName, "pipeline_build_no",
                        String.valueOf(build))).json()), 201);
        for (Map.Entry<String, Double> test : memory.entrySet()) {
            json(post("/api/v1/metrics/", Body.metric(sessionH, contextH).with("item", test.getKey())
                    .with("item_variant", test.getKey()).with("item_path", "tests.test_verdicts")
                    .with("component", pipelineName.startsWith("history-") ? "hist-" + suffix : component)
                    .with("mem_usage", test.getValue()).with("cpu_usage", 1.0).with("total_time", 1.0)
                    .with("user_time", 1.0).with("kernel_time", 1.0).json()), 201);
        }
        historySessions.put(pipelineName + "#" + build, sessionH);
        return sessionH;
    }
}
