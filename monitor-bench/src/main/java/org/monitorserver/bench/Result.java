package org.monitorserver.bench;

/** One row of the report. {@code maxRssMegabytes} is negative when the server's memory could not be read. */
record Result(String scenario, int connections, double requestsPerSecond, double p50Millis, double p99Millis,
        long errors, long maxRssMegabytes) {
}
