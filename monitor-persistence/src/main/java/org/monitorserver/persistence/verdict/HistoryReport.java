package org.monitorserver.persistence.verdict;

import java.util.List;
import org.monitorserver.domain.metric.Resource;
import org.monitorserver.domain.verdict.BuildHistory.Series;
import org.monitorserver.domain.verdict.ChangePoints;
import org.monitorserver.domain.verdict.VerdictRule;

/** An item's history in a pipeline: one series per test of that name (component, path, variant). */
public record HistoryReport(String item, String pipeline, Resource resource, VerdictRule rule,
        ChangePoints changePoints, int builds, List<Series> series) {
}
