package org.monitorserver.persistence.usage;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.SortedMap;
import java.util.TreeMap;
import org.monitorserver.domain.imports.ImportJob;
import org.monitorserver.domain.imports.ImportJob.State;
import org.monitorserver.domain.tenant.Tenant;

/**
 * Task queue figures (the {@code /metrics/queues} figures of issue 10): per tenant, the background jobs running
 * and queued, counted from the job rows. Import jobs are the only kind so far; each later kind adds a method
 * like {@link #importJobs} to {@link #ofTenant}.
 */
@Stateless
public class TaskQueueQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /**
     * The figures of every tenant, by tenant name in alphabetical order; a tenant without jobs has zeros. Two
     * index lookups per tenant and job kind: tenants are few.
     */
    public SortedMap<String, QueueFigures> byTenant() {
        var figures = new TreeMap<String, QueueFigures>();
        for (Tenant tenant : em.createNamedQuery(Tenant.FIND_ALL, Tenant.class).getResultList()) {
            figures.put(tenant.getName(), ofTenant(tenant.getId()));
        }
        return figures;
    }

    /** The figures of tenant {@code tenantId}, all job kinds added up. */
    public QueueFigures ofTenant(long tenantId) {
        return importJobs(tenantId);
    }

    private QueueFigures importJobs(long tenantId) {
        return new QueueFigures(countImports(tenantId, State.RUNNING), countImports(tenantId, State.QUEUED));
    }

    private long countImports(long tenantId, State state) {
        return em.createNamedQuery(ImportJob.COUNT_BY_STATE_AND_TENANT, Long.class)
                .setParameter("tenant", tenantId).setParameter("state", state).getSingleResult();
    }
}
