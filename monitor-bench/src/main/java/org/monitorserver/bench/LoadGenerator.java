package org.monitorserver.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed-loop load generator: C connections are C platform threads, each with its own blocking socket, each
 * sending its next request as soon as the previous answer is read. Threads walk the scenario's request list
 * round-robin, each from its own offset. At the deadline every thread finishes the request it has in flight and
 * stops, so every counted request has a complete answer.
 */
final class LoadGenerator {

    /**
     * The result of one run. {@code requests} is every attempt that ended (answers plus socket failures),
     * {@code errors} the answers other than 200, 201 and 204 plus the failures, and {@code requestsPerSecond} the
     * answers per second of the run.
     */
    record Outcome(long requests, long ok, long created, long errors, double requestsPerSecond, double p50Millis,
            double p99Millis, String firstError) {
    }

    private final String host;
    private final int port;

    LoadGenerator(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Outcome run(List<Request> requests, int connections, Duration duration) throws InterruptedException {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no requests to send");
        }
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        var workers = new ArrayList<Worker>(connections);
        var threads = new ArrayList<Thread>(connections);
        for (int i = 0; i < connections; i++) {
            var worker = new Worker(requests, (int) ((long) i * requests.size() / connections), deadline);
            workers.add(worker);
            var thread = new Thread(worker, "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long end = workers.stream().mapToLong(w -> w.finishedAt).max().orElse(deadline);

        long answered = 0;
        long ok = 0;
        long created = 0;
        long errors = 0;
        String firstError = null;
        var latencies = new ArrayList<Latencies>(connections);
        for (Worker worker : workers) {
            answered += worker.answered;
            ok += worker.ok;
            created += worker.created;
            errors += worker.errors;
            if (firstError == null) {
                firstError = worker.firstError;
            }
            latencies.add(worker.latencies);
        }
        long[] sorted = Latencies.mergeSorted(latencies);
        double seconds = (end - start) / 1e9;
        return new Outcome(answered + workers.stream().mapToLong(w -> w.failures).sum(), ok, created, errors,
                answered / seconds, Latencies.percentile(sorted, 50) / 1000.0,
                Latencies.percentile(sorted, 99) / 1000.0, firstError);
    }

    /** One connection's loop. Its fields are read by the caller after {@code join}, which publishes them. */
    private final class Worker implements Runnable {

        private final List<Request> requests;
        private final long deadline;
        private final Latencies latencies = new Latencies();
        private int next;
        private long answered;
        private long ok;
        private long created;
        private long errors;
        private long failures;
        private String firstError;
        private long finishedAt;

        Worker(List<Request> requests, int offset, long deadline) {
            this.requests = requests;
            this.next = offset;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            HttpConnection connection = null;
            try {
                while (System.nanoTime() - deadline < 0) {
                    Request request = requests.get(next);
                    next = next + 1 == requests.size() ? 0 : next + 1;
                    try {
                        if (connection == null) {
                            connection = HttpConnection.open(host, port);
                        }
                        long sent = System.nanoTime();
                        // The body is read and dropped: only the status counts here.
                        HttpResponse response = connection.exchange(request, false);
                        latencies.add((System.nanoTime() - sent) / 1000);
                        answered++;
                        if (response.ok()) {
                            ok++;
                            if (response.status() == 201) {
                                created++;
                            }
                        } else {
                            errors++;
                            note(request + " answered " + response.status());
                        }
                        if (response.closeConnection()) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        failures++;
                        errors++;
                        note(request + " failed: " + e);
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        } else {
                            // Could not connect: do not spin on a server that is gone.
                            pause();
                        }
                    }
                }
            } finally {
                finishedAt = System.nanoTime();
                if (connection != null) {
                    connection.close();
                }
            }
        }

        private void note(String error) {
            if (firstError == null) {
                firstError = error;
            }
        }

        private void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
