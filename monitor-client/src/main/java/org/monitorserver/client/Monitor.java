package org.monitorserver.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.monitorserver.api.RunResultJson;
import org.monitorserver.client.local.LocalDialect;
import org.monitorserver.client.model.Context;
import org.monitorserver.client.model.Contexts;
import org.monitorserver.client.model.MatchMethod;
import org.monitorserver.client.model.Metric;
import org.monitorserver.client.model.MetricScope;
import org.monitorserver.client.model.Metrics;
import org.monitorserver.client.model.ResourceMethod;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Session;
import org.monitorserver.client.model.Sessions;
import org.monitorserver.client.remote.RemoteDialect;
import org.monitorserver.client.remote.RemoteOptions;

/**
 * The single entry point of the query client, over a monitor server ({@link #remote(URI)}) or a local
 * pytest-monitor file ({@link #local(Path)}): the methods of the reference library's {@code Monitor}, typed.
 * The same query on the same data answers the same rows in the same order through either source. Failures are
 * {@link MonitorException}s; "not found" for a single entity is {@link Optional#empty()}.
 */
public final class Monitor implements AutoCloseable {

    /** The ranking size of the reference when none is given. */
    public static final int DEFAULT_RANKING_SIZE = 10;

    /** The largest ranking the server answers; larger requests are cut to it. */
    public static final int MAX_RANKING_SIZE = 500;

    private final Dialect dialect;

    /** A monitor over {@code dialect}, which it closes on {@link #close()}. */
    public Monitor(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** A monitor over the server whose API is at {@code baseUrl} (e.g. {@code http://host:8181/api/v1}). */
    public static Monitor remote(URI baseUrl) {
        return remote(baseUrl, RemoteOptions.defaults());
    }

    /** As {@link #remote(URI)}, sending {@code apiKey} as a bearer token (when not null). */
    public static Monitor remote(URI baseUrl, String apiKey) {
        return remote(baseUrl, RemoteOptions.defaults().withApiKey(apiKey));
    }

    /** As {@link #remote(URI)}, with the timeouts, retries and key of {@code options}. */
    public static Monitor remote(URI baseUrl, RemoteOptions options) {
        return new Monitor(new RemoteDialect(baseUrl, options));
    }

    /** A monitor over the pytest-monitor database {@code pymon}, opened read-only. */
    public static Monitor local(Path pymon) {
        return new Monitor(LocalDialect.open(pymon));
    }

    /** The runs tracked by resource-tracker that pass {@code query}, newest first (none in a .pymon file). */
    public List<RunResultJson> listRuns(RunQuery query) {
        return dialect.runs(query);
    }

    /** Every run tracked by resource-tracker, newest first. */
    public List<RunResultJson> listRuns() {
        return listRuns(RunQuery.ALL);
    }

    /** The run whose id is {@code id}, with its processing and statistics. */
    public Optional<RunResultJson> getRun(String id) {
        return dialect.run(id);
    }

    /**
     * {@code request}'s contender compared with its baseline test by test ({@code GET /compare}): every row across
     * all pages, with the refs, the method and the summary of the first page. Only a server compares: the
     * verdicts rest on the build history it keeps.
     *
     * @throws NotFoundException when a side has no session
     * @throws BadRequestException when the server refuses a parameter
     * @throws UnsupportedOperationException over a .pymon file
     */
    public Comparison compare(ComparisonRequest request) {
        return dialect.compare(Objects.requireNonNull(request, "request"));
    }

    /** The number of non-empty components. */
    public long countComponents() {
        return dialect.countComponents();
    }

    /** The number of contexts. */
    public long countContexts() {
        return dialect.countContexts();
    }

    /** The number of sessions. */
    public long countSessions() {
        return dialect.countSessions();
    }

    /** The number of metrics. */
    public long countMetrics() {
        return dialect.countMetrics();
    }

    /**
     * The number of metrics of session {@code session} when it is given; else of context {@code context} when
     * that is given; else of the sessions whose SCM reference starts with {@code scm} when that is given; else
     * of every metric. Each argument may be null.
     */
    public long countMetrics(String session, String context, String scm) {
        if (session != null) {
            return dialect.countSessionMetrics(session);
        }
        if (context != null) {
            return dialect.countContextMetrics(context);
        }
        return scm != null ? dialect.countScmMetrics(scm) : dialect.countMetrics();
    }

    /** The context whose hash is {@code h}. */
    public Optional<Context> getContext(String h) {
        return dialect.context(Objects.requireNonNull(h, "h"));
    }

    /** The session whose hash is {@code h}. */
    public Optional<Session> getSession(String h) {
        return dialect.session(Objects.requireNonNull(h, "h"));
    }

    /** The sessions of build {@code build} of pipeline {@code pipeline}, in arrival order. */
    public Sessions listBuildSessions(String pipeline, String build) {
        Sessions sessions = new Sessions();
        for (String h : dialect.buildSessions(pipeline, build)) {
            dialect.session(h).ifPresent(sessions::add);
        }
        return sessions;
    }

    /** The metrics of {@code component}; null or {@code ""} selects the metrics without a component. */
    public Metrics listComponentMetrics(String component) {
        return new Metrics(dialect.componentMetrics(component == null ? "" : component));
    }

    /** The metrics without a component. */
    public Metrics listComponentMetrics() {
        return listComponentMetrics(null);
    }

    /** The builds of {@code pipeline} whose sessions have metrics of {@code component}, sorted as text. */
    public List<String> listComponentPipelineBuilds(String component, String pipeline) {
        return dialect.componentPipelineBuilds(component, pipeline);
    }

    /** The pipelines whose sessions have metrics of {@code component}, sorted. */
    public List<String> listComponentPipelines(String component) {
        return dialect.componentPipelines(component);
    }

    /** Every non-empty component, sorted. */
    public List<String> listComponents() {
        return dialect.components();
    }

    /** The metrics measured in context {@code h}. */
    public Metrics listContextMetrics(String h) {
        return new Metrics(dialect.contextMetrics(h));
    }

    /** Every context, keyed by hash, in arrival order. */
    public Contexts listContexts() {
        return new Contexts(dialect.contexts());
    }

    /** The contexts that {@code metrics} refer to, in order of first use; unknown ones are left out. */
    public Contexts listContextsFrom(Metrics metrics) {
        Contexts contexts = new Contexts();
        metrics.contextHashes().forEach(h -> dialect.context(h).ifPresent(contexts::add));
        return contexts;
    }

    /** The metrics of test {@code item}, every variant. */
    public Metrics listItemMetrics(String item) {
        return new Metrics(dialect.itemMetrics(item));
    }

    /** Every metric, in arrival order. */
    public Metrics listMetrics() {
        return new Metrics(dialect.metrics());
    }

    /** The metrics of the sessions whose SCM reference starts with {@code scm} (a full reference matches too). */
    public Metrics listMetricsByScmId(String scm) {
        return new Metrics(dialect.scmMetrics(scm));
    }

    /** The metrics of scope {@code scope}. */
    public Metrics listMetricsByType(MetricScope scope) {
        return new Metrics(dialect.scopeMetrics(Objects.requireNonNull(scope, "scope")));
    }

    /**
     * The metrics of every session of {@code sessions}, then of every context of {@code contexts} (either may
     * be null), without duplicates.
     */
    public Metrics listMetricsFrom(Sessions sessions, Contexts contexts) {
        Metrics all = new Metrics();
        if (sessions != null) {
            for (String h : sessions.hashes()) {
                all = all.merge(new Metrics(dialect.sessionMetrics(h)));
            }
        }
        if (contexts != null) {
            for (String h : contexts.hashes()) {
                all = all.merge(new Metrics(dialect.contextMetrics(h)));
            }
        }
        return all;
    }

    /**
     * The metrics whose item contains {@code item} and whose variant contains {@code variant}; either may be
     * null (not both). Matching is literal and case-sensitive, as the server's {@code like} routes.
     */
    public Metrics listMetricsFromPattern(String item, String variant) {
        if (item == null && variant == null) {
            throw new IllegalArgumentException("give an item or a variant pattern");
        }
        List<Metric> found = item != null ? dialect.itemLikeMetrics(item) : dialect.variantLikeMetrics(variant);
        Metrics metrics = new Metrics(found);
        return item != null && variant != null ? metrics.filterWith(m -> m.variant().contains(variant)) : metrics;
    }

    /** The metrics of variant {@code variant}, in any component. */
    public Metrics listMetricsOfVariant(String variant) {
        return listMetricsOfVariant(variant, null);
    }

    /** The metrics of variant {@code variant} in {@code component} ({@code ""}: without one; null: any). */
    public Metrics listMetricsOfVariant(String variant, String component) {
        return new Metrics(dialect.variantMetrics(variant, component));
    }

    /** The 10 metrics that use the most or the least of {@code resource}. */
    public Metrics listMetricsResources(ResourceType resource, ResourceMethod method) {
        return listMetricsResources(resource, method, DEFAULT_RANKING_SIZE);
    }

    /** The {@code n} (at most 500) metrics that use the most or the least of {@code resource}. */
    public Metrics listMetricsResources(ResourceType resource, ResourceMethod method, int n) {
        return rank(RankingScope.ALL, resource, method, n);
    }

    /** The 10 metrics of {@code component} that use the most or the least of {@code resource}. */
    public Metrics listMetricsResourcesFromComponent(String component, ResourceType resource,
            ResourceMethod method) {
        return listMetricsResourcesFromComponent(component, resource, method, DEFAULT_RANKING_SIZE);
    }

    /** The {@code n} metrics of {@code component} that use the most or the least of {@code resource}. */
    public Metrics listMetricsResourcesFromComponent(String component, ResourceType resource, ResourceMethod method,
            int n) {
        return rank(RankingScope.component(component), resource, method, n);
    }

    /** The 10 metrics of pipeline {@code pipeline} that use the most or the least of {@code resource}. */
    public Metrics listMetricsResourcesFromPipeline(String pipeline, ResourceType resource, ResourceMethod method) {
        return listMetricsResourcesFromPipeline(pipeline, resource, method, DEFAULT_RANKING_SIZE);
    }

    /** The {@code n} metrics of pipeline {@code pipeline} that use the most or the least of {@code resource}. */
    public Metrics listMetricsResourcesFromPipeline(String pipeline, ResourceType resource, ResourceMethod method,
            int n) {
        return rank(RankingScope.pipeline(pipeline), resource, method, n);
    }

    /** The 10 metrics of build {@code build} of {@code pipeline} that use the most or least of {@code resource}. */
    public Metrics listMetricsResourcesFromBuild(String pipeline, String build, ResourceType resource,
            ResourceMethod method) {
        return listMetricsResourcesFromBuild(pipeline, build, resource, method, DEFAULT_RANKING_SIZE);
    }

    /** The {@code n} metrics of build {@code build} of {@code pipeline} that use the most or least of it. */
    public Metrics listMetricsResourcesFromBuild(String pipeline, String build, ResourceType resource,
            ResourceMethod method, int n) {
        return rank(RankingScope.build(pipeline, build), resource, method, n);
    }

    /** The builds of {@code pipeline}, sorted as text. */
    public List<String> listPipelineBuilds(String pipeline) {
        return dialect.pipelineBuilds(pipeline);
    }

    /** Every pipeline, sorted. */
    public List<String> listPipelines() {
        return dialect.pipelines();
    }

    /** The metrics of session {@code h}. */
    public Metrics listSessionMetrics(String h) {
        return new Metrics(dialect.sessionMetrics(h));
    }

    /** Every session, keyed by hash, in arrival order. */
    public Sessions listSessions() {
        return listSessions(List.of(), List.of(), MatchMethod.MATCH_ANY);
    }

    /**
     * The sessions that pass the flag filter: with {@code restrictFlags} empty, those that have the tags of
     * {@code withTags} (any, or all, as {@code method} says); otherwise one value per tag, in the same order,
     * where a non-empty value must equal the tag's value (as text) and an empty one only asks for the tag.
     * With {@code withTags} empty, every session.
     *
     * @throws IllegalArgumentException for restrictions without tags, of another count than the tags, an empty
     *     tag name, or a comma in a name or value (the API separates lists with commas)
     */
    public Sessions listSessions(List<String> withTags, List<String> restrictFlags, MatchMethod method) {
        List<String> flags = withTags == null ? List.of() : List.copyOf(withTags);
        List<String> restrictions = restrictFlags == null ? List.of() : List.copyOf(restrictFlags);
        if (!restrictions.isEmpty() && restrictions.size() != flags.size()) {
            throw new IllegalArgumentException("restrictFlags must have one entry per tag (" + flags.size()
                    + "), has " + restrictions.size());
        }
        if (flags.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("tag names must not be empty");
        }
        if (flags.stream().anyMatch(f -> f.contains(",")) || restrictions.stream().anyMatch(r -> r.contains(","))) {
            throw new IllegalArgumentException("tag names and values must not contain a comma");
        }
        return new Sessions(dialect.sessions(flags, restrictions, method == null ? MatchMethod.MATCH_ANY : method));
    }

    /** The sessions that {@code metrics} refer to, in order of first use; unknown ones are left out. */
    public Sessions listSessionsFrom(Metrics metrics) {
        Sessions sessions = new Sessions();
        metrics.sessionHashes().forEach(h -> dialect.session(h).ifPresent(sessions::add));
        return sessions;
    }

    /** Closes the connection to the server or the file. */
    @Override
    public void close() {
        dialect.close();
    }

    private Metrics rank(RankingScope scope, ResourceType resource, ResourceMethod method, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a ranking holds at least 1 metric, not " + n);
        }
        return new Metrics(dialect.ranking(scope, Objects.requireNonNull(resource, "resource"),
                Objects.requireNonNull(method, "method"), Math.min(n, MAX_RANKING_SIZE)));
    }
}
