package org.monitorserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's output: a header line with the options, one Markdown table row per scenario in the order of
 * {@link Scenarios#NAMES}, then the lines that say what was measured and where, and the notes.
 */
final class Report {

    private final String header;
    private final List<Result> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    boolean isEmpty() {
        return results.isEmpty();
    }

    void add(Result result) {
        results.add(result);
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown(String setting) {
        var out = new StringBuilder();
        out.append(header).append("\n\n");
        out.append("| scenario | connections | requests/s | p50 ms | p99 ms | errors | max RSS MB | server CPU µs/request |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        var ordered = new ArrayList<>(results);
        ordered.sort((a, b) -> Integer.compare(order(a), order(b)));
        for (Result r : ordered) {
            out.append("| ").append(label(r.scenario()))
                    .append(" | ").append(r.connections())
                    .append(" | ").append(rate(r.requestsPerSecond()))
                    .append(" | ").append(millis(r.p50Millis()))
                    .append(" | ").append(millis(r.p99Millis()))
                    .append(" | ").append(r.errors())
                    .append(" | ").append(r.maxRssMegabytes() < 0 ? "n/a" : String.valueOf(r.maxRssMegabytes()))
                    .append(" | ").append(Double.isNaN(r.serverCpuMicros()) ? "n/a"
                            : String.format(Locale.ROOT, "%,.0f", r.serverCpuMicros()))
                    .append(" |\n");
        }
        out.append('\n').append(setting).append('\n');
        for (String note : notes) {
            out.append('\n').append(note).append('\n');
        }
        return out.toString();
    }

    void write(Path file, String markdown) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown);
    }

    // The bulk row counts rows, not requests: say so where the number is.
    private static String label(String scenario) {
        return scenario.equals(Scenarios.BULK_INGEST) ? "bulk ingest (metrics/s)" : scenario;
    }

    // The comparisons' rows ("import vs bulk: ...", "auth on vs off: ...") go where the scenario is named.
    private static int order(Result result) {
        int index = Scenarios.NAMES.indexOf(result.scenario());
        for (String name : Scenarios.OWN_DATABASE) {
            if (index < 0 && result.scenario().startsWith(name + ":")) {
                index = Scenarios.NAMES.indexOf(name);
            }
        }
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /** A latency, or "n/a" for a row without latencies (NaN), such as the import's single job. */
    private static String millis(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
