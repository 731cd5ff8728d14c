package org.monitorserver.persistence.verdict;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.monitorserver.domain.metric.Resource;
import org.monitorserver.domain.verdict.Ref;
import org.monitorserver.domain.verdict.Verdict;

/**
 * What a comparison is asked for: the two refs, the threshold when the request sets one (else each component's,
 * else the server's), the filters of the rows, and their order.
 *
 * @param component only this component's tests, when present
 * @param verdict only rows of this verdict, when present (the summary still counts every verdict)
 * @param resource only this resource, when present
 * @param ascending by change from the largest fall to the largest rise; otherwise the largest rise first
 */
public record ComparisonRequest(Ref baseline, Ref contender, OptionalDouble threshold, Optional<String> component,
        Optional<Verdict> verdict, Optional<Resource> resource, boolean ascending) {

    public ComparisonRequest {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(contender, "contender");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(resource, "resource");
    }
}
