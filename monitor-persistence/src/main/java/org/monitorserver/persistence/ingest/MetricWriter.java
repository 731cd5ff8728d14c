package org.monitorserver.persistence.ingest;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.persistence.HashIdentifiedWriter;
import org.monitorserver.persistence.StorageUnavailableException;

/**
 * Group commit of single metrics. Concurrent POSTs each hand their metric to this writer and wait; writer threads
 * take every metric waiting (up to {@link #MAX_BATCH}) and store them in one transaction, then complete each
 * caller's future. A future completes only after the commit that holds its row, so an answer of 201 still means
 * "committed". One commit per batch instead of one per request is what lets ingest keep up with many parallel CI
 * jobs.
 *
 * <p>A batch that fails is written again row by row, each in its own transaction, so one row the database refuses
 * fails its own request only; a row that fails alone fails its request with {@link StorageUnavailableException},
 * and nothing of it is stored. Nothing is kept in memory past its request: several instances may share the
 * database.
 *
 * <p>This is the one write path outside the EJB services, on purpose: a single POST is the server's most frequent
 * request, and an EJB view, JPA and JSON-B cost several times what the row costs the database. The resource hands
 * a validated {@link Metric} straight to {@link #submit}; a writer thread stores each batch by JDBC in one JTA
 * transaction of its own ({@link MetricBatches}).
 */
@ApplicationScoped
public class MetricWriter {

    private static final Logger LOG = Logger.getLogger(MetricWriter.class.getName());

    /** The most rows one transaction takes: one JDBC batch (persistence.xml). */
    static final int MAX_BATCH = 500;

    /**
     * Writer threads. Two, so that one batch fills while the other commits; more only add contention for the
     * same index pages on a small machine.
     */
    private static final int WRITERS = 2;

    /** Requests waiting at most; past it, callers wait for room, then are told to come back (503). */
    static final int MAX_WAITING = 20_000;

    /**
     * How long a request waits for room in a full queue before it is answered 503: a burst larger than the queue
     * is absorbed as the writers catch up (thousands of rows per second) instead of failing at once, which would
     * end a pytest-monitor run's sending.
     */
    static final long ADMISSION_WAIT_MILLIS = 5_000;

    /** How long shutdown lets the writers finish what is queued before failing the rest. */
    private static final long DRAIN_SECONDS = 30;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    MetricBatches batches;

    @Inject
    IngestMeters meters;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(MAX_WAITING);

    /** Submitters hold the read lock, shutdown the write lock: after {@link #stop()} no new row is queued. */
    private final ReadWriteLock admission = new ReentrantReadWriteLock();

    private volatile boolean closed;

    private final List<Thread> writers = new ArrayList<>();

    private record Pending(Metric metric, CompletableFuture<Metric> done) {
    }

    @PostConstruct
    void start() {
        meters.gauge("monitor.writer.queue.depth", queue, BlockingQueue::size);
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = threadFactory.newThread(this::drain);
            writer.setName("monitor-metric-writer-" + i);
            writers.add(writer);
            writer.start();
        }
    }

    /**
     * Queues {@code metric} for the next group commit.
     *
     * @return completes with the stored metric once it is committed, or with a {@link StorageUnavailableException}
     *         if it was not stored
     */
    public CompletionStage<Metric> submit(Metric metric) {
        var pending = new Pending(metric, new CompletableFuture<>());
        admission.readLock().lock();
        try {
            if (closed) {
                pending.done.completeExceptionally(new StorageUnavailableException("the server is shutting down"));
            } else if (!queue.offer(pending) && !queue.offer(pending, ADMISSION_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                pending.done.completeExceptionally(new StorageUnavailableException(
                        "the server has " + MAX_WAITING + " metrics waiting to be written; retry shortly"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.done.completeExceptionally(new StorageUnavailableException("the server is shutting down"));
        } finally {
            admission.readLock().unlock();
        }
        return pending.done;
    }

    /** A writer thread: until shutdown and an empty queue, takes what is waiting and commits it as one batch. */
    private void drain() {
        var batch = new ArrayList<Pending>(MAX_BATCH);
        while (true) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                write(batch);
            } catch (Throwable unexpected) {
                // An Error (out of memory, a class gone with the undeploy): answer every caller still waiting
                // rather than leave it hanging, and keep the writer alive for the next batch.
                LOG.log(Level.SEVERE, "A batch of " + batch.size() + " metrics failed unexpectedly", unexpected);
                batch.forEach(p -> p.done.completeExceptionally(new StorageUnavailableException(
                        "the metric was not stored: " + unexpected, unexpected)));
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        try {
            record(batch.stream().map(Pending::metric).toList());
            batch.forEach(p -> p.done.complete(p.metric));
            return;
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                fail(batch.get(0), batchFailure);
                return;
            }
            LOG.log(Level.FINE, "A batch of " + batch.size() + " metrics failed; writing them one by one",
                    batchFailure);
        }
        for (Pending pending : batch) {
            try {
                record(List.of(pending.metric));
                pending.done.complete(pending.metric);
            } catch (RuntimeException rowFailure) {
                fail(pending, rowFailure);
            }
        }
    }

    /**
     * Stores {@code metrics} in one transaction, once more if it lost a race on a maintained figure's new row: the
     * other writer thread (or server) inserted the same new tally, span or list row first. H2's MERGE does not
     * serialize such inserts as PostgreSQL's ON CONFLICT does; the second attempt finds the row and adds to it.
     */
    private void record(List<Metric> metrics) {
        try {
            batches.store(metrics);
        } catch (RuntimeException e) {
            if (!HashIdentifiedWriter.isUniqueViolation(e)) {
                throw e;
            }
            LOG.log(Level.FINE, "A batch lost a race on a maintained figure; storing it again", e);
            batches.store(metrics);
        }
        meters.stored(IngestMeters.Path.SINGLE, metrics.size());
        meters.writerBatch(metrics.size());
    }

    private static void fail(Pending pending, RuntimeException cause) {
        LOG.log(Level.WARNING, "A metric was not stored: " + rootMessage(cause), cause);
        pending.done.completeExceptionally(new StorageUnavailableException(
                "the metric was not stored: the database refused the write (" + rootMessage(cause)
                        + "); nothing of it was kept, so it may be sent again", cause));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // The first line only: database messages go on with the failing statement's details.
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /**
     * Shutdown: no new row is taken, the writers commit everything already queued, and whatever they cannot
     * finish in time is failed, so no caller is left waiting and none is told "stored" for an unwritten row.
     */
    @PreDestroy
    void stop() {
        admission.writeLock().lock();
        try {
            closed = true;
        } finally {
            admission.writeLock().unlock();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        for (Thread writer : writers) {
            try {
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        writers.forEach(Thread::interrupt);
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new StorageUnavailableException(
                    "the server stopped before the metric was written; it was not stored"));
        }
    }
}
