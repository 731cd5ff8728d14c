package org.monitorserver.domain.metric;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.monitorserver.domain.FieldLimits;

/**
 * A component that at least one metric names: a maintained list, so that listing components reads this small
 * table instead of every metric. Rows are added by metric ingestion (insert-if-absent, race-free in the
 * database) and never removed. The empty component is not a component and never stored.
 */
@Entity
@Table(name = "component")
@IdClass(Component.Key.class)
@Cacheable(false)
@NamedQuery(name = Component.FIND_BY_NAME_PREFIX,
        query = "SELECT c.name FROM Component c WHERE c.tenantId = :tenant AND c.name LIKE :prefix ESCAPE '\\'"
                + " ORDER BY c.name",
        hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
@NamedQuery(name = Component.COUNT_BY_NAME_PREFIX,
        query = "SELECT COUNT(c) FROM Component c WHERE c.tenantId = :tenant AND c.name LIKE :prefix ESCAPE '\\'")
public class Component {

    public static final String FIND_BY_NAME_PREFIX = "Component.findByNamePrefix";
    public static final String COUNT_BY_NAME_PREFIX = "Component.countByNamePrefix";

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Id
    @Column(name = "name", length = FieldLimits.COMPONENT)
    private String name;

    protected Component() {
    }

    public long getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    /** The primary key: tenant and name. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long tenantId;
        private String name;

        public Key() {
        }

        public Key(long tenantId, String name) {
            this.tenantId = tenantId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && tenantId == other.tenantId && Objects.equals(name, other.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, name);
        }
    }
}
