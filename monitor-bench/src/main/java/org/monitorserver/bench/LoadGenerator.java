package org.monitorserver.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed-loop load generator: C clients are C platform threads, each with its own blocking socket, each
 * sending its next request as soon as the previous answer is read. Threads walk the scenario's request list
 * round-robin, each from its own offset. At the deadline every thread finishes the request it has in flight and
 * stops, so every counted request has a complete answer. A client keeps its connection alive
 * ({@link Connections#KEEP_ALIVE}) or opens one per request and closes it after the answer
 * ({@link Connections#ONE_PER_REQUEST}, as Python's {@code requests.post} does); the latency of the latter
 * includes the connect.
 */
final class LoadGenerator {

    /** How a client uses its TCP connections. */
    enum Connections {
        KEEP_ALIVE, ONE_PER_REQUEST
    }

    /** Which answers count as right; any other is an error. */
    enum Expected {
        /** 200, 201 and 204: every answer a working route gives. */
        SUCCESS,
        /** 201 only: a POST that stores a row. */
        CREATED,
        /** 404 only: the unknown route of the stack's ceiling. */
        NOT_FOUND;

        boolean accepts(int status) {
            return switch (this) {
                case SUCCESS -> status == 200 || status == 201 || status == 204;
                case CREATED -> status == 201;
                case NOT_FOUND -> status == 404;
            };
        }
    }

    /**
     * The result of one run. {@code requests} is every attempt that ended (answers plus socket failures),
     * {@code errors} the answers the scenario does not expect plus the failures, {@code connectFailures} the
     * attempts whose connect failed (refused, timed out), {@code exchangeFailures} those whose connection failed
     * after the connect (reset, closed, timed out reading), and {@code requestsPerSecond} the answers per second of
     * the run.
     */
    record Outcome(long requests, long ok, long created, long errors, long connectFailures, long exchangeFailures,
            double requestsPerSecond, double p50Millis, double p99Millis, String firstError) {
    }

    private final String host;
    private final int port;

    LoadGenerator(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends {@code scenario}'s requests from its clients for {@code duration}, then waits for those in flight. */
    Outcome run(Scenario scenario, Duration duration) throws InterruptedException {
        List<Request> requests = scenario.requests();
        int connections = scenario.connections();
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no requests to send");
        }
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        var workers = new ArrayList<Worker>(connections);
        var threads = new ArrayList<Thread>(connections);
        for (int i = 0; i < connections; i++) {
            var worker = new Worker(scenario, (int) ((long) i * requests.size() / connections), deadline);
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
        long connectFailures = 0;
        long exchangeFailures = 0;
        String firstError = null;
        var latencies = new ArrayList<Latencies>(connections);
        for (Worker worker : workers) {
            answered += worker.answered;
            ok += worker.ok;
            created += worker.created;
            errors += worker.errors;
            connectFailures += worker.connectFailures;
            exchangeFailures += worker.exchangeFailures;
            if (firstError == null) {
                firstError = worker.firstError;
            }
            latencies.add(worker.latencies);
        }
        long[] sorted = Latencies.mergeSorted(latencies);
        double seconds = (end - start) / 1e9;
        return new Outcome(answered + connectFailures + exchangeFailures, ok, created, errors, connectFailures,
                exchangeFailures, answered / seconds, Latencies.percentile(sorted, 50) / 1000.0,
                Latencies.percentile(sorted, 99) / 1000.0, firstError);
    }

    /** One client's loop. Its fields are read by the caller after {@code join}, which publishes them. */
    private final class Worker implements Runnable {

        private final List<Request> requests;
        private final Expected expected;
        private final boolean connectionPerRequest;
        private final long deadline;
        private final Latencies latencies = new Latencies();
        private int next;
        private long answered;
        private long ok;
        private long created;
        private long errors;
        private long connectFailures;
        private long exchangeFailures;
        private String firstError;
        private long finishedAt;

        Worker(Scenario scenario, int offset, long deadline) {
            this.requests = scenario.requests();
            this.expected = scenario.expected();
            this.connectionPerRequest = scenario.connectionMode() == Connections.ONE_PER_REQUEST;
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
                    // A new connection's request is timed from its connect, as its client would wait for both.
                    long sent = System.nanoTime();
                    if (connection == null) {
                        try {
                            connection = HttpConnection.open(host, port);
                        } catch (IOException e) {
                            connectFailures++;
                            errors++;
                            note(request + " could not connect: " + e);
                            // Do not spin on a server that is gone.
                            pause();
                            continue;
                        }
                    }
                    try {
                        if (!connectionPerRequest) {
                            sent = System.nanoTime();
                        }
                        // The body is read and dropped: only the status counts here.
                        HttpResponse response = connection.exchange(request, false);
                        latencies.add((System.nanoTime() - sent) / 1000);
                        answered++;
                        if (expected.accepts(response.status())) {
                            ok++;
                        } else {
                            errors++;
                            note(request + " answered " + response.status());
                        }
                        if (response.status() == 201) {
                            created++;
                        }
                        if (connectionPerRequest || response.closeConnection()) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        exchangeFailures++;
                        errors++;
                        note(request + " failed: " + e);
                        connection.close();
                        connection = null;
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
