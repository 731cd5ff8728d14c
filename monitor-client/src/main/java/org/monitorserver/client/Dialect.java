package org.monitorserver.client;

import java.util.List;
import java.util.Optional;
import org.monitorserver.api.RunResultJson;
import org.monitorserver.client.model.Context;
import org.monitorserver.client.model.Metric;
import org.monitorserver.client.model.MetricScope;
import org.monitorserver.client.model.ResourceMethod;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Session;
import org.monitorserver.client.model.MatchMethod;

/**
 * A source of sessions, contexts and metrics: a server ({@code RemoteDialect}) or a {@code .pymon} file
 * ({@code LocalDialect}). Each method answers what the server route of the same meaning answers, in the same
 * order, so that {@link Monitor} gives the same result over either. Component {@code ""} is the empty
 * component; names are exact unless a method says prefix or substring.
 */
public interface Dialect extends AutoCloseable {

    /** The number of non-empty components. */
    long countComponents();

    /** The number of contexts. */
    long countContexts();

    /** The number of sessions. */
    long countSessions();

    /** The number of metrics. */
    long countMetrics();

    /** The number of metrics of session {@code h}. */
    long countSessionMetrics(String h);

    /** The number of metrics of context {@code h}. */
    long countContextMetrics(String h);

    /** The number of metrics of the sessions whose SCM reference starts with {@code scm}. */
    long countScmMetrics(String scm);

    /** The session whose hash is exactly {@code h}. */
    Optional<Session> session(String h);

    /** The context whose hash is exactly {@code h}. */
    Optional<Context> context(String h);

    /** Every session in arrival order, or those passing the flag filter when {@code flags} is not empty. */
    List<Session> sessions(List<String> flags, List<String> restrictions, MatchMethod method);

    /** Every context in arrival order. */
    List<Context> contexts();

    /** Every metric in arrival order. */
    List<Metric> metrics();

    /** The metrics of session {@code h}. */
    List<Metric> sessionMetrics(String h);

    /** The metrics of context {@code h}. */
    List<Metric> contextMetrics(String h);

    /** The metrics of the sessions whose SCM reference starts with {@code scm}. */
    List<Metric> scmMetrics(String scm);

    /** The metrics of scope {@code scope}. */
    List<Metric> scopeMetrics(MetricScope scope);

    /** The metrics of item {@code item}, any variant. */
    List<Metric> itemMetrics(String item);

    /** The metrics whose item contains {@code part}. */
    List<Metric> itemLikeMetrics(String part);

    /** The metrics whose variant contains {@code part}. */
    List<Metric> variantLikeMetrics(String part);

    /** The metrics of variant {@code variant}, in any component when {@code component} is null. */
    List<Metric> variantMetrics(String variant, String component);

    /** The metrics of component {@code component} ({@code ""}: those without one). */
    List<Metric> componentMetrics(String component);

    /** Every non-empty component name, sorted. */
    List<String> components();

    /** Every pipeline name, sorted. */
    List<String> pipelines();

    /** The builds of {@code pipeline}, sorted as text. */
    List<String> pipelineBuilds(String pipeline);

    /** The hashes of the sessions of build {@code build} of {@code pipeline}, in arrival order. */
    List<String> buildSessions(String pipeline, String build);

    /** The pipelines of the sessions that have metrics of {@code component}, sorted. */
    List<String> componentPipelines(String component);

    /** The builds of {@code pipeline} whose sessions have metrics of {@code component}, sorted as text. */
    List<String> componentPipelineBuilds(String component, String pipeline);

    /**
     * The {@code n} metrics of a scope that use the most ({@link ResourceMethod#TOP}) or least of {@code
     * resource}, ties in arrival order; the scope is every metric, or a component, a pipeline, or a pipeline's
     * build, as {@code scope} says.
     */
    List<Metric> ranking(RankingScope scope, ResourceType resource, ResourceMethod method, int n);

    /** Releases the connection or client; never throws a checked exception. */
    @Override
    void close();

    /** The runs tracked by resource-tracker that pass {@code query}, newest first; a .pymon file has none. */
    List<RunResultJson> runs(RunQuery query);

    /** The run whose id is {@code id}; a .pymon file has none. */
    Optional<RunResultJson> run(String id);

    /**
     * The comparison of two refs test by test, every page of it. Only a server compares: its verdicts rest on the
     * build history it keeps.
     *
     * @throws UnsupportedOperationException over a .pymon file
     */
    Comparison compare(ComparisonRequest request);
}
