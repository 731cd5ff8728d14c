package org.monitorserver.client.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Sessions keyed by hash, in the order they were added (for listings: the server's arrival order). */
public final class Sessions extends HashKeyed<Session, Sessions> {

    /** An empty collection. */
    public Sessions() {
        this(List.of());
    }

    /** A collection of {@code sessions}, in their order. */
    public Sessions(Iterable<Session> sessions) {
        super(sessions, Session::h, Sessions::new);
    }

    /** The sessions whose source code reference is exactly {@code scm}. */
    public Sessions withScm(String scm) {
        return filterWith(s -> Objects.equals(s.scm(), scm));
    }

    /** The sessions that have every tag of {@code names}, whatever its value. */
    public Sessions withTags(String... names) {
        return withTags(List.of(names), Map.of());
    }

    /**
     * The sessions that have every tag of {@code present} (any value) and every tag of {@code values} with
     * exactly that value, as the reference's {@code with_tags(*args, **kwargs)}.
     */
    public Sessions withTags(Collection<String> present, Map<String, String> values) {
        return filterWith(s -> present.stream().allMatch(s::hasTag)
                && values.entrySet().stream().allMatch(e -> s.hasTag(e.getKey())
                        && Objects.equals(s.tags().get(e.getKey()), e.getValue())));
    }

    /** The export: {@code h}, {@code scm}, {@code run_date}, then one column per tag name. */
    public Table toTable(FieldSelection selection) {
        return new Columns<Session>(selection)
                .add(Field.H, Session::h)
                .add(Field.SCM, Session::scm)
                .add(Field.RUN_DATE, s -> IsoDateTime.format(s.runDate()))
                .addTags(values(), Session::tags)
                .table(values());
    }
}
