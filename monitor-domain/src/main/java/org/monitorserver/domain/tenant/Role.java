package org.monitorserver.domain.tenant;

import java.util.Locale;
import java.util.Optional;

/** What a user may do: the role's name on the wire and in the platform's security is {@link #wireName()}. */
public enum Role {
    /** Reads and writes the data of their tenant. */
    USER,
    /** A user who also manages their tenant's users and keys and reads its admin metrics. */
    TENANT_ADMIN,
    /** User {@code admin} of tenant {@code superadmin}: manages every tenant and reads every admin metric. */
    SUPERADMIN;

    /** {@code user}, {@code tenant_admin} or {@code superadmin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code name} ({@link #wireName()}), if any. */
    public static Optional<Role> ofWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Whether this role manages users and keys and reads admin metrics (of its own tenant at least). */
    public boolean isAdmin() {
        return this != USER;
    }
}
