package org.monitorserver.rest.session;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.monitorserver.persistence.session.FlagFilter;
import org.monitorserver.rest.InvalidRequestException;

/**
 * The session flag filter's query parameters: {@code with_flags=a,b} (or {@code with_tags}, which the reference
 * query client sends), {@code restrict_flags=x,} (one value per flag, empty for presence only; may be absent)
 * and {@code method=match_any|match_all} (default match_any). Lists are comma-separated or repeated.
 */
public class FlagParams {

    @QueryParam("with_flags")
    List<String> withFlags;

    @QueryParam("with_tags")
    List<String> withTags;

    @QueryParam("restrict_flags")
    List<String> restrictFlags;

    @QueryParam("method")
    @Pattern(regexp = "match_any|match_all", message = "must be match_any or match_all")
    String method;

    /**
     * The filter these parameters ask for, or empty when no flag is given.
     *
     * @throws InvalidRequestException when {@code restrict_flags} does not have one entry per flag
     */
    public Optional<FlagFilter> filter() {
        List<String> flags = split(withFlags != null && !withFlags.isEmpty() ? withFlags : withTags);
        List<String> restrictions = restrictFlags == null || restrictFlags.isEmpty() ? null : split(restrictFlags);
        if (flags.isEmpty()) {
            if (restrictions != null) {
                throw invalid("restrict_flags", "needs with_flags (or with_tags)");
            }
            return Optional.empty();
        }
        if (restrictions != null && restrictions.size() != flags.size()) {
            throw invalid("restrict_flags", "must have one entry per flag (" + flags.size() + "), has "
                    + restrictions.size());
        }
        if (flags.contains("")) {
            throw invalid("with_flags", "flag names must not be empty");
        }
        return Optional.of(FlagFilter.of(flags, restrictions, "match_all".equals(method)));
    }

    /** Comma-separated and repeated values in one list; empty entries are kept (an empty restriction). */
    private static List<String> split(List<String> values) {
        var all = new ArrayList<String>();
        if (values != null) {
            values.forEach(v -> all.addAll(Arrays.asList(v.split(",", -1))));
        }
        return all;
    }

    private static InvalidRequestException invalid(String field, String reason) {
        return new InvalidRequestException("invalid session filter", Map.of(field, reason));
    }
}
