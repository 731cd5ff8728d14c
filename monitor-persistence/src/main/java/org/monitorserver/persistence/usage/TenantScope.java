package org.monitorserver.persistence.usage;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenants an admin metric covers: all of them (the superadmin's view) or the given ones (a tenant admin's own,
 * or those the superadmin named). Resolved by the caller's access rules, never by the query services.
 */
public final class TenantScope {

    private static final TenantScope ALL = new TenantScope(null);

    /** null for all tenants. */
    private final Set<Long> ids;

    private TenantScope(Set<Long> ids) {
        this.ids = ids;
    }

    /** Every tenant, including those created later. */
    public static TenantScope all() {
        return ALL;
    }

    /** The tenants {@code ids}; none is allowed, and then nothing is counted. */
    public static TenantScope of(Collection<Long> ids) {
        return new TenantScope(Set.copyOf(ids));
    }

    /** The one tenant {@code id}. */
    public static TenantScope of(long id) {
        return new TenantScope(Set.of(id));
    }

    /** The tenants included, or empty for all tenants. */
    public Optional<Set<Long>> ids() {
        return Optional.ofNullable(ids);
    }

    @Override
    public String toString() {
        return ids == null ? "all tenants" : "tenants " + new TreeSet<>(ids);
    }
}
