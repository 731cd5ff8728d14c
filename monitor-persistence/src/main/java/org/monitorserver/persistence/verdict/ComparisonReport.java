package org.monitorserver.persistence.verdict;

import java.util.Map;
import org.monitorserver.domain.verdict.RefComparison.Row;
import org.monitorserver.domain.verdict.Verdict;
import org.monitorserver.domain.verdict.VerdictRule;
import org.monitorserver.persistence.Page;

/**
 * A comparison's answer: what each side held, the history it was judged against, the rule, the count of rows per
 * verdict (after the component and resource filters, before the verdict filter) and one page of rows.
 *
 * @param historyPipeline the pipeline whose builds before the baseline made the history; null when the baseline's
 *     sessions are not of one pipeline (then only the Mann–Whitney test can judge noise)
 * @param historyBuilds how many builds the history had (at most the rule's lookback)
 * @param rule the rule, with the server's or the request's threshold (components may have their own: each row
 *     says which it used)
 * @param thresholdSource {@code request} or {@code setting}: where the rule's threshold came from
 */
public record ComparisonReport(Side baseline, Side contender, String historyPipeline, int historyBuilds,
        VerdictRule rule, String thresholdSource, Map<Verdict, Long> summary, Page<Row> rows) {

    /**
     * One side of the comparison.
     *
     * @param pipeline the pipeline of its sessions when they share one, else null
     * @param tests how many tests ran in it
     */
    public record Side(int sessions, int tests, String pipeline) {
    }
}
