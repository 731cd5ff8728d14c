package org.monitorserver.persistence.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.monitorserver.domain.session.Session;

/**
 * The session flag filter of {@code ?with_flags=a,b&restrict_flags=x,y&method=match_any|match_all}: a flag
 * whose restriction is non-empty must have that value, otherwise the tag must merely be present. As query
 * parameters it becomes tag keys that must be present and {@code key + separator + value} pairs that must
 * match, plus how many conditions a session must meet when all are required.
 *
 * @param present tag keys that must be present
 * @param pairs key-value pairs joined with {@link Session#FLAG_SEPARATOR}
 * @param matchAll whether every condition must hold (else any)
 * @param conditions how many conditions there are (what match_all counts to)
 */
public record FlagFilter(List<String> present, List<String> pairs, boolean matchAll, long conditions) {

    /** Never a tag key or pair (tag keys are non-empty), so that an empty IN list stays valid SQL. */
    private static final String NOTHING = "";

    public FlagFilter {
        present = present.isEmpty() ? List.of(NOTHING) : List.copyOf(present);
        pairs = pairs.isEmpty() ? List.of(NOTHING) : List.copyOf(pairs);
    }

    /**
     * The filter for flags and their restrictions (same length; a missing restriction list means presence
     * only). A flag given twice keeps its strictest form for match_all (value over presence) and its widest
     * for match_any (presence over value), so that one tag never has to satisfy two conditions.
     *
     * @throws IllegalArgumentException when the lists differ in length or no flag is given
     */
    public static FlagFilter of(List<String> flags, List<String> restrictions, boolean matchAll) {
        if (flags.isEmpty()) {
            throw new IllegalArgumentException("at least one flag is needed");
        }
        if (restrictions != null && restrictions.size() != flags.size()) {
            throw new IllegalArgumentException("restrict_flags must have as many entries as with_flags");
        }
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < flags.size(); i++) {
            String value = restrictions == null ? "" : restrictions.get(i);
            byKey.computeIfAbsent(flags.get(i), k -> new ArrayList<>()).add(value);
        }
        var present = new ArrayList<String>();
        var pairs = new ArrayList<String>();
        int conditions = 0;
        for (var entry : byKey.entrySet()) {
            List<String> values = entry.getValue().stream().filter(v -> !v.isEmpty()).distinct().toList();
            boolean presenceOnly = values.size() < entry.getValue().size();
            if (values.isEmpty() || (presenceOnly && !matchAll)) {
                present.add(entry.getKey());
                conditions++;
            } else {
                values.forEach(v -> pairs.add(entry.getKey() + Session.FLAG_SEPARATOR + v));
                conditions += values.size();
            }
        }
        return new FlagFilter(present, pairs, matchAll, conditions);
    }
}
