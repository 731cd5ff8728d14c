package org.monitorserver.client.remote;

import jakarta.ws.rs.core.GenericType;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.monitorserver.api.ComparisonJson;
import org.monitorserver.api.ComparisonRowJson;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.CountJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.PageJson;
import org.monitorserver.api.RunResultJson;
import org.monitorserver.client.Comparison;
import org.monitorserver.client.ComparisonRequest;
import org.monitorserver.client.NotFoundException;
import org.monitorserver.client.RunQuery;
import org.monitorserver.api.SessionJson;
import org.monitorserver.client.Dialect;
import org.monitorserver.client.ProtocolException;
import org.monitorserver.client.RankingScope;
import org.monitorserver.client.model.Context;
import org.monitorserver.client.model.MatchMethod;
import org.monitorserver.client.model.Metric;
import org.monitorserver.client.model.MetricScope;
import org.monitorserver.client.model.ResourceMethod;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Session;

/**
 * The queries of {@link Dialect} as routes of the REST API v1. Every listing, and a comparison, is walked to its
 * end by {@code next_url} (a 204 is an empty listing), so a ranking answered in one body and one cut into pages
 * read the same.
 */
public final class RemoteDialect implements Dialect {

    private static final GenericType<PageJson<MetricJson>> METRIC_PAGE = new GenericType<>() { };
    private static final GenericType<PageJson<SessionJson>> SESSION_PAGE = new GenericType<>() { };
    private static final GenericType<PageJson<ContextJson>> CONTEXT_PAGE = new GenericType<>() { };
    private static final GenericType<PageJson<String>> NAME_PAGE = new GenericType<>() { };
    private static final GenericType<PageJson<RunResultJson>> RUN_PAGE = new GenericType<>() { };
    private static final GenericType<ComparisonJson> COMPARISON_PAGE = new GenericType<>(ComparisonJson.class);

    private final ServerConnection server;

    /** A dialect over the server at {@code url} (its API base or its root). */
    public RemoteDialect(URI url, RemoteOptions options) {
        this.server = new ServerConnection(url, options);
    }

    /** The connection this dialect calls through. */
    public ServerConnection connection() {
        return server;
    }

    @Override
    public long countComponents() {
        return count("components", "count");
    }

    @Override
    public long countContexts() {
        return count("contexts", "count");
    }

    @Override
    public long countSessions() {
        return count("sessions", "count");
    }

    @Override
    public long countMetrics() {
        return count("metrics", "count");
    }

    @Override
    public long countSessionMetrics(String h) {
        return count("sessions", h, "metrics", "count");
    }

    @Override
    public long countContextMetrics(String h) {
        return count("contexts", h, "metrics", "count");
    }

    @Override
    public long countScmMetrics(String scm) {
        return count("filters", "scm", scm, "metrics", "count");
    }

    @Override
    public Optional<Session> session(String h) {
        // The route is a prefix match: keep the one session whose hash is exactly h.
        return walk(server.endpoint("sessions", h), SESSION_PAGE).stream().filter(s -> h.equals(s.sessionH()))
                .findFirst().map(Session::of);
    }

    @Override
    public Optional<Context> context(String h) {
        return walk(server.endpoint("contexts", h), CONTEXT_PAGE).stream()
                .filter(c -> h.equals(c.h()) || h.equals(c.contextH())).findFirst().map(Context::of);
    }

    @Override
    public List<Session> sessions(List<String> flags, List<String> restrictions, MatchMethod method) {
        String query = null;
        if (!flags.isEmpty()) {
            query = "with_flags=" + joined(flags) + (restrictions.isEmpty() ? "" : "&restrict_flags="
                    + joined(restrictions)) + "&method=" + method.parameter();
        }
        return map(walk(ServerConnection.withQuery(server.endpoint("sessions"), query), SESSION_PAGE), Session::of);
    }

    @Override
    public List<Context> contexts() {
        return map(walk(server.endpoint("contexts"), CONTEXT_PAGE), Context::of);
    }

    @Override
    public List<Metric> metrics() {
        return metrics("metrics");
    }

    @Override
    public List<Metric> sessionMetrics(String h) {
        return metrics("sessions", h, "metrics");
    }

    @Override
    public List<Metric> contextMetrics(String h) {
        return metrics("contexts", h, "metrics");
    }

    @Override
    public List<Metric> scmMetrics(String scm) {
        return metrics("filters", "scm", scm, "metrics");
    }

    @Override
    public List<Metric> scopeMetrics(MetricScope scope) {
        return metrics("filters", "scope", scope.kind(), "metrics");
    }

    @Override
    public List<Metric> itemMetrics(String item) {
        return metrics("items", item, "metrics");
    }

    @Override
    public List<Metric> itemLikeMetrics(String part) {
        return metrics("items", "like", part, "metrics");
    }

    @Override
    public List<Metric> variantLikeMetrics(String part) {
        return metrics("variants", "like", part, "metrics");
    }

    @Override
    public List<Metric> variantMetrics(String variant, String component) {
        if (component == null) {
            return metrics("variants", variant, "metrics");
        }
        return component.isEmpty() ? metrics("components", "variants", variant, "metrics")
                : metrics("components", component, "variants", variant, "metrics");
    }

    @Override
    public List<Metric> componentMetrics(String component) {
        return component.isEmpty() ? metrics("components", "metrics") : metrics("components", component, "metrics");
    }

    @Override
    public List<String> components() {
        return names("components");
    }

    @Override
    public List<String> pipelines() {
        return names("pipelines");
    }

    @Override
    public List<String> pipelineBuilds(String pipeline) {
        return names("pipelines", pipeline, "builds");
    }

    @Override
    public List<String> buildSessions(String pipeline, String build) {
        return names("pipelines", pipeline, "builds", build, "sessions");
    }

    @Override
    public List<String> componentPipelines(String component) {
        return names("components", component, "pipelines");
    }

    @Override
    public List<String> componentPipelineBuilds(String component, String pipeline) {
        return names("components", component, "pipelines", pipeline, "builds");
    }

    @Override
    public List<Metric> ranking(RankingScope scope, ResourceType resource, ResourceMethod method, int n) {
        List<String> path = new ArrayList<>(List.of("resources", resource.resource()));
        if (scope.component() != null) {
            path.addAll(List.of("components", scope.component()));
        } else if (scope.pipeline() != null) {
            path.addAll(List.of("pipelines", scope.pipeline()));
            if (scope.build() != null) {
                path.addAll(List.of("builds", scope.build()));
            }
        }
        path.addAll(List.of(method.direction(), Integer.toString(n), "metrics"));
        return metrics(path.toArray(String[]::new));
    }

    @Override
    public List<RunResultJson> runs(RunQuery query) {
        return walk(ServerConnection.withQuery(server.endpoint("runs"), query(query.parameters())), RUN_PAGE);
    }

    @Override
    public Optional<RunResultJson> run(String id) {
        try {
            return Optional.ofNullable(server.get(server.endpoint("runs", id),
                    response -> response.readEntity(RunResultJson.class)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Comparison compare(ComparisonRequest request) {
        URI first = ServerConnection.withQuery(server.endpoint("compare"), query(request.parameters()));
        List<ComparisonJson> pages = pages(first, COMPARISON_PAGE, ComparisonJson::nextUrl);
        if (pages.isEmpty() || pages.get(0).method() == null) {
            throw new ProtocolException("GET " + first + " answered no comparison", null);
        }
        // Every page repeats the refs, the method and the summary; the first one's stand for all.
        ComparisonJson head = pages.get(0);
        List<ComparisonRowJson> rows = pages.stream()
                .flatMap(page -> page.comparisons() == null ? Stream.empty() : page.comparisons().stream()).toList();
        return new Comparison(head.baseline(), head.contender(), head.method(), head.summary(), rows);
    }

    @Override
    public void close() {
        server.close();
    }

    private long count(String... segments) {
        return server.get(server.endpoint(segments), response -> {
            CountJson count = response.readEntity(CountJson.class);
            if (count == null) {
                throw new ProtocolException("GET " + String.join("/", segments) + " answered no count", null);
            }
            return count.count();
        });
    }

    private List<Metric> metrics(String... segments) {
        return map(walk(server.endpoint(segments), METRIC_PAGE), Metric::of);
    }

    private List<String> names(String... segments) {
        return walk(server.endpoint(segments), NAME_PAGE);
    }

    /** Every row of the listing at {@code first}, following {@code next_url} to the last page. */
    private <T> List<T> walk(URI first, GenericType<PageJson<T>> type) {
        List<T> rows = new ArrayList<>();
        pages(first, type, PageJson::nextUrl).forEach(page -> rows.addAll(page.rows()));
        return rows;
    }

    /**
     * Every page of the answer at {@code first}, following the link {@code nextUrl} reads from each page to the
     * last one (a 204 ends the walk), whatever the envelope: a listing's or a comparison's.
     */
    private <P> List<P> pages(URI first, GenericType<P> type, Function<P, String> nextUrl) {
        List<P> pages = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI next = first;
        while (next != null) {
            if (!seen.add(next)) {
                throw new ProtocolException("the listing at " + first + " links back to " + next, null);
            }
            P page = server.get(next, response -> response.getStatus() == 204 || !response.hasEntity()
                    ? null : response.readEntity(type));
            if (page == null) {
                break;
            }
            pages.add(page);
            String link = nextUrl.apply(page);
            next = link == null ? null : server.resolve(link);
        }
        return pages;
    }

    private static <A, B> List<B> map(List<A> rows, Function<A, B> convert) {
        return rows.stream().map(convert).toList();
    }

    /** {@code parameters} as an encoded query string, or null when there are none. */
    private static String query(Map<String, String> parameters) {
        return parameters.isEmpty() ? null : String.join("&", parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + ServerConnection.encode(p.getValue())).toList());
    }

    private static String joined(List<String> values) {
        return String.join(",", values.stream().map(ServerConnection::encode).toList());
    }
}
