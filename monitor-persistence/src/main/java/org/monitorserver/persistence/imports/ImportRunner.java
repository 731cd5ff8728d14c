package org.monitorserver.persistence.imports;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.monitorserver.domain.imports.ImportJob;
import org.monitorserver.domain.imports.ImportJob.State;
import org.monitorserver.persistence.HashIdentifiedWriter.DuplicateKeyException;
import org.monitorserver.persistence.ingest.ImportIngest;
import org.monitorserver.persistence.ingest.ImportIngest.Outcome;

/**
 * Runs import jobs in the background on the server's managed executor. Every {@value #POLL_SECONDS} seconds, and
 * right after an upload ({@link #wake}), it renews the leases of the jobs this server runs and claims claimable
 * jobs (queued, or running with an expired lease) up to {@value #PARALLEL_JOBS} at a time. A lease lasts
 * {@link #LEASE} and is renewed every {@link #RENEW_EVERY}, so a job whose server stopped is claimable again
 * within {@link #LEASE} and is taken over by any server sharing the database: it starts again and skips the
 * sessions already stored. A run that finds its lease lost stops without writing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

    /** How long a claim holds without renewal: three renewals, so one slow database round trip loses nothing. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    /** How often a running job's lease is renewed. */
    public static final Duration RENEW_EVERY = Duration.ofSeconds(10);

    /** Seconds between two looks for work (and lease renewals). */
    static final long POLL_SECONDS = 5;

    /** Jobs one server runs at once: each holds a database connection and a transaction most of the time. */
    static final int PARALLEL_JOBS = 2;

    /**
     * Metrics per transaction (whole sessions, so a chunk may hold more): large enough that the per-transaction
     * figures (tallies, blocks, counts) cost little per row, small enough to keep lock times short.
     */
    static final int METRICS_PER_CHUNK = 2000;

    /** Attempts at a chunk that loses a race with a concurrent writer of one of its sessions. */
    private static final int ATTEMPTS = 3;

    /** This server instance, as lease owner: the node name and a per-start suffix (a restart is a new owner). */
    private final String owner = System.getProperty("jboss.node.name", "server") + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    /** The jobs this server runs, with when their lease was last renewed. */
    private final Map<Long, Run> running = new ConcurrentHashMap<>();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @EJB
    ImportJobs jobs;

    @EJB
    ImportIngest ingest;

    private ScheduledFuture<?> ticks;
    private volatile boolean stopping;

    /** One job running here. */
    private static final class Run {
        volatile long renewedAt = System.nanoTime();
        volatile boolean leaseLost;
    }

    /** Stops the run of a job whose lease another server holds now. */
    private static final class LeaseLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLostException() {
            super(null, null, false, false);
        }
    }

    @PostConstruct
    void start() {
        ticks = scheduler.scheduleWithFixedDelay(this::tick, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
        LOG.info(() -> "Import runner " + owner + " started: lease " + LEASE.toSeconds() + " s, up to "
                + PARALLEL_JOBS + " jobs at once");
    }

    @PreDestroy
    void stop() {
        // Running jobs are left to their lease: it expires and another server (or this one, restarted) takes over.
        stopping = true;
        ticks.cancel(false);
    }

    /** This server's lease owner name. */
    public String owner() {
        return owner;
    }

    /** Looks for work now instead of at the next tick: called after an upload. Returns at once. */
    public void wake() {
        try {
            executor.submit(this::tick);
        } catch (RejectedExecutionException e) {
            LOG.fine("Executor busy; the next tick picks the job up");
        }
    }

    private synchronized void tick() {
        if (stopping) {
            return;
        }
        try {
            renewLeases();
            int free = PARALLEL_JOBS - running.size();
            if (free > 0) {
                for (long id : jobs.claimable(free + running.size())) {
                    if (running.size() >= PARALLEL_JOBS) {
                        break;
                    }
                    if (!running.containsKey(id) && jobs.claim(id, owner, LEASE)) {
                        running.put(id, new Run());
                        executor.submit(() -> run(id));
                    }
                }
            }
        } catch (RuntimeException e) {
            // Logged, not thrown: a scheduled task that throws is never run again.
            LOG.log(Level.WARNING, "Import runner tick failed; retrying in " + POLL_SECONDS + " s", e);
        }
    }

    private void renewLeases() {
        long now = System.nanoTime();
        running.forEach((id, run) -> {
            if (now - run.renewedAt >= RENEW_EVERY.toNanos() && !run.leaseLost) {
                if (jobs.renew(id, owner, LEASE)) {
                    run.renewedAt = now;
                } else {
                    run.leaseLost = true;
                    LOG.warning(() -> "Import job " + id + " lost its lease (another server took it over)");
                }
            }
        });
    }

    /** Runs job {@code id}, claimed by this server: check the whole file, then store it chunk by chunk. */
    private void run(long id) {
        Run run = running.get(id);
        long[] rows = new long[3]; // read, stored, skipped
        Path file = null;
        try {
            ImportJob job = jobs.find(id).orElseThrow(() -> new IllegalStateException("job " + id + " is gone"));
            file = Files.createTempFile("monitor-import-" + id + "-", ".pymon");
            long copied;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                copied = jobs.copyUpload(id, out); // the copy on disk is what SQLite reads
            }
            if (copied != job.getSize()) {
                throw new IllegalStateException("the upload has " + copied + " of its " + job.getSize()
                        + " bytes");
            }
            long started = System.nanoTime();
            try (PymonFile pymon = PymonFile.open(file, job.getTenantId())) {
                rows[0] = pymon.rows();
                add(rows, ingest.storeContexts(job.getTenantId(), pymon.contexts()));
                report(id, run, rows);
                pymon.chunks(METRICS_PER_CHUNK, chunk -> {
                    add(rows, store(job.getTenantId(), job.getUserId(), chunk));
                    report(id, run, rows);
                });
                rows[2] += pymon.orphanMetrics();
            }
            end(id, State.DONE, rows, null);
            LOG.info(() -> "Import job " + id + " done in " + (System.nanoTime() - started) / 1_000_000 + " ms: "
                    + rows[0] + " rows read, " + rows[1] + " stored, " + rows[2] + " skipped");
        } catch (InvalidPymonFileException e) {
            LOG.fine(() -> "Import job " + id + " refused: " + e.getMessage());
            end(id, State.FAILED, rows, e.getMessage());
        } catch (LeaseLostException e) {
            LOG.info(() -> "Import job " + id + " stopped here: its lease was lost");
        } catch (Exception e) {
            if (stopping) {
                LOG.info(() -> "Import job " + id + " interrupted by shutdown; its lease will expire");
            } else {
                LOG.log(Level.WARNING, "Import job " + id + " failed", e);
                end(id, State.FAILED, rows, "import failed: " + rootMessage(e));
            }
        } finally {
            running.remove(id);
            delete(file);
        }
    }

    /** Stores a chunk, again after losing a race with a concurrent writer of one of its sessions. */
    private Outcome store(long tenant, Long user, PymonFile.Chunk chunk) {
        for (int attempt = 1;; attempt++) {
            try {
                return ingest.storeChunk(tenant, user, chunk);
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("a chunk kept losing races with concurrent writers", e);
                }
                LOG.fine("A session of the chunk was stored concurrently; storing the chunk again");
            }
        }
    }

    private void report(long id, Run run, long[] rows) {
        if (run.leaseLost || stopping || !jobs.progress(id, owner, rows[0], rows[1], rows[2])) {
            throw new LeaseLostException();
        }
    }

    private void end(long id, State state, long[] rows, String error) {
        try {
            if (!jobs.finish(id, owner, state, rows[0], rows[1], rows[2], error)) {
                LOG.info(() -> "Import job " + id + " was taken over before it could end here");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import job " + id + " could not be ended; its lease will expire", e);
        }
    }

    private static void add(long[] rows, Outcome outcome) {
        rows[1] += outcome.stored();
        rows[2] += outcome.skipped();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warning(() -> "Could not delete " + file + ": " + e.getMessage());
            }
        }
    }
}
