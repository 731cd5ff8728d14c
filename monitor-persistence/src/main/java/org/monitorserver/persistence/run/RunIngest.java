package org.monitorserver.persistence.run;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.monitorserver.domain.run.Run;
import org.monitorserver.domain.run.Run.DataSource;
import org.monitorserver.domain.run.RunMetadata;
import org.monitorserver.domain.usage.NodeSpan;
import org.monitorserver.persistence.ConflictException;
import org.monitorserver.persistence.StorageUnavailableException;
import org.monitorserver.persistence.UtcClock;
import org.monitorserver.persistence.figures.MaintainedFigures;
import org.monitorserver.persistence.ingest.IngestMeters;

/**
 * The writes of the run API: registration, credential refresh, finish (inline at once, or queued for the object
 * store), and the background job's outcome. A finish takes the run's row lock first, so of two finishes racing
 * one stores and the other finds the run finished (409). A finish stores the samples, the statistics, the
 * outcome and the run's node span in one transaction, or nothing.
 */
@Stateless
public class RunIngest {

    private static final Logger LOG = Logger.getLogger(RunIngest.class.getName());

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    @Inject
    IngestMeters meters;

    @Inject
    RunSamples samples;

    @Inject
    MaintainedFigures figures;

    @Inject
    ObjectStore store;

    /** The job lost its lease while it stored: another server took it over; nothing it wrote stays. */
    @ApplicationException(rollback = true)
    public static class LeaseLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LeaseLostException() {
            super(null, null, false, false);
        }
    }

    /** Registers a run for {@code tenant}, sent by {@code user} (null with authentication off), running now. */
    public Run register(long tenant, Long user, RunMetadata metadata) {
        String key = UUID.randomUUID().toString();
        var run = new Run(key, tenant, user, metadata, store.runPrefix(key), UtcClock.now());
        em.persist(run);
        em.flush();
        LOG.fine(() -> "Run " + key + " registered for tenant " + tenant);
        return run;
    }

    /**
     * Records a credentials refresh of the tenant's run {@code key}: empty if there is no such run.
     *
     * @throws ConflictException if the run is finished (its finish is queued, being processed, or done)
     */
    public Optional<Run> refresh(long tenant, String key) {
        return locked(tenant, key).map(run -> {
            if (!run.isOpen()) {
                throw new ConflictException("run " + key + " is finished: its upload credentials are not renewed");
            }
            run.beat(UtcClock.now());
            return run;
        });
    }

    /**
     * Finishes the tenant's run {@code key} with inline CSV: the samples, statistics and node span are stored, or
     * nothing is and the run stays open. Empty if there is no such run.
     *
     * @throws ConflictException if the run is finished
     * @throws RefusedRunDataException if the CSV is malformed
     */
    public Optional<Run> finishInline(long tenant, String key, RunFinish finish, SampleChunks csv) {
        return locked(tenant, key).map(run -> {
            long started = System.nanoTime();
            open(run).finish(finish.outcome(), finish.exitCode(), finishedAt(finish), DataSource.INLINE, null);
            StoredSamples stored = store(run, csv);
            meters.stored(IngestMeters.Path.RUN_SAMPLES, stored.rows());
            run.processed(stored.rows(), 0, (System.nanoTime() - started) / 1_000_000,
                    RunSamples.json(stored.header()), RunSamples.json(stored.statistics()));
            cover(run);
            LOG.fine(() -> "Run " + key + " finished inline: " + stored.rows() + " samples");
            return run;
        });
    }

    /**
     * Finishes the tenant's run {@code key} with object-store chunks: queued for a background job, or processed
     * at once when there are none. Empty if there is no such run.
     *
     * @throws ConflictException if the run is finished
     * @throws RefusedRunDataException if no store is configured, or a URI lies outside the run's prefix
     */
    public Optional<Run> finishFromStore(long tenant, String key, RunFinish finish) {
        List<String> uris = finish.uris();
        if (!uris.isEmpty() && !store.isPresent()) {
            throw new RefusedRunDataException("this server has no object store configured, so it cannot read "
                    + "data_uris: send the CSV inline (data_source inline, data_csv)");
        }
        return locked(tenant, key).map(run -> {
            for (int i = 0; i < uris.size(); i++) {
                String uri = uris.get(i);
                String prefix = run.getUploadPrefix() + "/";
                if (run.getUploadPrefix().isEmpty() || !uri.startsWith(prefix) || uri.length() == prefix.length()) {
                    throw new RefusedRunDataException("data_uris[" + i + "] " + uri + " is not an object under this "
                            + "run's upload prefix " + (run.getUploadPrefix().isEmpty() ? "(none: the run was "
                            + "registered without an object store)" : run.getUploadPrefix()));
                }
            }
            open(run).finish(finish.outcome(), finish.exitCode(), finishedAt(finish), DataSource.S3,
                    RunSamples.json(uris));
            if (uris.isEmpty()) {
                StoredSamples stored = store(run, SampleChunks.NONE);
                run.processed(0, 0, 0, RunSamples.json(stored.header()), RunSamples.json(stored.statistics()));
            } else {
                run.queue();
            }
            cover(run);
            return run;
        });
    }

    /**
     * Stores the chunks of run {@code id}'s queued finish, as the job that {@code owner} holds: the samples,
     * statistics and outcome, all or nothing. Called by the runner.
     *
     * @throws LeaseLostException if {@code owner} no longer holds the job
     * @throws RefusedRunDataException if a chunk is malformed
     * @throws ChunkUnavailableException if a chunk cannot be read
     */
    public void complete(long id, String owner, SampleChunks chunks) {
        // No lock while the chunks stream in: the runner renews the lease meanwhile, in its own transactions.
        Run run = em.find(Run.class, id);
        if (run == null || !run.isLeasedTo(owner)) {
            throw new LeaseLostException();
        }
        long started = System.nanoTime();
        StoredSamples stored = store(run, chunks);
        em.refresh(run, LockModeType.PESSIMISTIC_WRITE);
        if (!run.isLeasedTo(owner)) {
            throw new LeaseLostException();
        }
        meters.stored(IngestMeters.Path.RUN_SAMPLES, stored.rows());
        run.processed(stored.rows(), chunks.count(), (System.nanoTime() - started) / 1_000_000,
                RunSamples.json(stored.header()), RunSamples.json(stored.statistics()));
        LOG.info(() -> "Run " + run.getRunKey() + ": " + stored.rows() + " samples from " + chunks.count()
                + " chunks stored in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /**
     * Ends the job of run {@code id} as failed with {@code error}, if {@code owner} still holds it: the run may be
     * finished again.
     *
     * @return whether the job was ended by this call
     */
    public boolean fail(long id, String owner, int files, long millis, String error) {
        Run run = em.find(Run.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || !run.isLeasedTo(owner)) {
            return false;
        }
        run.failProcessing(files, millis, error);
        return true;
    }

    private Optional<Run> locked(long tenant, String key) {
        return em.createNamedQuery(Run.FIND_BY_KEY_AND_TENANT, Run.class).setParameter("key", key)
                .setParameter("tenant", tenant).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .findFirst();
    }

    private static Run open(Run run) {
        if (!run.isOpen()) {
            throw new ConflictException("run " + run.getRunKey() + " is already finished"
                    + (run.getProcessing() == Run.Processing.OK ? "" : " and its data is being processed"));
        }
        return run;
    }

    private static LocalDateTime finishedAt(RunFinish finish) {
        return finish.finishedAt() != null ? finish.finishedAt() : UtcClock.now();
    }

    private StoredSamples store(Run run, SampleChunks chunks) {
        try (Connection connection = figures.connection()) {
            return samples.store(connection, run.getId(), chunks);
        } catch (SQLException e) {
            throw StorageUnavailableException.refused(e);
        } catch (IOException e) {
            throw new ChunkUnavailableException("could not read the run's data: " + e.getMessage());
        }
    }

    /** The run's host busy from registration to finish, for node usage. */
    private void cover(Run run) {
        var key = new NodeSpan.Key(run.getTenantId(), NodeSpan.runKey(run.getRunKey()),
                NodeSpan.hostKey(run.getHostHostname(), run.getRunKey()));
        NodeSpan span = em.find(NodeSpan.class, key);
        if (span == null) {
            em.persist(new NodeSpan(run.getTenantId(), key.sessionHash(), key.contextHash(), run.getCreatedAt(),
                    run.getFinishedAt()));
        } else {
            span.cover(run.getCreatedAt(), run.getFinishedAt());
        }
    }
}
