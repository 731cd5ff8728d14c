package org.monitorserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the resident set size of one process ({@code VmRSS} in {@code /proc/<pid>/status}) every 250 ms while a
 * scenario runs and keeps the largest value. Linux only: elsewhere, or without a process, the maximum is unknown (-1).
 */
final class RssSampler {

    private static final long PERIOD_MILLIS = 250;

    private final long pid;
    private final AtomicLong maxKilobytes = new AtomicLong(-1);
    private final ScheduledExecutorService timer;

    private RssSampler(long pid) {
        this.pid = pid;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "rss-sampler");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling {@code pid}; a negative pid samples nothing. */
    static RssSampler start(long pid) {
        return new RssSampler(pid);
    }

    /** Stops sampling (after one last sample) and answers the largest RSS seen, in MB, or -1. */
    long stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        long kilobytes = maxKilobytes.get();
        return kilobytes < 0 ? -1 : Math.round(kilobytes / 1024.0);
    }

    private void sample() {
        if (pid < 0) {
            return;
        }
        long kilobytes = residentKilobytes(pid);
        maxKilobytes.accumulateAndGet(kilobytes, Math::max);
    }

    /** The VmRSS of {@code pid} in kB, or -1 once the process is gone. */
    static long residentKilobytes(long pid) {
        try {
            return vmRss(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The value of the {@code VmRSS:  123456 kB} line, in kB, or -1 without one. */
    static long vmRss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String value = line.substring("VmRSS:".length()).trim();
                int space = value.indexOf(' ');
                return Long.parseLong(space < 0 ? value : value.substring(0, space));
            }
        }
        return -1;
    }
}
