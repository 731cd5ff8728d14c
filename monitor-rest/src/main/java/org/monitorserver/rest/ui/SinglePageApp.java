package org.monitorserver.rest.ui;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * {@code /ui/*}: the web pages, one application in the browser. Every path under {@code /ui/} that is not an asset
 * ({@code /ui/}, {@code /ui/sessions/<h>}, {@code /ui/items/<item>}, {@code /ui/compare}, ...) answers the same HTML
 * shell, {@code ui/index.html}, whose script reads the path and draws the page from the API; so a page's address
 * can be bookmarked, reloaded and shared. Assets, {@code /ui/assets/...}, are the WAR's files as they are, and 404
 * when missing: never the shell, or a missing script would be parsed as HTML.
 * <p>
 * Both are public ({@code ApiKeyAuthenticationMechanism.isPublic}): they hold no data. Files are read once and kept
 * with their hash as ETag: they cannot change while the WAR is deployed. Browsers revalidate on each load
 * ({@code no-cache}), which costs a 304 after a redeploy changed nothing.
 */
@WebServlet("/ui/*")
public class SinglePageApp extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(SinglePageApp.class.getName());

    /** The shell every page path answers. */
    static final String SHELL = "/ui/index.html";

    /** Where the assets are, below {@code /ui}. */
    static final String ASSETS = "/assets/";

    /** The types of the files the pages are made of; any other file under assets is not served. */
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    /**
     * The shell's content security policy: scripts, styles and requests from this server only (uPlot included, from
     * its webjar), nothing inline, no frames. A script injected through the API's data could not run.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** A file of the WAR, read once: its bytes, type and entity tag. */
    private record Asset(byte[] bytes, String type, String etag) {
    }

    private final transient ConcurrentMap<String, Asset> assets = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        if (info == null) {
            // "/ui" alone: the pages' relative links need the slash.
            String query = request.getQueryString();
            response.sendRedirect(request.getContextPath() + "/ui/" + (query == null ? "" : "?" + query));
            return;
        }
        Optional<Asset> found = info.startsWith(ASSETS) ? asset("/ui" + info) : asset(SHELL);
        if (found.isEmpty()) {
            LOG.fine(() -> "No page asset " + info);
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("not found\n");
            return;
        }
        Asset asset = found.get();
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", asset.etag());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (asset.type().startsWith("text/html")) {
            response.setHeader("Content-Security-Policy", POLICY);
        }
        if (asset.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.type());
        response.setContentLength(asset.bytes().length);
        response.getOutputStream().write(asset.bytes());
    }

    /** The WAR's file at {@code path}, when it is one the pages may serve. */
    private Optional<Asset> asset(String path) throws IOException {
        Asset known = assets.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        String type = servable(path) ? TYPES.get(extension(path)) : null;
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = getServletContext().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            Asset asset = new Asset(bytes, type, "\"" + digest(bytes) + "\"");
            assets.putIfAbsent(path, asset);
            return Optional.of(asset);
        }
    }

    /**
     * Whether {@code path} may name a page file: no dot segments, backslashes or control characters (the container
     * has decoded and normalized it already; this does not rely on that), and a known extension.
     */
    static boolean servable(String path) {
        if (path.indexOf('\\') >= 0 || path.chars().anyMatch(c -> c < 0x20)) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return TYPES.containsKey(extension(path));
    }

    private static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
