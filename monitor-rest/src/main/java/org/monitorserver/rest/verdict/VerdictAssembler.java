package org.monitorserver.rest.verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.monitorserver.api.ComparisonJson;
import org.monitorserver.api.ComparisonMethodJson;
import org.monitorserver.api.ComparisonRowJson;
import org.monitorserver.api.HistoryJson;
import org.monitorserver.api.RefJson;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.verdict.BuildHistory;
import org.monitorserver.domain.verdict.ChangePoints;
import org.monitorserver.domain.verdict.Comparison;
import org.monitorserver.domain.verdict.RefComparison.Row;
import org.monitorserver.domain.verdict.Ref;
import org.monitorserver.domain.verdict.VerdictRule;
import org.monitorserver.persistence.verdict.ComparisonReport;
import org.monitorserver.persistence.verdict.ComparisonRequest;
import org.monitorserver.persistence.verdict.HistoryReport;
import org.monitorserver.rest.Pages.Links;

/** Turns comparisons and histories into their wire records. */
public final class VerdictAssembler {

    static final String VALUE = "median of the ref's runs of the test";
    static final String BUILD_ORDER = "by the build's earliest session run_date, then by name";

    private VerdictAssembler() {
    }

    public static ComparisonJson toJson(ComparisonRequest request, ComparisonReport report, Links links) {
        VerdictRule rule = report.rule();
        var method = new ComparisonMethodJson(VALUE, rule.thresholdPercent(), report.thresholdSource(),
                "Student's t prediction interval of the history's per-build medians, one-sided at the boundary",
                report.historyPipeline(), report.historyBuilds(), rule.lookback(), rule.minimumHistory(),
                rule.boundary(), "Mann-Whitney U, two-sided, of the runs (only where it can reach alpha)",
                rule.alpha(), rule.minimumRuns(), BUILD_ORDER);
        Map<String, Long> summary = new LinkedHashMap<>();
        report.summary().forEach((verdict, count) -> summary.put(verdict.wireName(), count));
        return new ComparisonJson(ref(request.baseline(), report.baseline()), ref(request.contender(),
                report.contender()), method, summary, report.rows().items().stream().map(VerdictAssembler::row)
                .toList(), links.totalPage(), links.prevUrl(), links.nextUrl());
    }

    public static HistoryJson toJson(HistoryReport report) {
        VerdictRule rule = report.rule();
        ChangePoints changes = report.changePoints();
        var method = new HistoryJson.Method("median of the build's runs of the test", BUILD_ORDER,
                "against the median of up to lookback earlier points: beyond the threshold and outside the t "
                        + "prediction interval of those points", rule.lookback(), rule.minimumHistory(),
                rule.boundary(), "E-Divisive means (Matteson and James 2014), permutation test with a fixed seed",
                1.0, changes.minimumSegment(), changes.permutations(), changes.significance(), changes.seed());
        List<HistoryJson.Series> series = report.series().stream().map(VerdictAssembler::series).toList();
        return new HistoryJson(report.item(), report.pipeline(), report.resource().apiName(), report.builds(), method,
                series);
    }

    private static HistoryJson.Series series(BuildHistory.Series series) {
        List<BuildHistory.Point> points = series.points();
        return new HistoryJson.Series(series.test().component(), series.test().itemPath(),
                series.test().itemVariant(), series.thresholdPercent(), points.stream().map(point -> {
                    Comparison against = point.againstPast();
                    return new HistoryJson.Point(point.build(), IsoDateTime.format(point.firstRunDate()),
                            point.value(), point.runs(), point.sessions(), against.verdict().wireName(),
                            against.changePercent(), against.intervalApplied() ? against.interval().lower() : null,
                            against.intervalApplied() ? against.interval().upper() : null);
                }).toList(), series.changePoints().stream()
                        .map(index -> new HistoryJson.ChangePoint(index, points.get(index).build())).toList());
    }

    private static ComparisonRowJson row(Row row) {
        Comparison c = row.comparison();
        return new ComparisonRowJson(row.test().component(), row.test().itemPath(), row.test().itemVariant(),
                row.item(), row.resource().apiName(), c.baselineValue(), c.contenderValue(), c.changePercent(),
                c.verdict().wireName(), row.thresholdPercent(), row.baselineRuns(), row.contenderRuns(),
                row.history(), c.intervalApplied() ? c.interval().lower() : null,
                c.intervalApplied() ? c.interval().upper() : null, c.mannWhitneyP());
    }

    private static RefJson ref(Ref ref, ComparisonReport.Side side) {
        if (ref instanceof Ref.OfBuild build) {
            return new RefJson(build.pipeline(), build.build(), null, null, side.sessions(), side.tests());
        }
        if (ref instanceof Ref.OfScm scm) {
            return new RefJson(side.pipeline(), null, scm.scmRef(), null, side.sessions(), side.tests());
        }
        return new RefJson(side.pipeline(), null, null, ((Ref.OfSession) ref).sessionHash(), side.sessions(),
                side.tests());
    }
}
