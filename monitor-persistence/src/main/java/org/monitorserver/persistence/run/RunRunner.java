package org.monitorserver.persistence.run;

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
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.monitorserver.domain.run.Run;
import org.monitorserver.persistence.StorageUnavailableException;
import org.monitorserver.persistence.run.RunIngest.LeaseLostException;

/**
 * Runs the object-store jobs of finished runs in the background, on the server's managed executor, as
 * {@code ImportRunner} runs imports: every {@value #POLL_SECONDS} seconds, and right after a finish
 * ({@link #wake}), it renews its jobs' leases and claims queued jobs (or running ones whose lease expired) up to
 * {@value #PARALLEL_JOBS} at a time. A job fetches the run's chunks in order, stores their samples and
 * statistics in one transaction, and ends the run's processing {@code OK}; a chunk that is missing or malformed
 * ends it {@code FAILED} with the reason, and the client may finish the run again. A job whose server stopped is
 * taken over within {@link #LEASE} by any server sharing the database, and starts again.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RunRunner {

    private static final Logger LOG = Logger.getLogger(RunRunner.class.getName());

    /** How long a claim holds without renewal. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    /** How often a running job's lease is renewed. */
    static final Duration RENEW_EVERY = Duration.ofSeconds(10);

    /** Seconds between two looks for work. */
    static final long POLL_SECONDS = 5;

    /** Jobs one server runs at once: each holds a connection and a transaction while it stores. */
    static final int PARALLEL_JOBS = 2;

    private final String owner = System.getProperty("jboss.node.name", "server") + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    /** The jobs this server runs, with when their lease was last renewed (System.nanoTime). */
    private final Map<Long, Long> running = new ConcurrentHashMap<>();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @EJB
    RunIngest ingest;

    @EJB
    RunQueries queries;

    @EJB
    RunJobs jobs;

    @Inject
    ObjectStore store;

    private ScheduledFuture<?> ticks;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        ticks = scheduler.scheduleWithFixedDelay(this::tick, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        // Running jobs are left to their lease: it expires and another server (or this one, restarted) takes over.
        stopping = true;
        ticks.cancel(false);
    }

    /** Looks for work now instead of at the next tick: called after a finish is queued. Returns at once. */
    public void wake() {
        try {
            executor.submit(this::tick);
        } catch (RejectedExecutionException e) {
            LOG.fine("Executor busy; the next tick picks the run up");
        }
    }

    private synchronized void tick() {
        // Until the REST layer has configured the store, a job could not tell "no store" from "not yet known".
        if (stopping || !store.isConfigured()) {
            return;
        }
        try {
            renewLeases();
            if (running.size() < PARALLEL_JOBS) {
                for (long id : jobs.claimable(PARALLEL_JOBS + running.size())) {
                    if (running.size() >= PARALLEL_JOBS) {
                        break;
                    }
                    if (!running.containsKey(id) && jobs.claim(id, owner, LEASE)) {
                        running.put(id, System.nanoTime());
                        executor.submit(() -> run(id));
                    }
                }
            }
        } catch (RuntimeException e) {
            // Logged, not thrown: a scheduled task that throws is never run again.
            LOG.log(Level.WARNING, "Run job tick failed; retrying in " + POLL_SECONDS + " s", e);
        }
    }

    private void renewLeases() {
        long now = System.nanoTime();
        running.forEach((id, renewedAt) -> {
            if (now - renewedAt >= RENEW_EVERY.toNanos()) {
                if (jobs.renew(id, owner, LEASE)) {
                    running.replace(id, renewedAt, now);
                } else {
                    LOG.fine(() -> "Run job " + id + " is no longer this server's");
                }
            }
        });
    }

    private void run(long id) {
        long started = System.nanoTime();
        List<String> uris = List.of();
        try {
            Run run = queries.find(id).orElseThrow(() -> new IllegalStateException("run " + id + " is gone"));
            uris = uris(run.getDataUris());
            ingest.complete(id, owner, store.chunks(uris));
        } catch (RefusedRunDataException | ChunkUnavailableException e) {
            LOG.fine(() -> "Run job " + id + " failed: " + e.getMessage());
            end(id, uris.size(), started, e.getMessage());
        } catch (LeaseLostException e) {
            LOG.info(() -> "Run job " + id + " stopped here: its lease was lost");
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.info(() -> "Run job " + id + " interrupted by shutdown; its lease will expire");
            } else {
                LOG.log(Level.WARNING, "Run job " + id + " failed", e);
                end(id, uris.size(), started, e instanceof StorageUnavailableException ? e.getMessage()
                        : "processing failed: " + e);
            }
        } finally {
            running.remove(id);
        }
    }

    private void end(long id, int files, long started, String error) {
        try {
            if (!ingest.fail(id, owner, files, (System.nanoTime() - started) / 1_000_000, error)) {
                LOG.info(() -> "Run job " + id + " was taken over before it could end here");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Run job " + id + " could not be ended; its lease will expire", e);
        }
    }

    private static List<String> uris(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
