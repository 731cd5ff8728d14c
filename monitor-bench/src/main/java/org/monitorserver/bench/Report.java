package org.monitorserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark's output: a header line with the options, one Markdown table row per scenario in the order of
 * {@link Scenarios#NAMES}, the ratios between rows of the run, then the lines that say what was measured and where,
 * and the notes. A note made with {@link #fail} marks the report failed: the run then exits with status 1.
 */
final class Report {

    /** A ratio between the rates of two rows of one run. */
    record Ratio(String label, String numerator, String denominator) {
    }

    static final List<Ratio> RATIOS = List.of(
            new Ratio("single POST / stack ceiling (requests/s)", Scenarios.SINGLE_POST, Scenarios.CEILING),
            new Ratio("pytest-shaped POST / stack ceiling (requests/s)", Scenarios.PYTEST_SHAPED, Scenarios.CEILING),
            new Ratio("bulk ingest / COPY into the copy with every index (rows/s)", Scenarios.BULK_INGEST,
                    Scenarios.COPY_LIKE),
            new Ratio("bulk ingest / COPY into the copy with the primary key only (rows/s)", Scenarios.BULK_INGEST,
                    Scenarios.COPY_BARE));
    static final String FAILED = "FAILED: ";

    private final String header;
    private final List<Result> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean failed;

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

    /** A note that marks the run failed: a check of the run did not hold. */
    void fail(String note) {
        notes.add(FAILED + note);
        failed = true;
    }

    boolean failed() {
        return failed;
    }

    List<Result> results() {
        return List.copyOf(results);
    }

    String markdown(String setting) {
        var out = new StringBuilder();
        out.append(header).append("\n\n");
        out.append("| scenario | connections | requests/s | p50 ms | p99 ms | errors | max RSS MB | server CPU µs/request |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : ordered()) {
            out.append("| ").append(label(r.scenario()))
                    .append(" | ").append(r.connections())
                    .append(" | ").append(rate(r.requestsPerSecond()))
                    .append(" | ").append(millis(r.p50Millis()))
                    .append(" | ").append(millis(r.p99Millis()))
                    .append(" | ").append(r.errors())
                    .append(" | ").append(r.maxRssMegabytes() < 0 ? "n/a" : String.valueOf(r.maxRssMegabytes()))
                    .append(" | ").append(cpu(r.serverCpuMicros()))
                    .append(" |\n");
        }
        out.append('\n');
        out.append("Ratios within this run:\n\n");
        for (Ratio ratio : RATIOS) {
            out.append(ratioLine(ratio.label(), find(results, ratio.numerator()), find(results, ratio.denominator())))
                    .append('\n');
        }
        out.append('\n').append(setting).append('\n');
        for (String note : notes) {
            out.append('\n').append(note).append('\n');
        }
        return out.toString();
    }

    /** {@code "label: a / b = r"} from the rows' rates, or why there is no ratio. */
    static String ratioLine(String label, Optional<Result> numerator, Optional<Result> denominator) {
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return "- " + label + ": not measured in this run";
        }
        double a = numerator.get().requestsPerSecond();
        double b = denominator.get().requestsPerSecond();
        return String.format(Locale.ROOT, "- %s: %s / %s = %s", label, rate(a), rate(b), ratio(a, b));
    }

    /**
     * The old-vs-new table: per row that both runs have, in the current run's order, requests/s and server CPU per
     * request of each, and new / old of both.
     */
    static String oldVsNew(Report old, Report current) {
        var out = new StringBuilder("Old vs new: the two runs above, the baseline's as old (new/old above 1: more "
                + "requests/s, or more server CPU per request, in the new run)\n\n| scenario | requests/s old | requests/s new | new/old "
                + "| CPU µs/request old | CPU µs/request new | new/old |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Result now : current.ordered()) {
            Optional<Result> before = find(old.results, now.scenario());
            if (before.isEmpty()) {
                continue;
            }
            Result then = before.get();
            out.append("| ").append(label(now.scenario()))
                    .append(" | ").append(rate(then.requestsPerSecond()))
                    .append(" | ").append(rate(now.requestsPerSecond()))
                    .append(" | ").append(ratio(now.requestsPerSecond(), then.requestsPerSecond()))
                    .append(" | ").append(cpu(then.serverCpuMicros()))
                    .append(" | ").append(cpu(now.serverCpuMicros()))
                    .append(" | ").append(ratio(now.serverCpuMicros(), then.serverCpuMicros()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static Optional<Result> find(List<Result> results, String scenario) {
        return results.stream().filter(r -> r.scenario().equals(scenario)).findFirst();
    }

    /** {@code a / b} to two decimals, "n/a" when either is unknown or {@code b} is zero. */
    static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    void write(Path file, String markdown) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown);
    }

    /** The rows in the order of {@link Scenarios#NAMES}, a group's rows in the order they were added. */
    private List<Result> ordered() {
        var ordered = new ArrayList<>(results);
        ordered.sort((a, b) -> Integer.compare(order(a), order(b)));
        return ordered;
    }

    private static String cpu(double micros) {
        return Double.isNaN(micros) ? "n/a" : String.format(Locale.ROOT, "%,.0f", micros);
    }

    // The bulk row counts rows, not requests: say so where the number is.
    private static String label(String scenario) {
        return scenario.equals(Scenarios.BULK_INGEST) ? "bulk ingest (metrics/s)" : scenario;
    }

    // A group's rows ("import vs bulk: ...", "reads under 16 writers: ...") go where the group is named.
    private static int order(Result result) {
        int index = Scenarios.NAMES.indexOf(result.scenario());
        for (String name : Scenarios.GROUPS) {
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
