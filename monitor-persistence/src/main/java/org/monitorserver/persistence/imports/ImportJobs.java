package org.monitorserver.persistence.imports;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.monitorserver.domain.imports.ImportJob;
import org.monitorserver.domain.imports.ImportJob.State;
import org.monitorserver.domain.imports.ImportUploadPart;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.UtcClock;

/**
 * Import jobs in the database: created from an upload, read, listed, and moved through their states by the
 * server that holds their lease. Every state change is one conditional UPDATE, so that of several servers sharing
 * the database exactly one claims a job, and a server whose lease was taken over can no longer write to it.
 * Times come from this server's clock, in UTC: servers sharing a database keep their clocks in sync (NTP), and
 * the lease is many seconds longer than any drift.
 */
@Stateless
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /**
     * A queued job holding a copy of {@code upload}, the file that user {@code user} (null with authentication
     * off) uploaded, created in one transaction with it. The file is stored in parts of
     * {@link ImportUploadPart#MAX_BYTES}, one in the heap at a time.
     */
    public ImportJob create(long tenant, Long user, Path upload) throws IOException {
        long size = Files.size(upload);
        var job = new ImportJob(tenant, user, size, UtcClock.now());
        em.persist(job);
        em.flush();
        try (InputStream in = Files.newInputStream(upload)) {
            int part = 0;
            for (byte[] bytes = in.readNBytes(ImportUploadPart.MAX_BYTES); bytes.length > 0;
                    bytes = in.readNBytes(ImportUploadPart.MAX_BYTES)) {
                em.persist(new ImportUploadPart(job.getId(), part++, bytes));
                em.flush();
                // Written: let the persistence context drop the part (and its copy for change tracking).
                em.clear();
            }
        }
        LOG.info(() -> "Import job " + job.getId() + " queued: " + size + " bytes for tenant " + tenant);
        return job;
    }

    /** Job {@code id} if it belongs to {@code tenant}. */
    public Optional<ImportJob> find(long tenant, long id) {
        return em.createNamedQuery(ImportJob.FIND_BY_ID_AND_TENANT, ImportJob.class).setParameter("id", id)
                .setParameter("tenant", tenant).getResultStream().findFirst();
    }

    /** Job {@code id} of any tenant, for the server that runs it. */
    public Optional<ImportJob> find(long id) {
        return Optional.ofNullable(em.find(ImportJob.class, id));
    }

    /** The tenant's jobs, newest first. */
    public Page<ImportJob> list(long tenant, PageRequest request) {
        return PageQuery.fetch(
                em.createNamedQuery(ImportJob.FIND_BY_TENANT, ImportJob.class).setParameter("tenant", tenant),
                em.createNamedQuery(ImportJob.COUNT_BY_TENANT, Long.class).setParameter("tenant", tenant), request);
    }

    /** How many of the tenant's jobs are in {@code state} (the task-queue figures). */
    public long count(long tenant, State state) {
        return em.createNamedQuery(ImportJob.COUNT_BY_STATE_AND_TENANT, Long.class).setParameter("tenant", tenant)
                .setParameter("state", state).getSingleResult();
    }

    /** Ids of up to {@code limit} jobs that a server may claim: queued, or running with an expired lease. */
    public List<Long> claimable(int limit) {
        return em.createNamedQuery(ImportJob.FIND_CLAIMABLE, Long.class).setParameter("queued", State.QUEUED)
                .setParameter("running", State.RUNNING).setParameter("now", UtcClock.now()).setMaxResults(limit)
                .getResultList();
    }

    /**
     * Claims job {@code id} for {@code owner} for {@code lease} if it is still claimable; of servers racing for
     * it, exactly one wins. A taken-over job starts again, with its counters at zero.
     *
     * @return whether {@code owner} now holds the job
     */
    public boolean claim(long id, String owner, Duration lease) {
        LocalDateTime now = UtcClock.now();
        boolean won = em.createNamedQuery(ImportJob.CLAIM).setParameter("running", State.RUNNING)
                .setParameter("queued", State.QUEUED).setParameter("owner", owner)
                .setParameter("expires", now.plus(lease)).setParameter("now", now).setParameter("id", id)
                .executeUpdate() == 1;
        if (won) {
            LOG.info(() -> "Import job " + id + " claimed by " + owner);
        }
        return won;
    }

    /** Extends {@code owner}'s lease on job {@code id}; false when the lease was lost (taken over). */
    public boolean renew(long id, String owner, Duration lease) {
        return em.createNamedQuery(ImportJob.RENEW).setParameter("expires", UtcClock.now().plus(lease))
                .setParameter("id", id).setParameter("running", State.RUNNING).setParameter("owner", owner)
                .executeUpdate() == 1;
    }

    /** Records the rows done so far; false when {@code owner} no longer holds the job. */
    public boolean progress(long id, String owner, long read, long stored, long skipped) {
        return em.createNamedQuery(ImportJob.PROGRESS).setParameter("read", read).setParameter("stored", stored)
                .setParameter("skipped", skipped).setParameter("id", id).setParameter("running", State.RUNNING)
                .setParameter("owner", owner).executeUpdate() == 1;
    }

    /**
     * Writes the uploaded file of job {@code id} to {@code out}, one part at a time; nothing once the job has
     * ended (its upload is deleted then).
     *
     * @return the bytes written
     */
    public long copyUpload(long id, OutputStream out) throws IOException {
        long written = 0;
        for (int part = 0;; part++) {
            ImportUploadPart stored = em.find(ImportUploadPart.class, new ImportUploadPart.Key(id, part));
            if (stored == null) {
                return written;
            }
            out.write(stored.getContent());
            written += stored.getContent().length;
            em.detach(stored);
        }
    }

    /**
     * Ends job {@code id} as {@code state} ({@code DONE} or {@code FAILED}, with {@code error}) and deletes its
     * upload, in one transaction, if {@code owner} still holds it.
     *
     * @return whether the job was ended by this call
     */
    public boolean finish(long id, String owner, State state, long read, long stored, long skipped, String error) {
        if (!state.isFinal()) {
            throw new IllegalArgumentException("a job ends done or failed, not " + state);
        }
        boolean ended = em.createNamedQuery(ImportJob.FINISH).setParameter("state", state).setParameter("read", read)
                .setParameter("stored", stored).setParameter("skipped", skipped)
                .setParameter("error", error == null ? null : ImportJob.errorText(error))
                .setParameter("now", UtcClock.now())
                .setParameter("id", id).setParameter("running", State.RUNNING).setParameter("owner", owner)
                .executeUpdate() == 1;
        if (ended) {
            em.createNamedQuery(ImportUploadPart.DELETE_BY_JOB).setParameter("job", id).executeUpdate();
        }
        return ended;
    }

}
