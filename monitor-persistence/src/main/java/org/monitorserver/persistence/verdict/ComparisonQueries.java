package org.monitorserver.persistence.verdict;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.metric.Resource;
import org.monitorserver.domain.pipeline.Build;
import org.monitorserver.domain.session.Session;
import org.monitorserver.domain.verdict.BuildHistory;
import org.monitorserver.domain.verdict.BuildMedians;
import org.monitorserver.domain.verdict.ChangePoints;
import org.monitorserver.domain.verdict.RefComparison;
import org.monitorserver.domain.verdict.RefComparison.Row;
import org.monitorserver.domain.verdict.Ref;
import org.monitorserver.domain.verdict.TestKey;
import org.monitorserver.domain.verdict.TestRun;
import org.monitorserver.domain.verdict.TestRuns;
import org.monitorserver.domain.verdict.Verdict;
import org.monitorserver.domain.verdict.VerdictRule;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageRequest;

/**
 * Comparisons of two refs and histories of an item (docs/verdicts.md). Each reads only what it judges: the refs'
 * sessions and their metrics (by session), the builds before the baseline on its pipeline (by the maintained first
 * run dates, at most the rule's lookback of them) and their metrics; a history reads the item's metrics in one
 * pipeline (by item name). The statistics run in memory.
 */
@Stateless
public class ComparisonQueries {

    /**
     * Sessions whose metrics one query reads: a comparison keeps only numbers per run, and reading a ref's metrics a
     * few sessions at a time bounds the rows in memory at once.
     */
    private static final int SESSIONS_PER_QUERY = 20;

    /** Build names per IN list: well inside every database's limit on bound parameters. */
    private static final int BUILDS_PER_QUERY = 1000;

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    @EJB
    ComponentThresholds thresholds;

    /**
     * Compares the request's contender with its baseline. A side without sessions gives a report whose side says
     * 0 sessions and no rows.
     */
    public ComparisonReport compare(long tenant, ComparisonRequest request, double defaultThreshold,
            PageRequest page) {
        List<Session> baseline = sessions(tenant, request.baseline());
        List<Session> contender = sessions(tenant, request.contender());
        VerdictRule rule = VerdictRule.DEFAULT.withThreshold(request.threshold().orElse(defaultThreshold));
        String source = request.threshold().isPresent() ? "request" : "setting";
        if (baseline.isEmpty() || contender.isEmpty()) {
            return new ComparisonReport(side(baseline, new TestRuns()), side(contender, new TestRuns()), null, 0, rule,
                    source,
                    summary(List.of()), new Page<>(List.of(), 1, page.size(), 0));
        }
        TestRuns baselineRuns = runs(tenant, hashes(baseline));
        TestRuns contenderRuns = runs(tenant, hashes(contender));
        String pipeline = commonPipeline(baseline);
        List<String> historyBuilds = pipeline == null ? List.of()
                : buildsBefore(tenant, pipeline, request.baseline(), baseline, rule.lookback());
        BuildMedians history = new BuildMedians(historyBuilds.size());
        for (int b = 0; b < historyBuilds.size(); b++) {
            // One build at a time: only its medians stay.
            var build = new TestRuns();
            em.createNamedQuery(Metric.FIND_TEST_RUNS_BY_BUILD, TestRun.class).setParameter("tenant", tenant)
                    .setParameter("pipeline", pipeline).setParameter("build", historyBuilds.get(b)).getResultList()
                    .forEach(build::add);
            history.add(b, build);
        }
        Set<String> components = baselineRuns.tests().stream().map(TestKey::component).collect(Collectors.toSet());
        Map<String, Double> own = request.threshold().isPresent() ? Map.of() : thresholds.of(tenant, components);
        double threshold = rule.thresholdPercent();

        List<Row> rows = RefComparison.compare(baselineRuns, contenderRuns, history, rule,
                component -> own.getOrDefault(component, threshold));
        List<Row> kept = rows.stream()
                .filter(row -> request.component().map(row.test().component()::equals).orElse(true))
                .filter(row -> request.resource().map(row.resource()::equals).orElse(true)).toList();
        Map<Verdict, Long> summary = summary(kept);
        List<Row> listed = kept.stream().filter(row -> request.verdict().map(row.verdict()::equals).orElse(true))
                .sorted(order(request.ascending())).toList();
        return new ComparisonReport(side(baseline, baselineRuns), side(contender, contenderRuns), pipeline,
                historyBuilds.size(), rule, source, summary, cut(listed, page));
    }

    /**
     * The history of item {@code item} (optionally of one variant) across the builds of {@code pipeline}, for one
     * resource; null-free, with no series when the item never ran there.
     */
    public HistoryReport history(long tenant, String item, String variant, String pipeline, Resource resource,
            double defaultThreshold) {
        var query = variant == null
                ? em.createNamedQuery(Metric.FIND_TEST_RUNS_BY_ITEM_AND_PIPELINE, TestRun.class)
                : em.createNamedQuery(Metric.FIND_TEST_RUNS_BY_ITEM_VARIANT_AND_PIPELINE, TestRun.class)
                        .setParameter("variant", variant);
        List<TestRun> runs = query.setParameter("tenant", tenant).setParameter("item", item)
                .setParameter("pipeline", pipeline).getResultList();
        Set<String> names = runs.stream().map(TestRun::build).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, LocalDateTime> builds = new LinkedHashMap<>();
        List<Build> found = new ArrayList<>();
        for (List<String> chunk : chunks(names, BUILDS_PER_QUERY)) {
            found.addAll(em.createNamedQuery(Build.FIND_BY_BUILDS, Build.class).setParameter("tenant", tenant)
                    .setParameter("pipeline", pipeline).setParameter("builds", chunk).getResultList());
        }
        found.sort(Comparator.comparing(Build::getFirstRunDate).thenComparing(Build::getBuild));
        found.forEach(build -> builds.put(build.getBuild(), build.getFirstRunDate()));
        VerdictRule rule = VerdictRule.DEFAULT.withThreshold(defaultThreshold);
        Map<String, Double> own = thresholds.of(tenant,
                runs.stream().map(TestRun::component).collect(Collectors.toSet()));
        var series = BuildHistory.of(runs, builds, resource, rule,
                component -> own.getOrDefault(component, defaultThreshold), ChangePoints.DEFAULT);
        return new HistoryReport(item, pipeline, resource, rule, ChangePoints.DEFAULT, builds.size(), series);
    }

    private List<Session> sessions(long tenant, Ref ref) {
        TypedQuery<Session> query;
        if (ref instanceof Ref.OfBuild build) {
            query = em.createNamedQuery(Session.FIND_BY_BUILD, Session.class)
                    .setParameter("pipeline", build.pipeline()).setParameter("build", build.build());
        } else if (ref instanceof Ref.OfScm scm) {
            query = em.createNamedQuery(Session.FIND_BY_SCM, Session.class).setParameter("scm", scm.scmRef());
        } else {
            query = em.createNamedQuery(Session.FIND_BY_HASH, Session.class)
                    .setParameter("hash", ((Ref.OfSession) ref).sessionHash());
        }
        return query.setParameter("tenant", tenant).getResultList();
    }

    /**
     * The names of the builds of {@code pipeline} before the baseline, oldest first, at most {@code lookback}: by
     * first run date, then name. A build baseline is placed by its own first run date and name; another baseline
     * by its earliest session, before which a build must have started.
     */
    private List<String> buildsBefore(long tenant, String pipeline, Ref ref, List<Session> sessions, int lookback) {
        LocalDateTime date;
        String name;
        if (ref instanceof Ref.OfBuild build) {
            Build found = em.find(Build.class, new Build.Key(tenant, build.pipeline(), build.build()));
            if (found == null) {
                return List.of();
            }
            date = found.getFirstRunDate();
            name = found.getBuild();
        } else {
            date = sessions.stream().map(Session::getRunDate).min(Comparator.naturalOrder()).orElseThrow();
            name = "";
        }
        List<String> newestFirst = em.createNamedQuery(Build.FIND_BEFORE, Build.class).setParameter("tenant", tenant)
                .setParameter("pipeline", pipeline).setParameter("date", date).setParameter("build", name)
                .setMaxResults(lookback).getResultList().stream().map(Build::getBuild).toList();
        var oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The runs of the sessions {@code hashes}, read {@value #SESSIONS_PER_QUERY} sessions at a time. */
    private TestRuns runs(long tenant, Collection<String> hashes) {
        var runs = new TestRuns();
        for (List<String> chunk : chunks(hashes, SESSIONS_PER_QUERY)) {
            em.createNamedQuery(Metric.FIND_TEST_RUNS_BY_SESSIONS, TestRun.class).setParameter("tenant", tenant)
                    .setParameter("sessions", chunk).getResultList().forEach(runs::add);
        }
        return runs;
    }

    /** {@code values} without repeats, sorted, cut into lists of at most {@code size}: one IN list each. */
    static List<List<String>> chunks(Collection<String> values, int size) {
        var all = new ArrayList<>(new TreeSet<>(values));
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    private static List<String> hashes(List<Session> sessions) {
        return sessions.stream().map(Session::getHash).toList();
    }

    /** The pipeline all of {@code sessions} belong to, or null when they name none or several. */
    private static String commonPipeline(List<Session> sessions) {
        Set<String> pipelines = sessions.stream().map(Session::getPipeline).collect(Collectors.toSet());
        return pipelines.size() == 1 ? pipelines.iterator().next() : null;
    }

    private static ComparisonReport.Side side(List<Session> sessions, TestRuns runs) {
        return new ComparisonReport.Side(sessions.size(), runs.tests().size(),
                sessions.isEmpty() ? null : commonPipeline(sessions));
    }

    private static Map<Verdict, Long> summary(List<Row> rows) {
        var counts = new EnumMap<Verdict, Long>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0L);
        }
        rows.forEach(row -> counts.merge(row.verdict(), 1L, Long::sum));
        return counts;
    }

    /**
     * By change, the largest rise first (or last, ascending); an unbounded change (from 0) counts as the largest
     * rise; ties by test and resource, so that pages are stable.
     */
    private static Comparator<Row> order(boolean ascending) {
        Comparator<Row> byChange = Comparator.comparingDouble(row -> {
            Double change = row.comparison().changePercent();
            return change == null ? Double.POSITIVE_INFINITY : change;
        });
        return (ascending ? byChange : byChange.reversed()).thenComparing(Row::test)
                .thenComparing(Row::resource);
    }

    private static <T> Page<T> cut(List<T> rows, PageRequest request) {
        int number = request.resolve(rows.size());
        int from = Math.min(rows.size(), (number - 1) * request.size());
        return new Page<>(rows.subList(from, Math.min(rows.size(), from + request.size())), number, request.size(),
                rows.size());
    }
}
