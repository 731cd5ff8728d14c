package org.monitorserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time (user + system, all threads) the server's JVM has used, read through
 * {@link ProcessHandle.Info#totalCpuDuration()} (on Linux {@code utime + stime} of {@code /proc/<pid>/stat}, in
 * clock ticks of 10 ms), right before and right after a measured interval: the difference divided by the requests
 * answered in it is the server's CPU per request. PostgreSQL's CPU is not in it. On a shared machine that figure
 * rises with what other processes run (caches and cores are shared), so the machine's busy time is read too
 * ({@code /proc/stat}): what neither the server nor the benchmark used is the others' load during the interval.
 */
final class ServerCpu {

    /** {@code /proc/stat} counts in USER_HZ, 100 per second on every Linux the benchmark runs on. */
    private static final long TICK_NANOS = 10_000_000L;

    private ServerCpu() {
    }

    /** The CPU time {@code pid} has used so far; empty without a process (a negative pid) or where it is unknown. */
    static Optional<Duration> used(long pid) {
        return pid < 0 ? Optional.empty() : ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration());
    }

    /** The CPU time every core of the machine has been busy so far (Linux), empty where it cannot be read. */
    static Optional<Duration> machineBusy() {
        try {
            return Optional.of(Duration.ofNanos(busyTicks(Files.readString(Path.of("/proc/stat"))) * TICK_NANOS));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The busy ticks of the {@code cpu} line of {@code /proc/stat}: user, nice, system, irq, softirq and steal
     * (guest time is already in user); idle and iowait are not busy.
     */
    static long busyTicks(String procStat) {
        String line = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cpu line"));
        String[] fields = line.trim().split("\\s+");
        long busy = 0;
        // fields[0] is "cpu"; then user nice system idle iowait irq softirq steal ...
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += i < fields.length ? Long.parseLong(fields[i]) : 0;
        }
        return busy;
    }

    /**
     * The cores other processes kept busy on average over {@code seconds}: the machine's busy time less the
     * server's and the benchmark's own; NaN when a reading is missing.
     */
    static double otherCores(Optional<Duration> machine, Optional<Duration> server, Optional<Duration> bench,
            double seconds) {
        if (machine.isEmpty() || server.isEmpty() || bench.isEmpty() || seconds <= 0) {
            return Double.NaN;
        }
        return Math.max(0, machine.get().minus(server.get()).minus(bench.get()).toNanos() / 1e9 / seconds);
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
