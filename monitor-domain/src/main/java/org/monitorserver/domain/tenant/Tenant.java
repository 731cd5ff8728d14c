package org.monitorserver.domain.tenant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An organization whose data is kept apart from the others'. {@code default} (owner of what is written with
 * authentication off) and {@code superadmin} (home of the superadmin) exist from the start; tenants are created
 * by the superadmin and never deleted.
 */
@Entity
@Table(name = "tenant")
@Cacheable
@NamedQuery(name = Tenant.COUNT_BY_ID, query = "SELECT COUNT(t) FROM Tenant t WHERE t.id = :id")
@NamedQuery(name = Tenant.FIND_BY_NAME, query = "SELECT t FROM Tenant t WHERE t.name = :name")
@NamedQuery(name = Tenant.FIND_ALL, query = "SELECT t FROM Tenant t ORDER BY t.name")
@NamedQuery(name = Tenant.COUNT_ALL, query = "SELECT COUNT(t) FROM Tenant t")
public class Tenant {

    public static final String COUNT_BY_ID = "Tenant.countById";
    public static final String FIND_BY_NAME = "Tenant.findByName";
    public static final String FIND_ALL = "Tenant.findAll";
    public static final String COUNT_ALL = "Tenant.countAll";

    /** The tenant that owns what is written with authentication off; created by the first migration. */
    public static final long DEFAULT_ID = 1L;

    /** The superadmin's tenant; created by migration 15. */
    public static final long SUPERADMIN_ID = 2L;

    /** The name of {@link #SUPERADMIN_ID}. */
    public static final String SUPERADMIN = "superadmin";

    @Id
    @SequenceGenerator(name = "tenant_seq", sequenceName = "tenant_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tenant_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Tenant() {
    }

    /** A new tenant named {@code name} (see {@link Names}), created at {@code createdAt} (UTC). */
    public Tenant(String name, LocalDateTime createdAt) {
        if (!Names.isValid(name)) {
            throw new IllegalArgumentException("a tenant name must match " + Names.PATTERN + ", not " + name);
        }
        this.name = name;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
