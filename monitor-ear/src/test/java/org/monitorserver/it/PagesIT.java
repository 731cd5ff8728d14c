package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web pages under {@code /ui/} (docs/pages.md) in a real headless Chromium, on crafted data: a pipeline of 30
 * builds, one session each, with three tests whose memory behaves differently: one steps up by 40 % from build 21
 * on, one rises by 60 % in build 30, one falls by 43 % in build 30 (two components); every other resource stays
 * at 1, and their module's name holds markup, which must show as text. Each page must draw with no error in the
 * browser's console; the screenshots of the pages are kept in {@code it.screenshots}. The page size of the test
 * server is 3, so the pages walk {@code next_url} where they show every row. Skipped when Chromium or ChromeDriver
 * is not installed.
 */
class PagesIT extends ApiTestSupport {

    private static final int BUILDS = 30;
    /** The index of the first build of test_pages_step's new level (build 21). */
    private static final int STEP = 20;
    /** The tests' module: markup in a name must show as text, never become an element. */
    private static final String MODULE = "tests.<em>pages</em>";

    private final String suffix = Body.hash().substring(0, 10);
    private final String pipeline = "pages-" + suffix;
    private final String rising = "pages-a-" + suffix;
    private final String falling = "pages-b-" + suffix;
    private final String contextH = Body.hash();
    private final List<String> sessions = new ArrayList<>();
    private Chromium browser;

    @BeforeEach
    void dataAndBrowser() {
        Chromium.assumeInstalled();
        json(post("/api/v1/contexts/", Body.context(contextH).json()), 201);
        // Noise of ±1 %; with this seed, E-Divisive finds no change point in the noise alone (it finds one in about
        // 1 series in 20, docs/verdicts.md), only the step.
        var noise = new Random(1);
        List<String> sessionBodies = new ArrayList<>();
        List<String> metricBodies = new ArrayList<>();
        for (int build = 1; build <= BUILDS; build++) {
            String sessionH = Body.hash();
            sessions.add(sessionH);
            sessionBodies.add(Body.session(sessionH)
                    .with("run_date", LocalDateTime.of(2026, 3, 1, 0, 0).plusHours(build) + ":00")
                    .with("scm_ref", "sha-" + suffix + "-" + build)
                    .with("description", Map.of("pipeline_branch", pipeline, "pipeline_build_no",
                            String.valueOf(build))).json());
            boolean last = build == BUILDS;
            metricBodies.add(metric(sessionH, "test_pages_step", rising,
                    (build > STEP ? 140 : 100) + noise.nextDouble() * 2 - 1));
            metricBodies.add(metric(sessionH, "test_pages_last", rising, last ? 80 : 50 + noise.nextDouble() - 0.5));
            metricBodies.add(metric(sessionH, "test_pages_fall", falling, last ? 40 : 70 + noise.nextDouble() - 0.5));
        }
        assertEquals(BUILDS, json(post("/api/v1/sessions/bulk", "[" + String.join(",", sessionBodies) + "]"), 200)
                .getInt("accepted"));
        assertEquals(3 * BUILDS, json(post("/api/v1/metrics/bulk", "[" + String.join(",", metricBodies) + "]"), 200)
                .getInt("accepted"));
        browser = new Chromium();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String metric(String sessionH, String test, String component, double memory) {
        return Body.metric(sessionH, contextH).with("item", test).with("item_variant", test)
                .with("item_path", MODULE).with("component", component).with("mem_usage", memory)
                .with("cpu_usage", 1.0).with("total_time", 1.0).with("user_time", 1.0).with("kernel_time", 1.0)
                .json();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String compareAddress(String more) {
        return root() + "/ui/compare?baseline_pipeline=" + encoded(pipeline) + "&baseline_build=" + (BUILDS - 1)
                + "&contender_pipeline=" + encoded(pipeline) + "&contender_build=" + BUILDS + more;
    }

    private void assertNoConsoleErrors(String page) {
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), () -> "console errors on the " + page + ": " + errors);
    }

    @Test
    void overviewShowsCountsRecentSessionsTopConsumersAndTheNewestRegression() {
        browser.open(root() + "/ui/?pipeline=" + encoded(pipeline));
        browser.screenshot("overview");
        assertNoConsoleErrors("overview");

        long metrics = Long.parseLong(browser.one("[data-count=metrics] .stat-n").getText().replaceAll("\\D", ""));
        assertTrue(metrics >= 3 * BUILDS, "the count of metrics: " + metrics);
        assertFalse(browser.all("#recent-sessions a[href='/ui/sessions/" + sessions.get(BUILDS - 1) + "']").isEmpty(),
                "the newest session is among the recent ones");
        assertEquals(5, browser.all("#top-consumers table.ranking").size(), "one ranking per resource");

        WebElement block = browser.one("#regressions .pipeline[data-pipeline='" + pipeline + "']");
        assertTrue(block.getText().contains("Build 30 against build 29: 1 regressed"), block.getText());
        List<WebElement> rows = block.findElements(By.cssSelector("tbody tr"));
        assertEquals(1, rows.size(), "one regression: test_pages_last's memory");
        WebElement test = rows.get(0).findElement(By.tagName("a"));
        assertEquals("test_pages_last", test.getText());
        test.click();
        browser.waitForAddress("/ui/items/test_pages_last?");
        assertNoConsoleErrors("history page reached from the overview");
        assertEquals("30", browser.one("figure.chart[data-resource=memory]").getAttribute("data-points"));

        // The key prompt's storage: with authentication off a key changes nothing, but it is kept and forgotten.
        browser.one("#key-status button").click();
        browser.one("#api-key").sendKeys("msk_pages-it-not-a-real-key");
        browser.one("form.key-form button[type=submit]").click();
        browser.until(d -> d.findElement(By.id("key-status")).getText().contains("in use"));
        browser.waitUntilDrawn();
        assertEquals("msk_pages-it-not-a-real-key", browser.script(
                "return sessionStorage.getItem('monitor-server.api-key')"));
        browser.one("#key-status button").click();
        browser.until(d -> d.findElement(By.id("key-status")).getText().contains("Enter"));
        assertNull(browser.script("return sessionStorage.getItem('monitor-server.api-key')"));
        assertNoConsoleErrors("pages with a key given and forgotten");
    }

    @Test
    void historyDrawsEveryBuildMarksTheStepAndOpensTheSessionOfAClickedPoint() {
        browser.open(root() + "/ui/items/test_pages_step?pipeline=" + encoded(pipeline) + "&variant=test_pages_step");
        browser.screenshot("history");
        assertNoConsoleErrors("history page");

        List<WebElement> charts = browser.all("figure.chart");
        assertEquals(List.of("memory", "cpu", "total_time", "user_time", "kernel_time"),
                charts.stream().map(c -> c.getAttribute("data-resource")).toList(), "one chart per resource");
        for (WebElement chart : charts) {
            assertEquals("30", chart.getAttribute("data-points"), chart.getAttribute("data-resource"));
            assertEquals(30L, browser.script("return arguments[0].querySelector('.plot').uplot.data[0].length", chart),
                    "uPlot's own data: " + chart.getAttribute("data-resource"));
        }
        WebElement memory = browser.one("figure.chart[data-resource=memory]");
        assertEquals("1", memory.getAttribute("data-change-points"), memory.getText());
        assertTrue(memory.getText().contains("change points at build 21"), memory.getText());
        long regressed = Long.parseLong(memory.getAttribute("data-regressed"));
        assertTrue(regressed >= 1, "the first builds after the step are regressions");
        assertEquals(regressed, browser.script(
                "return arguments[0].querySelector('.plot').uplot.data[5].filter(v => v != null).length", memory),
                "red points drawn");
        assertEquals("0", browser.one("figure.chart[data-resource=cpu]").getAttribute("data-regressed"));

        // Hover over the first point of the new level, then click it: its session opens.
        WebElement over = memory.findElement(By.cssSelector(".u-over"));
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.script("const u = arguments[0].querySelector('.plot').uplot;"
                + " return [u.valToPos(arguments[1], 'x'), u.valToPos(u.data[1][arguments[1]], 'y')]", memory, STEP);
        browser.pointAt(over, at.get(0).doubleValue(), at.get(1).doubleValue(), false);
        WebElement tip = memory.findElement(By.cssSelector(".tip"));
        browser.until(d -> tip.isDisplayed());
        assertTrue(tip.getText().contains("build " + (STEP + 1)) && tip.getText().contains("regressed"), tip.getText());
        browser.screenshot("history-hover");
        browser.pointAt(over, at.get(0).doubleValue(), at.get(1).doubleValue(), true);
        browser.waitForAddress("/ui/sessions/" + sessions.get(STEP));
        assertTrue(browser.one("dl.fields").getText().contains(sessions.get(STEP)));
        assertNoConsoleErrors("session page opened from a point");
    }

    @Test
    void comparisonSortsByChangeBothWaysAndFiltersByVerdictAndComponent() {
        browser.open(compareAddress(""));
        browser.screenshot("compare");
        assertNoConsoleErrors("comparison");

        List<WebElement> rows = browser.all("#comparison tbody tr");
        assertEquals(15, rows.size(), "3 tests, 5 resources, across 5 pages of 3");
        assertEquals("regressed: 1", chip("regressed"));
        assertEquals("improved: 1", chip("improved"));
        List<Double> descending = changes();
        assertEquals(descending.stream().sorted((a, b) -> Double.compare(b, a)).toList(), descending,
                "largest rise first");
        assertEquals("test_pages_last", rows.get(0).findElement(By.tagName("span")).getText());
        assertEquals("regressed", rows.get(0).getAttribute("data-verdict"));

        browser.one("#sort-change").click();
        browser.waitForAddress("sort=change");
        List<Double> ascending = changes();
        assertEquals(ascending.stream().sorted().toList(), ascending, "largest fall first");
        assertEquals("improved", browser.all("#comparison tbody tr").get(0).getAttribute("data-verdict"));
        assertEquals("ascending", browser.one("th[aria-sort]").getAttribute("aria-sort"));

        new Select(browser.one("#verdict")).selectByValue("regressed");
        browser.one("#compare-form button[type=submit]").click();
        browser.waitForAddress("verdict=regressed");
        List<WebElement> regressed = browser.all("#comparison tbody tr");
        assertEquals(1, regressed.size());
        assertEquals("regressed", regressed.get(0).getAttribute("data-verdict"));
        assertEquals("regressed: 1", chip("regressed"), "the summary still counts every verdict");

        new Select(browser.one("#verdict")).selectByValue("");
        WebElement component = browser.one("#component");
        component.clear();
        component.sendKeys(falling);
        browser.one("#compare-form button[type=submit]").click();
        browser.waitForAddress("component=" + falling);
        List<WebElement> fallingRows = browser.all("#comparison tbody tr");
        assertEquals(5, fallingRows.size(), "one test, 5 resources");
        assertEquals(Map.of(falling, 5L), fallingRows.stream().collect(Collectors.groupingBy(
                r -> r.getAttribute("data-component"), Collectors.counting())));
        assertNoConsoleErrors("comparison, sorted and filtered");
    }

    private String chip(String verdict) {
        return browser.one(".summary .chip[data-verdict=" + verdict + "]").getText().replace("▲ ", "")
                .replace("▼ ", "");
    }

    private List<Double> changes() {
        return browser.all("#comparison tbody tr").stream().map(r -> r.getAttribute("data-change"))
                .map(Double::valueOf).toList();
    }

    @Test
    void sessionAndContextPagesShowTheirFieldsAndMetrics() {
        String sessionH = sessions.get(BUILDS - 1);
        browser.open(root() + "/ui/sessions/" + sessionH);
        browser.screenshot("session");
        assertNoConsoleErrors("session page");
        String fields = browser.one("dl.fields").getText();
        assertTrue(fields.contains(sessionH) && fields.contains(pipeline) && fields.contains("sha-" + suffix + "-30"),
                fields);
        assertEquals(3, browser.all("table.metrics tbody tr").size(), "the session's 3 metrics, over 1 page of 3");
        assertFalse(browser.all("table.metrics a[href^='/ui/items/test_pages_fall?']").isEmpty(),
                "a test links to its history in the session's pipeline");
        assertTrue(browser.one("table.metrics tbody").getText().contains(MODULE), "the module name as text");
        assertTrue(browser.all("#main em").isEmpty(), "no element made of the module's name");

        browser.one("table.metrics a[href='/ui/contexts/" + contextH + "']").click();
        browser.waitForAddress("/ui/contexts/" + contextH);
        browser.screenshot("context");
        assertNoConsoleErrors("context page");
        assertTrue(browser.one("dl.fields").getText().contains("ci-runner-1"), browser.one("dl.fields").getText());
        assertEquals(3, browser.all("table.metrics tbody tr").size(), "the newest page of the context's metrics");
        assertTrue(browser.one("nav.pager").getText().contains("page 30 of 30"), browser.one("nav.pager").getText());
    }
}
