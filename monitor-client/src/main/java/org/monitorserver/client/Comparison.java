package org.monitorserver.client;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.monitorserver.api.ComparisonMethodJson;
import org.monitorserver.api.ComparisonRowJson;
import org.monitorserver.api.RefJson;
import org.monitorserver.client.model.Verdict;

/**
 * The answer of {@link Monitor#compare}: both refs as the server saw them, how it decided, the number of rows per
 * verdict, and every row of every page, in the server's order. The parts are the API's own records.
 *
 * @param baseline the baseline: how it was named, its sessions and tests
 * @param contender the contender, likewise
 * @param method the rule behind the verdicts and its parameters (threshold, history)
 * @param summary rows per verdict wire name, counted after the component and resource filters, before the
 *     verdict filter (a JSON object: no order)
 * @param rows every row, after every filter
 */
public record Comparison(RefJson baseline, RefJson contender, ComparisonMethodJson method, Map<String, Long> summary,
        List<ComparisonRowJson> rows) {

    /** Freezes the summary and the rows. */
    public Comparison {
        summary = summary == null ? Map.of() : Map.copyOf(summary);
        rows = List.copyOf(rows);
    }

    /** The number of rows with {@code verdict}, as the summary counts them (0 when it does not name it). */
    public long count(Verdict verdict) {
        return summary.getOrDefault(verdict.wireName(), 0L);
    }

    /** The rows whose verdict is one of {@code verdicts}, in order. */
    public List<ComparisonRowJson> rowsWith(Collection<Verdict> verdicts) {
        Set<String> names = verdicts.stream().map(Verdict::wireName).collect(Collectors.toSet());
        return rows.stream().filter(row -> names.contains(row.verdict())).toList();
    }
}
