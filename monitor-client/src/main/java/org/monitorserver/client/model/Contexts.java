package org.monitorserver.client.model;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Execution contexts keyed by hash, in the order they were added (for listings: arrival order). */
public final class Contexts implements Iterable<Context> {

    private final Map<String, Context> byHash = new LinkedHashMap<>();

    /** An empty collection. */
    public Contexts() {
    }

    /** A collection of {@code contexts}, in their order. */
    public Contexts(Iterable<Context> contexts) {
        contexts.forEach(this::add);
    }

    /** Adds {@code context}, replacing one with the same hash (which keeps its place); returns it. */
    public Context add(Context context) {
        byHash.put(context.h(), context);
        return context;
    }

    /** The context with hash {@code h}. */
    public Optional<Context> get(String h) {
        return Optional.ofNullable(byHash.get(h));
    }

    /** Whether a context with hash {@code h} is here. */
    public boolean contains(String h) {
        return byHash.containsKey(h);
    }

    /** The hashes, in order. */
    public List<String> hashes() {
        return List.copyOf(byHash.keySet());
    }

    /** The contexts, in order. */
    public List<Context> values() {
        return List.copyOf(byHash.values());
    }

    /** How many contexts are here. */
    public int size() {
        return byHash.size();
    }

    /** Whether there is none. */
    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    @Override
    public Iterator<Context> iterator() {
        return values().iterator();
    }

    /** A new collection of the contexts that pass {@code condition}, in order. */
    public Contexts filterWith(Predicate<Context> condition) {
        return new Contexts(byHash.values().stream().filter(condition).toList());
    }

    /** The export: {@code h} and the machine's fields. */
    public Table toTable(FieldSelection selection) {
        Columns<Context> columns = new Columns<Context>(selection).add(Field.H, Context::h);
        return Metrics.contextColumns(columns, c -> c).table(byHash.values());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Contexts that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "Contexts" + hashes();
    }
}
