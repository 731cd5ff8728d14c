package org.monitorserver.domain.tenant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** An organization whose data is kept apart from the others'. Rows are created by migrations for now. */
@Entity
@Table(name = "tenant")
@Cacheable
@NamedQuery(name = Tenant.COUNT_BY_ID, query = "SELECT COUNT(t) FROM Tenant t WHERE t.id = :id")
public class Tenant {

    public static final String COUNT_BY_ID = "Tenant.countById";

    /** The tenant that owns everything until API keys select another; created by the first migration. */
    public static final long DEFAULT_ID = 1L;

    @Id
    private Long id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    protected Tenant() {
    }

    public Tenant(long id, String name) {
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
