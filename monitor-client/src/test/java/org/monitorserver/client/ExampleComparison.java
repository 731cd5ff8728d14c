package org.monitorserver.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.monitorserver.api.ComparisonJson;
import org.monitorserver.api.ComparisonMethodJson;
import org.monitorserver.api.ComparisonRowJson;
import org.monitorserver.api.RefJson;

/**
 * A small crafted answer of {@code GET /compare}: build 42 of {@code main} against build 41, one row of each
 * verdict (a {@code |} in a variant, a baseline of 0 without a change), cut into pages as a test asks.
 */
final class ExampleComparison {

    /** The route with both sides named by build. */
    static final String BY_BUILD = "/api/v1/compare?baseline_pipeline=main&baseline_build=41"
            + "&contender_pipeline=main&contender_build=42";

    static final ComparisonRowJson REGRESSED = new ComparisonRowJson("api", "tests/test_api.py",
            "test_login[admin]", "test_login", "memory", 100.0, 125.0, 25.0, "regressed", 10.0, 3, 3, 20, 90.0, 110.0,
            0.01);
    static final ComparisonRowJson IMPROVED = new ComparisonRowJson("api", "tests/test_api.py", "test_parse[a|b]",
            "test_parse", "cpu", 0.8, 0.6, -25.0, "improved", 10.0, 3, 3, 20, 0.7, 0.9, 0.02);
    static final ComparisonRowJson NO_HISTORY = new ComparisonRowJson("", "tests/test_util.py", "test_size",
            "test_size", "total_time", 0.0, 0.15000000000000002, null, "not_enough_history", 10.0, 1, 1, 2, null, null,
            null);
    static final ComparisonRowJson UNCHANGED = new ComparisonRowJson("core", "tests/test_core.py", "test_io",
            "test_io", "memory", 50.0, 50.5, 1.0, "unchanged", 5.0, 3, 3, 20, 45.0, 55.0, 0.8);
    /** The rows in the server's order: largest rise first. */
    static final List<ComparisonRowJson> ROWS = List.of(REGRESSED, UNCHANGED, IMPROVED, NO_HISTORY);

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ExampleComparison() {
    }

    /** The rule as the server describes it: a threshold of 10 % and 20 builds of history on main. */
    static ComparisonMethodJson method() {
        return new ComparisonMethodJson("median of the ref's runs of the test", 10.0, "request",
                "Student's t prediction interval", "main", 20, 20, 5, 0.99, "Mann-Whitney U", 0.05, 3,
                "by the build's earliest session run_date, then by name");
    }

    /** One of each verdict, in the server's order. */
    static Map<String, Long> summary() {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("regressed", 1L);
        summary.put("improved", 1L);
        summary.put("unchanged", 1L);
        summary.put("not_enough_history", 1L);
        return summary;
    }

    /** A page of {@code rows} with {@code summary}, linking to {@code next} (a server-root path, or null). */
    static String page(List<ComparisonRowJson> rows, Map<String, Long> summary, String next) {
        return JSONB.toJson(new ComparisonJson(new RefJson("main", "41", null, null, 2, 4),
                new RefJson("main", "42", null, null, 2, 4), method(), summary, rows, 2, null, next));
    }

    /** Serves {@link #ROWS} at {@code target} in two pages of two rows. */
    static void serve(StubServer stub, String target) {
        String second = target + "&page=2";
        stub.on(target, StubServer.Answer.json(200, page(ROWS.subList(0, 2), summary(), second)));
        stub.on(second, StubServer.Answer.json(200, page(ROWS.subList(2, 4), summary(), null)));
    }
}
