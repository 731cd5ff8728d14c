package org.monitorserver.persistence.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.metric.ResourceUsage;
import org.monitorserver.domain.metric.TestItem;
import org.monitorserver.persistence.StorageUnavailableException;

/** {@link MetricWriter} without a server: a fake {@link MetricBatches} stands for the database. */
class MetricWriterTest {

    /** Records each batch; refuses any batch holding an item named "refused"; can be held shut. */
    private static final class FakeIngest extends MetricBatches {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger races = new AtomicInteger();

        @Override
        public void store(List<Metric> metrics) {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            List<String> items = metrics.stream().map(m -> m.getItem().getName()).toList();
            if (items.contains("refused")) {
                throw new IllegalStateException("ERROR: row refused\n  Detail: the statement");
            }
            if (items.contains("raced") && races.getAndIncrement() == 0) {
                // What H2 answers when another writer inserted the same new tally row first.
                throw new IllegalStateException(new SQLException("Unique index or primary key violation", "23505"));
            }
            batches.add(items);
        }
    }

    private final FakeIngest ingest = new FakeIngest();
    private final MetricWriter writer = new MetricWriter();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    MetricWriterTest() {
        writer.batches = ingest;
        writer.meters = new IngestMeters(registry);
        writer.threadFactory = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return new Thread(task);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
        writer.start();
    }

    @AfterEach
    void stop() {
        ingest.open.countDown();
        writer.stop();
    }

    @Test
    void aBatchThatLostARaceOnAMaintainedFigureIsStoredAgain() throws Exception {
        ingest.open.countDown();
        Metric stored = writer.submit(metric("raced")).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals("raced", stored.getItem().getName());
        assertEquals(2, ingest.races.get(), "the first attempt lost, the second stored it");
        assertEquals(List.of(List.of("raced")), ingest.batches);
    }

    @Test
    void completesEachRequestAfterTheBatchHoldingItIsWritten() throws Exception {
        var answers = new ArrayList<CompletableFuture<Metric>>();
        for (int i = 0; i < 50; i++) {
            answers.add(writer.submit(metric("test_" + i)).toCompletableFuture());
        }
        TimeUnit.MILLISECONDS.sleep(100);
        assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "answered before any write");

        ingest.open.countDown();

        for (int i = 0; i < 50; i++) {
            assertEquals("test_" + i, answers.get(i).get(5, TimeUnit.SECONDS).getItem().getName());
        }
        assertEquals(50, ingest.batches.stream().mapToInt(List::size).sum());
        assertTrue(ingest.batches.size() < 50, "requests waiting together share a batch: " + ingest.batches);
    }

    @Test
    void aRefusedRowFailsOnlyItsOwnRequest() throws Exception {
        var first = writer.submit(metric("a")).toCompletableFuture();
        var refused = writer.submit(metric("refused")).toCompletableFuture();
        var last = writer.submit(metric("b")).toCompletableFuture();

        ingest.open.countDown();

        assertEquals("a", first.get(5, TimeUnit.SECONDS).getItem().getName());
        assertEquals("b", last.get(5, TimeUnit.SECONDS).getItem().getName());
        assertEquals(2.0, registry.counter("monitor.ingest.rows", "path", "single").count(),
                "the meters count the stored rows, not the refused one");
        var failure = assertInstanceOf(StorageUnavailableException.class, cause(refused));
        assertEquals("the metric was not stored: the database refused the write (ERROR: row refused); nothing of "
                + "it was kept, so it may be sent again", failure.getMessage());
        assertTrue(ingest.batches.stream().noneMatch(b -> b.contains("refused")));
    }

    @Test
    void aBurstLargerThanTheQueueWaitsForRoomInsteadOfFailing() throws Exception {
        // The writers hold at most two batches while the database is shut; past those and the queue, submit waits.
        int burst = MetricWriter.MAX_WAITING + 2 * MetricWriter.MAX_BATCH + 50;
        var answers = new ArrayList<CompletableFuture<Metric>>(burst);
        var submitting = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < burst; i++) {
                answers.add(writer.submit(metric("burst_" + i)).toCompletableFuture());
            }
        });
        TimeUnit.MILLISECONDS.sleep(1_000);
        assertFalse(submitting.isDone(), "the last submits wait for room");
        ingest.open.countDown();
        submitting.get(MetricWriter.ADMISSION_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        for (var answer : answers) {
            assertEquals(false, answer.get(10, TimeUnit.SECONDS) == null);
        }
        assertEquals(burst, ingest.batches.stream().mapToInt(List::size).sum(), "every row of the burst stored");
    }

    @Test
    void shutdownWritesWhatIsQueuedAndTurnsAwayWhatComesAfter() throws Exception {
        var queued = new ArrayList<CompletableFuture<Metric>>();
        for (int i = 0; i < 20; i++) {
            queued.add(writer.submit(metric("test_" + i)).toCompletableFuture());
        }
        var stopping = CompletableFuture.runAsync(writer::stop);
        TimeUnit.MILLISECONDS.sleep(100);

        var late = writer.submit(metric("late")).toCompletableFuture();
        assertInstanceOf(StorageUnavailableException.class, cause(late));
        ingest.open.countDown();
        stopping.get(5, TimeUnit.SECONDS);

        for (var answer : queued) {
            assertTrue(answer.isDone() && !answer.isCompletedExceptionally());
        }
        assertEquals(20, ingest.batches.stream().mapToInt(List::size).sum());
    }

    private static Throwable cause(CompletableFuture<Metric> answer) throws InterruptedException {
        try {
            answer.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("no answer", e);
        }
        throw new AssertionError("stored, though it should have failed");
    }

    private static Metric metric(String item) {
        return new Metric(1, "3a5b9c0e", "9f2c7d1e", LocalDateTime.of(2026, 11, 21, 10, 15),
                new TestItem("tests.test_x", item, item, "tests/test_x.py", "function", ""),
                new ResourceUsage(1.25, 0.75, 0.125, 0.7, 32.5));
    }

    @Test
    void aRowWrittenAloneKeepsItsIdentity() throws Exception {
        Metric metric = metric("alone");
        ingest.open.countDown();
        assertSame(metric, writer.submit(metric).toCompletableFuture().get(5, TimeUnit.SECONDS));
    }
}
