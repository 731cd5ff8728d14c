package org.monitorserver.persistence.run;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.monitorserver.domain.run.Run;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.StorageUnavailableException;
import org.monitorserver.persistence.figures.MaintainedFigures;

/**
 * The reads of the run API: one run, the listing, and a run's samples. The listing combines any of its filters,
 * so it is a Criteria query rather than one named query per filter (there would be sixty-four); each filter
 * column has an index led by the tenant and followed by the listing's order ({@code Run}'s indexes).
 */
@Stateless
public class RunQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    @Inject
    RunSamples samples;

    @Inject
    MaintainedFigures figures;

    /** The tenant's run {@code key}. */
    public Optional<Run> find(long tenant, String key) {
        return em.createNamedQuery(Run.FIND_BY_KEY_AND_TENANT, Run.class).setParameter("key", key)
                .setParameter("tenant", tenant).getResultStream().findFirst();
    }

    /** Run {@code id} of any tenant, for the runner. */
    public Optional<Run> find(long id) {
        return Optional.ofNullable(em.find(Run.class, id));
    }

    /** The tenant's runs that pass {@code filter}, newest first. */
    public Page<Run> list(long tenant, RunFilter filter, PageRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Run> rows = cb.createQuery(Run.class);
        Root<Run> run = rows.from(Run.class);
        rows.select(run).where(conditions(cb, run, tenant, filter))
                .orderBy(cb.desc(run.get("createdAt")), cb.desc(run.get("id")));
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Run> counted = count.from(Run.class);
        count.select(cb.count(counted)).where(conditions(cb, counted, tenant, filter));
        return PageQuery.fetch(em.createQuery(rows), em.createQuery(count), request);
    }

    /**
     * Streams the samples of {@code run} (found by {@link #find(long, String)}, so already the caller's tenant's) to
     * {@code sink}, in order.
     */
    public void samples(Run run, SampleSink sink) {
        try (Connection connection = figures.connection()) {
            samples.read(connection, run.getId(), sink);
        } catch (SQLException e) {
            throw new StorageUnavailableException("could not read the run's samples: " + e.getMessage(), e);
        } catch (IOException e) {
            // The client went away while the samples were written to it.
            throw new UncheckedIOException(e);
        }
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<Run> run, long tenant, RunFilter filter) {
        List<Predicate> all = new ArrayList<>();
        all.add(cb.equal(run.get("tenantId"), tenant));
        filter.project().ifPresent(v -> all.add(cb.equal(run.get("projectName"), v)));
        filter.job().ifPresent(v -> all.add(cb.equal(run.get("jobName"), v)));
        filter.stage().ifPresent(v -> all.add(cb.equal(run.get("stageName"), v)));
        filter.team().ifPresent(v -> all.add(cb.equal(run.get("team"), v)));
        filter.status().ifPresent(v -> all.add(cb.equal(run.get("status"), v)));
        filter.from().ifPresent(v -> all.add(cb.greaterThanOrEqualTo(run.get("createdAt"), v)));
        filter.to().ifPresent(v -> all.add(cb.lessThan(run.get("createdAt"), v)));
        return all.toArray(Predicate[]::new);
    }
}
