package org.monitorserver.client.model;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What {@link Sessions} and {@link Contexts} share: entities keyed by hash, in the order they were added (for
 * listings: the server's arrival order); adding an entity with a hash already here replaces it in its place.
 *
 * @param <T> the entity
 * @param <C> the concrete collection, which filters answer
 */
public abstract class HashKeyed<T, C extends HashKeyed<T, C>> implements Iterable<T> {

    private final Map<String, T> byHash = new LinkedHashMap<>();
    private final Function<T, String> hash;
    private final Function<List<T>, C> collection;

    /**
     * @param entities the first entities, in their order
     * @param hash an entity's hash
     * @param collection a new collection of the concrete type holding the given entities
     */
    HashKeyed(Iterable<T> entities, Function<T, String> hash, Function<List<T>, C> collection) {
        this.hash = hash;
        this.collection = collection;
        entities.forEach(this::add);
    }

    /** Adds {@code entity}, replacing one with the same hash (which keeps its place); returns it. */
    public T add(T entity) {
        byHash.put(hash.apply(entity), entity);
        return entity;
    }

    /** The entity with hash {@code h}. */
    public Optional<T> get(String h) {
        return Optional.ofNullable(byHash.get(h));
    }

    /** Whether an entity with hash {@code h} is here. */
    public boolean contains(String h) {
        return byHash.containsKey(h);
    }

    /** The hashes, in order. */
    public List<String> hashes() {
        return List.copyOf(byHash.keySet());
    }

    /** The entities, in order. */
    public List<T> values() {
        return List.copyOf(byHash.values());
    }

    /** How many entities are here. */
    public int size() {
        return byHash.size();
    }

    /** Whether there is none. */
    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    @Override
    public Iterator<T> iterator() {
        return values().iterator();
    }

    /** A new collection of the entities that pass {@code condition}, in order. */
    public C filterWith(Predicate<T> condition) {
        return collection.apply(byHash.values().stream().filter(condition).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && values().equals(((HashKeyed<?, ?>) other).values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + hashes();
    }
}
