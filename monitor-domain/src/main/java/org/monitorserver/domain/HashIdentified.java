package org.monitorserver.domain;

/**
 * An entity that its client identifies, per tenant, by a hash it computed itself (sessions and contexts).
 * Posting it twice is harmless when the content is the same and a conflict otherwise.
 *
 * @param <T> the entity type
 */
public interface HashIdentified<T> {

    long getTenantId();

    String getHash();

    /** Whether {@code other} carries the same content, so that a second post of it may be answered as a success. */
    boolean sameContentAs(T other);
}
