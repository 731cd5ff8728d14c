package org.monitorserver.persistence.verdict;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.monitorserver.domain.verdict.ComponentThreshold;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;

/** The per-component thresholds of a tenant's comparisons: listed, set and removed by an admin. */
@Stateless
public class ComponentThresholds {

    /** Component names per IN list: well inside every database's limit on bound parameters. */
    private static final int NAMES_PER_QUERY = 1000;

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    public Page<ComponentThreshold> list(long tenant, PageRequest request) {
        return PageQuery.fetch(em.createNamedQuery(ComponentThreshold.FIND_BY_TENANT, ComponentThreshold.class)
                        .setParameter("tenant", tenant),
                em.createNamedQuery(ComponentThreshold.COUNT_BY_TENANT, Long.class).setParameter("tenant", tenant),
                request);
    }

    public Optional<ComponentThreshold> find(long tenant, String component) {
        return Optional.ofNullable(em.find(ComponentThreshold.class, new ComponentThreshold.Key(tenant, component)));
    }

    /** Sets the component's threshold (0 to {@link ComponentThreshold#MAX_PERCENT}); true when it was new. */
    public boolean set(long tenant, String component, double percent) {
        ComponentThreshold found = em.find(ComponentThreshold.class, new ComponentThreshold.Key(tenant, component));
        if (found != null) {
            found.change(percent);
            return false;
        }
        em.persist(new ComponentThreshold(tenant, component, percent));
        return true;
    }

    /** Removes the component's threshold; false when it had none. */
    public boolean remove(long tenant, String component) {
        ComponentThreshold found = em.find(ComponentThreshold.class, new ComponentThreshold.Key(tenant, component));
        if (found == null) {
            return false;
        }
        em.remove(found);
        return true;
    }

    /** The thresholds set for any of {@code components}, by component. */
    public Map<String, Double> of(long tenant, Set<String> components) {
        var thresholds = new HashMap<String, Double>();
        for (List<String> chunk : ComparisonQueries.chunks(components, NAMES_PER_QUERY)) {
            em.createNamedQuery(ComponentThreshold.FIND_BY_COMPONENTS, ComponentThreshold.class)
                    .setParameter("tenant", tenant).setParameter("components", chunk).getResultList()
                    .forEach(t -> thresholds.put(t.getComponent(), t.getThresholdPercent()));
        }
        return thresholds;
    }
}
