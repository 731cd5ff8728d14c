package org.monitorserver.rest.landing;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.jar.Manifest;
import java.util.logging.Logger;
import org.monitorserver.persistence.context.ContextQueries;
import org.monitorserver.persistence.metric.MetricQueries;
import org.monitorserver.persistence.schema.SchemaMigration;
import org.monitorserver.persistence.session.SessionQueries;
import org.monitorserver.domain.tenant.Tenant;
import org.monitorserver.rest.MonitorSettings;

/**
 * {@code GET /}: a small HTML page with what the server is, its version and schema version, and links to the
 * web pages under {@code /ui/}, the OpenAPI document, the health route and the documentation served under
 * {@code /docs/}. The counts of contexts,
 * sessions and metrics appear only with authentication off: with it on, the page is public and tenants' figures
 * are not. The empty pattern maps the context root and nothing below it.
 */
@WebServlet("")
public class LandingPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(LandingPage.class.getName());

    /** The documents linked from the page, in reading order: file under /docs/ and what it is about. */
    private static final String[][] DOCS = {
        {"api.md", "the REST API v1, route by route"},
        {"pages.md", "the web pages under /ui/: what each shows, the API key prompt, the charts"},
        {"configuration.md", "settings and their defaults"},
        {"administration.md", "installing, configuring and monitoring the server"},
        {"operations.md", "failures, limits and several instances"},
        {"security.md", "tenants, users and API keys"},
        {"client.md", "the Java query client and command line"},
        {"runs.md", "run tracking for resource-tracker's Sentinel clients"},
    };

    @EJB
    transient SchemaMigration schema;

    @EJB
    transient ContextQueries contexts;

    @EJB
    transient SessionQueries sessions;

    @EJB
    transient MetricQueries metrics;

    @Inject
    transient MonitorSettings settings;

    private String version = "unknown";

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        try (InputStream in = config.getServletContext().getResourceAsStream("/META-INF/MANIFEST.MF")) {
            if (in != null) {
                String found = new Manifest(in).getMainAttributes().getValue("Implementation-Version");
                version = found == null ? version : found;
            }
        } catch (IOException e) {
            LOG.fine(() -> "No manifest for the version: " + e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Monitor Server</title>\n<style>body{font-family:system-ui,sans-serif;max-width:46em;")
                .append("margin:2em auto;padding:0 1em;line-height:1.5;color:#222}code{background:#f3f3f3;")
                .append("padding:0 .2em}table{border-collapse:collapse}td{padding:.1em 1em .1em 0}")
                .append("td.n{text-align:right}</style>\n</head>\n<body>\n<h1>Monitor Server</h1>\n")
                .append("<p>Collects and serves the resource use (wall, user and kernel time, CPU, memory) of test suites")
                .append(" and batch runs, so that teams see what their tests cost and catch regressions. pytest-monitor")
                .append(" sends here with <code>--remote-server ").append(escape(base(request))).append("/api/v1</code>.</p>\n")
                .append("<table>\n<tr><td>version</td><td>").append(escape(version)).append("</td></tr>\n")
                .append("<tr><td>schema version</td><td>").append(escape(String.valueOf(schema.version())))
                .append("</td></tr>\n<tr><td>authentication</td><td>")
                .append(settings.authenticationOn() ? "on: routes need an API key" : "off").append("</td></tr>\n");
        if (!settings.authenticationOn()) {
            appendCounts(html);
        }
        html.append("</table>\n<h2>Where to go</h2>\n<ul>\n")
                .append("<li><a href=\"ui/\">/ui/</a>: the pages: counts, recent sessions, top consumers and the")
                .append(" newest regressions of each pipeline, with each test's history across builds</li>\n")
                .append("<li><a href=\"ui/compare\">/ui/compare</a>: two builds compared test by test, with")
                .append(" regression verdicts</li>\n")
                .append("<li><a href=\"openapi\">/openapi</a>: the OpenAPI document of every route")
                .append(" (<a href=\"openapi?format=JSON\">as JSON</a>)</li>\n")
                .append("<li><a href=\"api/v1/health\">/api/v1/health</a>: whether the server and its database are ready</li>\n");
        for (String[] doc : DOCS) {
            html.append("<li><a href=\"docs/").append(doc[0]).append("\">docs/").append(doc[0]).append("</a>: ")
                    .append(doc[1]).append("</li>\n");
        }
        html.append("</ul>\n</body>\n</html>\n");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(html.toString());
    }

    /** The tenant {@code default}'s counts, from the maintained figures; a note instead when the database is down. */
    private void appendCounts(StringBuilder html) {
        try {
            long tenant = Tenant.DEFAULT_ID;
            String[][] rows = {
                {"contexts", String.format(Locale.ROOT, "%,d", contexts.count(tenant))},
                {"sessions", String.format(Locale.ROOT, "%,d", sessions.count(tenant))},
                {"metrics", String.format(Locale.ROOT, "%,d", metrics.count(tenant))},
            };
            for (String[] row : rows) {
                html.append("<tr><td>").append(row[0]).append("</td><td class=\"n\">").append(row[1]).append("</td></tr>\n");
            }
        } catch (RuntimeException databaseDown) {
            LOG.fine(() -> "Landing page without counts: " + databaseDown);
            html.append("<tr><td>counts</td><td>unavailable: the database does not answer</td></tr>\n");
        }
    }

    /** The scheme, host and port the client used, as pytest-monitor's base URL. */
    private static String base(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
