package org.monitorserver.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.monitorserver.client.StubServer.Answer.json;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monitorserver.client.cli.CommandLine;

/**
 * The {@code compare} command against a stub server answering {@link ExampleComparison} in two pages: each output
 * format to the character, the verdict gate's exit codes, and the usage errors that never reach the server.
 */
class CompareCommandTest {

    private static final String SUMMARY = "regressed 1, improved 1, unchanged 1, not_enough_history 1 "
            + "(threshold 10%, history: 20 builds of main)\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private StubServer stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer();
        ExampleComparison.serve(stub, ExampleComparison.BY_BUILD);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void printsTheSummaryAndAnAlignedTableOfEveryPage() {
        assertEquals(0, compare());
        assertEquals(SUMMARY + """
                component  item_path           item_variant       resource    baseline  contender  change_percent  verdict
                api        tests/test_api.py   test_login[admin]  memory      100       125        +25.0%          regressed
                core       tests/test_core.py  test_io            memory      50        50.5       +1.0%           unchanged
                api        tests/test_api.py   test_parse[a|b]    cpu         0.8       0.6        -25.0%          improved
                           tests/test_util.py  test_size          total_time  0         0.15       n/a             not_enough_history
                """, out());
        assertEquals(1, stub.count(ExampleComparison.BY_BUILD + "&page=2"));
    }

    @Test
    void printsMarkdownForAMergeRequestWithoutTheUnchangedRows() {
        assertEquals(0, compare("--markdown"));
        assertEquals("### Monitor Server: main build 42 vs main build 41\n\n" + SUMMARY + "\n" + """
                | component | item_path | item_variant | resource | baseline | contender | change_percent | verdict |
                |---|---|---|---|---|---|---|---|
                | api | tests/test_api.py | test_login[admin] | memory | 100 | 125 | +25.0% | **regressed** |
                | api | tests/test_api.py | test_parse[a\\|b] | cpu | 0.8 | 0.6 | -25.0% | *improved* |
                |  | tests/test_util.py | test_size | total_time | 0 | 0.15 | n/a | not_enough_history |
                """, out());
    }

    @Test
    void markdownListsTheChosenVerdictOrSaysThereIsNone() {
        String unchanged = "/api/v1/compare?baseline_scm=release%2F2.1&contender_scm=feature%2Fio&verdict=unchanged";
        stub.on(unchanged, json(200, ExampleComparison.page(List.of(ExampleComparison.UNCHANGED),
                ExampleComparison.summary(), null)));
        assertEquals(0, run("compare", "--baseline-scm", "release/2.1", "--contender-scm", "feature/io", "--verdict",
                "unchanged", "--markdown", "--server", stub.root().toString()));
        assertEquals("### Monitor Server: scm feature/io vs scm release/2.1\n\n" + SUMMARY + "\n" + """
                | component | item_path | item_variant | resource | baseline | contender | change_percent | verdict |
                |---|---|---|---|---|---|---|---|
                | core | tests/test_core.py | test_io | memory | 50 | 50.5 | +1.0% | unchanged |
                """, out());
        out.reset();
        String quiet = "/api/v1/compare?baseline_session=deadbeef&contender_session=c0ffee";
        stub.on(quiet, json(200, ExampleComparison.page(List.of(ExampleComparison.UNCHANGED),
                Map.of("unchanged", 1L), null)));
        assertEquals(0, run("compare", "--baseline-session", "deadbeef", "--contender-session", "c0ffee",
                "--markdown", "--server", stub.api().toString()));
        assertEquals("""
                ### Monitor Server: session c0ffee vs session deadbeef

                regressed 0, improved 0, unchanged 1, not_enough_history 0 (threshold 10%, history: 20 builds of main)

                No regressed, improved or not_enough_history rows.
                """, out());
    }

    @Test
    void printsEveryFieldAsCsvOrJson() {
        assertEquals(0, compare("--csv"));
        assertEquals("""
                component,item_path,item_variant,item,resource,baseline,contender,change_percent,verdict,\
                threshold_percent,baseline_runs,contender_runs,history_builds,interval_lower,interval_upper,\
                mann_whitney_p
                api,tests/test_api.py,test_login[admin],test_login,memory,100.0,125.0,25.0,regressed,10.0,3,3,20,90.0,\
                110.0,0.01
                core,tests/test_core.py,test_io,test_io,memory,50.0,50.5,1.0,unchanged,5.0,3,3,20,45.0,55.0,0.8
                api,tests/test_api.py,test_parse[a|b],test_parse,cpu,0.8,0.6,-25.0,improved,10.0,3,3,20,0.7,0.9,0.02
                ,tests/test_util.py,test_size,test_size,total_time,0.0,0.15000000000000002,,not_enough_history,10.0,1,1,\
                2,,,
                """, out());
        out.reset();
        assertEquals(0, compare("--json"));
        // Written with ' for readability, as the data has none: the JSON itself has ".
        assertEquals(("[{'component':'api','item_path':'tests/test_api.py','item_variant':'test_login[admin]',"
                + "'item':'test_login','resource':'memory','baseline':100.0,'contender':125.0,'change_percent':25.0,"
                + "'verdict':'regressed','threshold_percent':10.0,'baseline_runs':3,'contender_runs':3,"
                + "'history_builds':20,'interval_lower':90.0,'interval_upper':110.0,'mann_whitney_p':0.01},"
                + "{'component':'core','item_path':'tests/test_core.py','item_variant':'test_io','item':'test_io',"
                + "'resource':'memory','baseline':50.0,'contender':50.5,'change_percent':1.0,'verdict':'unchanged',"
                + "'threshold_percent':5.0,'baseline_runs':3,'contender_runs':3,'history_builds':20,"
                + "'interval_lower':45.0,'interval_upper':55.0,'mann_whitney_p':0.8},"
                + "{'component':'api','item_path':'tests/test_api.py','item_variant':'test_parse[a|b]',"
                + "'item':'test_parse','resource':'cpu','baseline':0.8,'contender':0.6,'change_percent':-25.0,"
                + "'verdict':'improved','threshold_percent':10.0,'baseline_runs':3,'contender_runs':3,"
                + "'history_builds':20,'interval_lower':0.7,'interval_upper':0.9,'mann_whitney_p':0.02},"
                + "{'component':'','item_path':'tests/test_util.py','item_variant':'test_size','item':'test_size',"
                + "'resource':'total_time','baseline':0.0,'contender':0.15000000000000002,'change_percent':null,"
                + "'verdict':'not_enough_history','threshold_percent':10.0,'baseline_runs':1,'contender_runs':1,"
                + "'history_builds':2,'interval_lower':null,'interval_upper':null,'mann_whitney_p':null}]\n")
                .replace('\'', '"'), out());
    }

    @Test
    void theVerdictGateFailsWithSixAfterPrinting() {
        assertEquals(6, compare("--fail-on", "regressed", "--markdown"));
        assertTrue(out().contains("**regressed**"), "the comment is printed all the same");
        assertEquals("verdict gate failed: 1 row is regressed\n", err());
        err.reset();
        assertEquals(6, compare("--fail-on", "regressed,not_enough_history"));
        assertEquals("verdict gate failed: 2 rows are regressed or not_enough_history\n", err());
        String improvedOnly = ExampleComparison.BY_BUILD + "&verdict=improved";
        stub.on(improvedOnly, json(200, ExampleComparison.page(List.of(ExampleComparison.IMPROVED),
                ExampleComparison.summary(), null)));
        assertEquals(0, compare("--verdict", "improved", "--fail-on", "regressed"),
                "the gate sees the rows after the filters, not the summary");
    }

    @Test
    void passesEveryFilterToTheServer() {
        String filtered = ExampleComparison.BY_BUILD + "&threshold=2.5&component=api&verdict=regressed&resource=memory"
                + "&sort=-change";
        stub.on(filtered, json(200, ExampleComparison.page(List.of(ExampleComparison.REGRESSED),
                ExampleComparison.summary(), null)));
        assertEquals(0, compare("--threshold", "2.5", "--component", "api", "--verdict", "regressed", "--resource",
                "memory", "--sort", "-change", "--key", "k", "--csv"));
        assertEquals(1, stub.count(filtered));
        assertEquals(List.of("Bearer k"), stub.requests().get(0).headers().get("Authorization"));
        assertEquals(2, out().lines().count(), "the header and the one row: " + out());
    }

    @Test
    void usageErrorsNeverReachTheServer(@TempDir Path folder) throws Exception {
        Path file = ExampleData.write(folder.resolve("example.pymon"));
        assertEquals(2, compare("--fail-on", "regressed,worse"));
        assertTrue(err().contains("--fail-on"), err());
        assertEquals(2, compare("--fail-on", "regressed,"));
        assertEquals(2, compare("--fail-on", ""));
        assertEquals(2, compare("--sort", "sideways"));
        assertEquals(2, compare("--threshold", "2000"));
        assertEquals(2, compare("--threshold", "ten"));
        assertEquals(2, compare("--verdict", "worse"));
        assertEquals(2, compare("--resource", "disk"));
        assertEquals(2, compare("--markdown", "--json"));
        assertEquals(2, compare("--tag", "python"));
        assertEquals(2, run("compare", "--contender-pipeline", "main", "--contender-build", "42", "--server",
                stub.api().toString()), "no baseline");
        assertEquals(2, run("compare", "--baseline-pipeline", "main", "--contender-pipeline", "main",
                "--contender-build", "42", "--server", stub.api().toString()), "a pipeline without its build");
        assertEquals(2, run("compare", "--baseline-scm", "a", "--baseline-session", "b", "--contender-scm", "c",
                "--server", stub.api().toString()), "a side named two ways");
        assertEquals(2, run("compare", "--baseline-scm", "a", "--baseline-scm", "b", "--contender-scm", "c",
                "--server", stub.api().toString()), "an option given twice");
        assertEquals(2, run("compare", "--baseline-scm", "", "--contender-scm", "c", "--server",
                stub.api().toString()), "an empty name");
        assertEquals(2, run("compare", "--baseline-scm", "a", "--contender-scm", "c"), "no server");
        assertEquals(0, stub.requests().size());
        err.reset();
        assertEquals(2, run("compare", "--baseline-scm", "a", "--contender-scm", "c", "--file", file.toString()));
        assertTrue(err().startsWith("usage error: compare needs --server"), err());
        assertEquals(2, run("metrics", "--markdown", "--file", file.toString()), "Markdown is compare's only");
    }

    @Test
    void serverFailuresMapToTheirExitCodes() {
        stub.on("/api/v1/compare?baseline_session=gone&contender_session=c0ffee",
                json(404, "{\"message\":\"the baseline has no session\"}"));
        stub.on("/api/v1/compare?baseline_session=a&contender_session=b",
                json(400, "{\"message\":\"name the baseline and the contender each one way\",\"errors\":{"
                        + "\"baseline\":\"missing\"}}"));
        stub.on("/api/v1/compare?baseline_session=a&contender_session=c",
                json(403, "{\"message\":\"this key may not read\"}"));
        assertEquals(3, run("compare", "--baseline-session", "gone", "--contender-session", "c0ffee", "--server",
                stub.api().toString()));
        assertEquals("not found: the baseline has no session\n", err());
        assertEquals(1, run("compare", "--baseline-session", "a", "--contender-session", "b", "--server",
                stub.api().toString()));
        assertEquals(5, run("compare", "--baseline-session", "a", "--contender-session", "c", "--server",
                stub.api().toString()));
        assertEquals(4, run("compare", "--baseline-session", "a", "--contender-session", "b", "--server",
                "http://127.0.0.1:1"));
    }

    @Test
    void documentsTheCommandAndItsExitCode() {
        assertEquals(0, run("compare", "--help"));
        assertTrue(out().startsWith("usage: compare BASELINE CONTENDER"), out());
        assertTrue(out().contains("--fail-on"), out());
        out.reset();
        assertEquals(0, run("--help"));
        assertTrue(out().contains("compare "), out());
        assertTrue(out().contains("6 verdict gate failed"), out());
    }

    /** Runs compare of build 42 against build 41 of main on the stub, with {@code options}. */
    private int compare(String... options) {
        List<String> args = new ArrayList<>(List.of("compare", "--baseline-pipeline", "main", "--baseline-build",
                "41", "--contender-pipeline", "main", "--contender-build", "42", "--server", stub.root().toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private int run(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(o, e, Map.of()).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
