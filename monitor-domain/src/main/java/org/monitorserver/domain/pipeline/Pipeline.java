package org.monitorserver.domain.pipeline;

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

/** A pipeline some session ran in. Added with the first such session (insert-if-absent), never removed. */
@Entity
@Table(name = "pipeline")
@IdClass(Pipeline.Key.class)
@Cacheable(false)
@NamedQuery(name = Pipeline.FIND_BY_TENANT,
        query = "SELECT p.name FROM Pipeline p WHERE p.tenantId = :tenant ORDER BY p.name",
        hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
@NamedQuery(name = Pipeline.COUNT_BY_TENANT,
        query = "SELECT COUNT(p) FROM Pipeline p WHERE p.tenantId = :tenant")
@NamedQuery(name = Pipeline.FIND_BY_COMPONENT,
        query = "SELECT p.name FROM Pipeline p WHERE p.tenantId = :tenant AND EXISTS (" + Pipeline.HAS_COMPONENT
                + ") ORDER BY p.name",
        hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
@NamedQuery(name = Pipeline.COUNT_BY_COMPONENT,
        query = "SELECT COUNT(p) FROM Pipeline p WHERE p.tenantId = :tenant AND EXISTS (" + Pipeline.HAS_COMPONENT
                + ")")
public class Pipeline {

    public static final String FIND_BY_TENANT = "Pipeline.findByTenant";
    public static final String COUNT_BY_TENANT = "Pipeline.countByTenant";
    public static final String FIND_BY_COMPONENT = "Pipeline.findByComponent";
    public static final String COUNT_BY_COMPONENT = "Pipeline.countByComponent";

    /**
     * Whether pipeline {@code p} has a session with metrics of {@code :component}: probed per pipeline (they are
     * few), each probe stopping at its first match.
     */
    static final String HAS_COMPONENT = "SELECT s.id FROM Session s, Metric m WHERE s.tenantId = p.tenantId"
            + " AND s.pipeline = p.name AND m.tenantId = s.tenantId AND m.sessionHash = s.hash"
            + " AND m.item.component = :component";

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Id
    @Column(name = "name", length = FieldLimits.PIPELINE)
    private String name;

    protected Pipeline() {
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
