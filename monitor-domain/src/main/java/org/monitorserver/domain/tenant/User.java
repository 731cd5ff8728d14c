package org.monitorserver.domain.tenant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A user of one tenant, who authenticates with API keys. Names are unique per tenant. A disabled user's keys
 * all stop working; users are disabled, never deleted, so that the sessions they sent keep naming them.
 */
@Entity
@Table(name = "app_user")
@Cacheable(false)
@NamedQuery(name = User.FIND_BY_TENANT_AND_NAME,
        query = "SELECT u FROM User u WHERE u.tenantId = :tenant AND u.name = :name")
@NamedQuery(name = User.FIND_BY_TENANT, query = "SELECT u FROM User u WHERE u.tenantId = :tenant ORDER BY u.name")
@NamedQuery(name = User.COUNT_BY_TENANT, query = "SELECT COUNT(u) FROM User u WHERE u.tenantId = :tenant")
@NamedQuery(name = User.DISABLE,
        query = "UPDATE User u SET u.disabled = :disabled WHERE u.id = :id")
public class User {

    public static final String FIND_BY_TENANT_AND_NAME = "User.findByTenantAndName";
    public static final String FIND_BY_TENANT = "User.findByTenant";
    public static final String COUNT_BY_TENANT = "User.countByTenant";
    public static final String DISABLE = "User.disable";

    /** The superadmin, user {@code admin} of tenant {@code superadmin}; created by migration 15. */
    public static final long SUPERADMIN_ID = 1L;

    /** The superadmin's name. */
    public static final String SUPERADMIN = "admin";

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(nullable = false, updatable = false, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    protected User() {
    }

    /** A new, enabled user of tenant {@code tenantId} named {@code name} (see {@link Names}). */
    public User(long tenantId, String name, Role role, LocalDateTime createdAt) {
        if (!Names.isValid(name)) {
            throw new IllegalArgumentException("a user name must match " + Names.PATTERN + ", not " + name);
        }
        if (role == Role.SUPERADMIN) {
            throw new IllegalArgumentException("there is one superadmin, created by the schema");
        }
        this.tenantId = tenantId;
        this.name = name;
        this.role = Objects.requireNonNull(role, "role");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public long getId() {
        return id;
    }

    public long getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public Role getRole() {
        return role;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
