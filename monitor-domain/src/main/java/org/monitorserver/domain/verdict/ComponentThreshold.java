package org.monitorserver.domain.verdict;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.monitorserver.domain.FieldLimits;

/**
 * A tenant's threshold for one component's comparisons: a change of that component's tests smaller than this many
 * percent never counts, whatever its noise. Set by an admin; without one, the server's setting applies.
 */
@Entity
@Table(name = "component_threshold")
@IdClass(ComponentThreshold.Key.class)
@Cacheable(false)
@NamedQuery(name = ComponentThreshold.FIND_BY_TENANT,
        query = "SELECT t FROM ComponentThreshold t WHERE t.tenantId = :tenant ORDER BY t.component")
@NamedQuery(name = ComponentThreshold.COUNT_BY_TENANT,
        query = "SELECT COUNT(t) FROM ComponentThreshold t WHERE t.tenantId = :tenant")
@NamedQuery(name = ComponentThreshold.FIND_BY_COMPONENTS,
        query = "SELECT t FROM ComponentThreshold t WHERE t.tenantId = :tenant AND t.component IN :components"
                + " ORDER BY t.component")
public class ComponentThreshold {

    public static final String FIND_BY_TENANT = "ComponentThreshold.findByTenant";
    public static final String COUNT_BY_TENANT = "ComponentThreshold.countByTenant";
    public static final String FIND_BY_COMPONENTS = "ComponentThreshold.findByComponents";

    /** The largest threshold an admin may set, in percent: beyond it nothing would ever count. */
    public static final double MAX_PERCENT = 1000;

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Id
    @Column(name = "component", length = FieldLimits.COMPONENT)
    private String component;

    @Column(name = "threshold_percent", nullable = false)
    private double thresholdPercent;

    protected ComponentThreshold() {
    }

    public ComponentThreshold(long tenantId, String component, double thresholdPercent) {
        this.tenantId = tenantId;
        this.component = Objects.requireNonNull(component, "component");
        change(thresholdPercent);
    }

    /** Sets another threshold, from 0 to {@link #MAX_PERCENT}. */
    public void change(double percent) {
        if (!(percent >= 0 && percent <= MAX_PERCENT)) {
            throw new IllegalArgumentException("a threshold is from 0 to " + MAX_PERCENT + " percent, not " + percent);
        }
        thresholdPercent = percent;
    }

    public String getComponent() {
        return component;
    }

    public double getThresholdPercent() {
        return thresholdPercent;
    }

    /** The primary key: tenant and component. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long tenantId;
        private String component;

        public Key() {
        }

        public Key(long tenantId, String component) {
            this.tenantId = tenantId;
            this.component = component;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && tenantId == other.tenantId && Objects.equals(component, other.component);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, component);
        }
    }
}
