package org.monitorserver.persistence.usage;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.monitorserver.domain.imports.ImportJob;
import org.monitorserver.domain.imports.ImportJob.State;
import org.monitorserver.domain.run.Run;
import org.monitorserver.domain.tenant.Tenant;

/**
 * Task queue figures (the {@code /metrics/queues} figures of issue 10): per tenant, the background jobs running
 * and queued, counted from the job rows: import jobs and the object-store jobs of finished runs. Each kind of job
 * has a method like {@link #importJobs}, added up in {@link #ofTenant}.
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

    /** Every tenant's jobs added up, by kind ({@code import}, {@code run}), for the operators' metrics. */
    public Map<String, QueueFigures> byKind() {
        QueueFigures imports = QueueFigures.NONE;
        QueueFigures runs = QueueFigures.NONE;
        for (Tenant tenant : em.createNamedQuery(Tenant.FIND_ALL, Tenant.class).getResultList()) {
            imports = imports.plus(importJobs(tenant.getId()));
            runs = runs.plus(runJobs(tenant.getId()));
        }
        return Map.of("import", imports, "run", runs);
    }

    /** The figures of tenant {@code tenantId}, all job kinds added up. */
    public QueueFigures ofTenant(long tenantId) {
        return importJobs(tenantId).plus(runJobs(tenantId));
    }

    private QueueFigures runJobs(long tenantId) {
        return new QueueFigures(countRuns(tenantId, Run.Processing.RUNNING), countRuns(tenantId, Run.Processing.QUEUED));
    }

    private long countRuns(long tenantId, Run.Processing processing) {
        return em.createNamedQuery(Run.COUNT_BY_PROCESSING_AND_TENANT, Long.class).setParameter("tenant", tenantId)
                .setParameter("processing", processing).getSingleResult();
    }

    private QueueFigures importJobs(long tenantId) {
        return new QueueFigures(countImports(tenantId, State.RUNNING), countImports(tenantId, State.QUEUED));
    }

    private long countImports(long tenantId, State state) {
        return em.createNamedQuery(ImportJob.COUNT_BY_STATE_AND_TENANT, Long.class)
                .setParameter("tenant", tenantId).setParameter("state", state).getSingleResult();
    }
}
