package org.monitorserver.rest.verdict;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.monitorserver.domain.metric.Resource;
import org.monitorserver.domain.verdict.Ref;
import org.monitorserver.domain.verdict.Verdict;
import org.monitorserver.persistence.verdict.ComparisonRequest;
import org.monitorserver.rest.InvalidRequestException;

/**
 * The query parameters of {@code GET /api/v1/compare}. Each side is named one way: {@code X_pipeline} with
 * {@code X_build}, or {@code X_scm} (an exact SCM reference, so that branch names with {@code /} work as query
 * values), or {@code X_session}; X is {@code baseline} or {@code contender}.
 */
public class CompareParams {

    /** The most a threshold may be, in percent. */
    static final double MAX_THRESHOLD = 1000;

    @QueryParam("baseline_pipeline")
    String baselinePipeline;

    @QueryParam("baseline_build")
    String baselineBuild;

    @QueryParam("baseline_scm")
    String baselineScm;

    @QueryParam("baseline_session")
    String baselineSession;

    @QueryParam("contender_pipeline")
    String contenderPipeline;

    @QueryParam("contender_build")
    String contenderBuild;

    @QueryParam("contender_scm")
    String contenderScm;

    @QueryParam("contender_session")
    String contenderSession;

    @QueryParam("threshold")
    @Pattern(regexp = "\\d{1,4}(\\.\\d{1,6})?", message = "must be a number of percent from 0 to 1000, such as 10 or 2.5")
    String threshold;

    @QueryParam("component")
    String component;

    @QueryParam("verdict")
    @Pattern(regexp = "regressed|improved|unchanged|not_enough_history",
            message = "must be regressed, improved, unchanged or not_enough_history")
    String verdict;

    @QueryParam("resource")
    @Pattern(regexp = "memory|cpu|total_time|user_time|kernel_time",
            message = "must be memory, cpu, total_time, user_time or kernel_time")
    String resource;

    @QueryParam("sort")
    @Pattern(regexp = "-?change", message = "must be change (largest fall first) or -change (largest rise first)")
    String sort;

    /** The request these parameters name; 400 with an error per parameter when a side is not named one way. */
    public ComparisonRequest toRequest() {
        var errors = new LinkedHashMap<String, String>();
        Ref baseline = ref("baseline", baselinePipeline, baselineBuild, baselineScm, baselineSession, errors);
        Ref contender = ref("contender", contenderPipeline, contenderBuild, contenderScm, contenderSession, errors);
        OptionalDouble percent = threshold == null ? OptionalDouble.empty()
                : OptionalDouble.of(Double.parseDouble(threshold));
        if (percent.isPresent() && percent.getAsDouble() > MAX_THRESHOLD) {
            errors.put("threshold", "must be a number of percent from 0 to 1000, such as 10 or 2.5");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("name the baseline and the contender each one way: X_pipeline with"
                    + " X_build, X_scm, or X_session", errors);
        }
        return new ComparisonRequest(baseline, contender, percent, Optional.ofNullable(component),
                Optional.ofNullable(verdict).map(v -> Verdict.valueOf(v.toUpperCase(java.util.Locale.ROOT))),
                Optional.ofNullable(resource).flatMap(Resource::fromApiName), "change".equals(sort));
    }

    private static Ref ref(String side, String pipeline, String build, String scm, String session,
            Map<String, String> errors) {
        long ways = Arrays.asList(pipeline != null || build != null, scm != null, session != null).stream()
                .filter(Boolean::booleanValue).count();
        if (ways != 1) {
            errors.put(side, ways == 0 ? "missing: give " + side + "_pipeline and " + side + "_build, " + side
                    + "_scm, or " + side + "_session" : "give only one of " + side + "_pipeline/" + side + "_build, "
                    + side + "_scm and " + side + "_session");
            return null;
        }
        if (scm != null) {
            return blank(scm, side + "_scm", errors) ? null : new Ref.OfScm(scm);
        }
        if (session != null) {
            return blank(session, side + "_session", errors) ? null : new Ref.OfSession(session);
        }
        if (pipeline == null || build == null) {
            errors.put(pipeline == null ? side + "_pipeline" : side + "_build", "missing: a build is named by "
                    + side + "_pipeline and " + side + "_build together");
            return null;
        }
        boolean bad = blank(pipeline, side + "_pipeline", errors) | blank(build, side + "_build", errors);
        return bad ? null : new Ref.OfBuild(pipeline, build);
    }

    private static boolean blank(String value, String name, Map<String, String> errors) {
        if (value.isBlank()) {
            errors.put(name, "must not be empty");
            return true;
        }
        return false;
    }
}
