package org.monitorserver.client.model;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** Sessions keyed by hash, in the order they were added (for listings: the server's arrival order). */
public final class Sessions implements Iterable<Session> {

    private final Map<String, Session> byHash = new LinkedHashMap<>();

    /** An empty collection. */
    public Sessions() {
    }

    /** A collection of {@code sessions}, in their order. */
    public Sessions(Iterable<Session> sessions) {
        sessions.forEach(this::add);
    }

    /** Adds {@code session}, replacing one with the same hash (which keeps its place); returns it. */
    public Session add(Session session) {
        byHash.put(session.h(), session);
        return session;
    }

    /** The session with hash {@code h}. */
    public Optional<Session> get(String h) {
        return Optional.ofNullable(byHash.get(h));
    }

    /** Whether a session with hash {@code h} is here. */
    public boolean contains(String h) {
        return byHash.containsKey(h);
    }

    /** The hashes, in order. */
    public List<String> hashes() {
        return List.copyOf(byHash.keySet());
    }

    /** The sessions, in order. */
    public List<Session> values() {
        return List.copyOf(byHash.values());
    }

    /** How many sessions are here. */
    public int size() {
        return byHash.size();
    }

    /** Whether there is none. */
    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    @Override
    public Iterator<Session> iterator() {
        return values().iterator();
    }

    /** A new collection of the sessions that pass {@code condition}, in order. */
    public Sessions filterWith(Predicate<Session> condition) {
        return new Sessions(byHash.values().stream().filter(condition).toList());
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
                .addTags(byHash.values(), Session::tags)
                .table(byHash.values());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sessions that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "Sessions" + hashes();
    }
}
