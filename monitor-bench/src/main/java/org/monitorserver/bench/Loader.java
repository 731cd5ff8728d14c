package org.monitorserver.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the data set through the server's own bulk routes, as NDJSON: contexts, then sessions in chunks of 5,000,
 * then metrics in chunks of 20,000 rows, two uploads at a time. Each chunk is rendered just before it is sent, so
 * memory holds two chunks, not the data set. Any rejected row or other status than 200 stops the run: the scenarios
 * would measure another data set.
 */
final class Loader {

    static final int SESSION_CHUNK = 5_000;
    static final int METRIC_CHUNK = 20_000;
    static final int PARALLEL_UPLOADS = 2;

    /**
     * The metric upload, measured: one latency per chunk. There is no count of failed chunks: the first one
     * stops the run.
     */
    record Ingest(long rows, double seconds, long[] chunkMicrosSorted) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private final Api api;
    private final DataSet data;

    Loader(Api api, DataSet data) {
        this.api = api;
        this.data = data;
    }

    void loadContexts() throws IOException, InterruptedException {
        var body = new StringBuilder();
        data.contexts().forEach(c -> body.append(data.contextJson(c)).append('\n'));
        post("/api/v1/contexts/bulk", body, data.contexts().size());
    }

    void loadSessions() throws IOException, InterruptedException {
        var sessions = data.sessions();
        for (int from = 0; from < sessions.size(); from += SESSION_CHUNK) {
            int to = Math.min(sessions.size(), from + SESSION_CHUNK);
            var body = new StringBuilder();
            sessions.subList(from, to).forEach(s -> body.append(data.sessionJson(s)).append('\n'));
            post("/api/v1/sessions/bulk", body, to - from);
        }
        System.err.printf("monitor-bench: loaded %d contexts and %d sessions%n", data.contexts().size(),
                sessions.size());
    }

    /** Uploads every metric and measures it; progress goes to stderr about every 10%. */
    Ingest loadMetrics() throws InterruptedException {
        int sessionsPerChunk = METRIC_CHUNK / DataSet.METRICS_PER_SESSION;
        int chunks = (data.sessions().size() + sessionsPerChunk - 1) / sessionsPerChunk;
        var nextChunk = new AtomicInteger();
        var rowsDone = new AtomicLong();
        var nextReport = new AtomicLong(data.metrics() / 10);
        var latencies = new ArrayList<Latencies>();
        ExecutorService uploads = Executors.newFixedThreadPool(PARALLEL_UPLOADS);
        long start = System.nanoTime();
        try {
            var futures = new ArrayList<Future<?>>();
            for (int u = 0; u < PARALLEL_UPLOADS; u++) {
                var mine = new Latencies();
                latencies.add(mine);
                futures.add(uploads.submit(() -> {
                    for (int chunk = nextChunk.getAndIncrement(); chunk < chunks; chunk = nextChunk.getAndIncrement()) {
                        int from = chunk * sessionsPerChunk;
                        int to = Math.min(data.sessions().size(), from + sessionsPerChunk);
                        var body = new StringBuilder((to - from) * DataSet.METRICS_PER_SESSION * 480);
                        for (int s = from; s < to; s++) {
                            data.appendMetrics(s, body);
                        }
                        int rows = (to - from) * DataSet.METRICS_PER_SESSION;
                        long sent = System.nanoTime();
                        post("/api/v1/metrics/bulk", body, rows);
                        mine.add((System.nanoTime() - sent) / 1000);
                        progress(rowsDone.addAndGet(rows), nextReport, start);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            // The other upload stops after its current chunk.
            nextChunk.set(chunks);
            Throwable cause = e.getCause();
            if (cause instanceof BenchmarkException failure) {
                throw failure;
            }
            throw new BenchmarkException("metric upload failed: " + cause);
        } finally {
            uploads.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Ingest(rowsDone.get(), seconds, Latencies.mergeSorted(latencies));
    }

    private void progress(long done, AtomicLong nextReport, long start) {
        long threshold = nextReport.get();
        if (done >= threshold && nextReport.compareAndSet(threshold, done + data.metrics() / 10)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf("monitor-bench: %,d of %,d metrics (%d%%) in %.0f s%n", done, data.metrics(),
                    done * 100 / data.metrics(), seconds);
        }
    }

    /** Posts NDJSON rows and insists on 200 with every row accepted. */
    private void post(String path, CharSequence ndjson, int rows) throws IOException, InterruptedException {
        api.bulk(path, ndjson.toString().getBytes(StandardCharsets.UTF_8), rows);
    }
}
