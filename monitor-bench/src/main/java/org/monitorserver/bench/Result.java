package org.monitorserver.bench;

/**
 * One row of the report. {@code maxRssMegabytes} is negative when the server's memory could not be read;
 * {@code serverCpuMicros} (the server JVM's CPU time per request) is NaN when it was not measured.
 */
record Result(String scenario, int connections, double requestsPerSecond, double p50Millis, double p99Millis,
        long errors, long maxRssMegabytes, double serverCpuMicros) {

    /** The same row under another name. */
    Result named(String name) {
        return new Result(name, connections, requestsPerSecond, p50Millis, p99Millis, errors, maxRssMegabytes,
                serverCpuMicros);
    }
}
