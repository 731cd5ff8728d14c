package org.monitorserver.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time (user + system, all threads) the server's JVM has used, read through
 * {@link ProcessHandle.Info#totalCpuDuration()} (on Linux {@code utime + stime} of {@code /proc/<pid>/stat}, in
 * clock ticks of 10 ms), right before and right after a measured interval: the difference divided by the requests
 * answered in it is the server's CPU per request. PostgreSQL's CPU is not in it.
 */
final class ServerCpu {

    private ServerCpu() {
    }

    /** The CPU time {@code pid} has used so far; empty without a process (a negative pid) or where it is unknown. */
    static Optional<Duration> used(long pid) {
        return pid < 0 ? Optional.empty() : ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration());
    }

    /**
     * The microseconds of CPU per request between two readings, or NaN when either reading is missing, no request
     * was answered, or the clock went backwards (another process took the pid).
     */
    static double microsPerRequest(Optional<Duration> before, Optional<Duration> after, long requests) {
        if (before.isEmpty() || after.isEmpty() || requests <= 0 || after.get().compareTo(before.get()) < 0) {
            return Double.NaN;
        }
        return after.get().minus(before.get()).toNanos() / 1000.0 / requests;
    }
}
