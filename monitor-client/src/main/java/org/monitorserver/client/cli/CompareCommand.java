package org.monitorserver.client.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.monitorserver.api.ComparisonMethodJson;
import org.monitorserver.api.ComparisonRowJson;
import org.monitorserver.client.Comparison;
import org.monitorserver.client.ComparisonRequest;
import org.monitorserver.client.ComparisonRequest.ChangeOrder;
import org.monitorserver.client.Monitor;
import org.monitorserver.client.Ref;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Table;
import org.monitorserver.client.model.Verdict;

/**
 * {@code compare}: two refs compared test by test on a server, printed as an aligned table, as Markdown for a
 * merge request comment, or as CSV or JSON, and then, with {@code --fail-on}, a gate on the verdicts for CI.
 * Only a server compares, as the verdicts rest on the build history it keeps.
 */
final class CompareCommand {

    private static final Set<String> OPTIONS = Set.of("baseline-pipeline", "baseline-build", "baseline-scm",
            "baseline-session", "contender-pipeline", "contender-build", "contender-scm", "contender-session",
            "threshold", "component", "verdict", "resource", "sort", "fail-on");
    /** What a Markdown comment lists unless {@code --verdict} says otherwise: the rows worth a reviewer's look. */
    private static final Set<Verdict> NOTEWORTHY = EnumSet.of(Verdict.REGRESSED, Verdict.IMPROVED,
            Verdict.NOT_ENOUGH_HISTORY);
    /** The columns of the text and Markdown tables, readable. */
    private static final List<String> SHOWN = List.of("component", "item_path", "item_variant", "resource",
            "baseline", "contender", "change_percent", "verdict");
    /** The columns of CSV and JSON: every field of a row, in the API's names. */
    private static final List<String> WIRE = List.of("component", "item_path", "item_variant", "item", "resource",
            "baseline", "contender", "change_percent", "verdict", "threshold_percent", "baseline_runs",
            "contender_runs", "history_builds", "interval_lower", "interval_upper", "mann_whitney_p");
    /** Values in text and Markdown: enough digits to read, without the noise of a median's last bits. */
    private static final MathContext SHOWN_DIGITS = new MathContext(6);

    private final CommandLine cli;
    private final Arguments arguments;

    CompareCommand(CommandLine cli, Arguments arguments) {
        this.cli = cli;
        this.arguments = arguments;
    }

    ExitCode run() {
        if (arguments.has("file")) {
            throw new UsageException("compare needs --server: the verdicts rest on the build history a server keeps,"
                    + " which a .pymon file does not hold");
        }
        arguments.allowOnly(OPTIONS);
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("unexpected " + arguments.positional());
        }
        OutputFormat format = OutputFormat.of(arguments);
        ComparisonRequest request = request();
        Set<Verdict> failOn = failOn();
        Comparison comparison;
        try (Monitor monitor = Monitor.remote(CommandLine.serverUrl(arguments), cli.remoteOptions(arguments))) {
            comparison = monitor.compare(request);
        }
        switch (format) {
            case TEXT -> {
                cli.out().println(summary(comparison));
                format.print(shown(comparison.rows(), Verdict::wireName), cli.out());
            }
            case MARKDOWN -> markdown(request, comparison, format);
            default -> format.print(wire(comparison.rows()), cli.out());
        }
        List<ComparisonRowJson> failing = comparison.rowsWith(failOn);
        if (!failing.isEmpty()) {
            cli.err().println("verdict gate failed: " + failing.size()
                    + (failing.size() == 1 ? " row is " : " rows are ") + either(failOn));
            return ExitCode.VERDICT_GATE_FAILED;
        }
        return ExitCode.DONE;
    }

    private ComparisonRequest request() {
        ComparisonRequest request = ComparisonRequest.of(side("baseline"), side("contender"));
        if (arguments.has("threshold")) {
            String threshold = arguments.option("threshold").orElseThrow();
            try {
                request = request.withThreshold(Double.parseDouble(threshold));
            } catch (IllegalArgumentException e) {
                // NumberFormatException included: either way the value is not a threshold.
                throw new UsageException("--threshold is a number of percent from 0 to 1000, such as 10 or 2.5, "
                        + "not " + threshold);
            }
        }
        if (arguments.has("component")) {
            request = request.withComponent(arguments.option("component").orElseThrow());
        }
        if (arguments.has("verdict")) {
            request = request.withVerdict(Verdict.parse(arguments.option("verdict").orElseThrow()));
        }
        if (arguments.has("resource")) {
            request = request.withResource(ResourceType.parse(arguments.option("resource").orElseThrow()));
        }
        if (arguments.has("sort")) {
            request = request.withOrder(switch (arguments.option("sort").orElseThrow()) {
                case "change" -> ChangeOrder.FALL_FIRST;
                case "-change" -> ChangeOrder.RISE_FIRST;
                default -> throw new UsageException("--sort is change (largest fall first) or -change (largest rise "
                        + "first)");
            });
        }
        return request;
    }

    /** The ref that the options of {@code side} name, exactly one way. */
    private Ref side(String side) {
        String pipeline = arguments.option(side + "-pipeline").orElse(null);
        String build = arguments.option(side + "-build").orElse(null);
        String scm = arguments.option(side + "-scm").orElse(null);
        String session = arguments.option(side + "-session").orElse(null);
        if (Stream.of(pipeline, build, scm, session).anyMatch(name -> name != null && name.isBlank())) {
            throw new UsageException("the names of the " + side + " must not be empty");
        }
        String ways = "--" + side + "-pipeline P with --" + side + "-build B, --" + side + "-scm REF, or --" + side
                + "-session H";
        try {
            return new Ref(pipeline, build, scm, session);
        } catch (IllegalArgumentException e) {
            throw new UsageException("name the " + side + " one way: " + ways);
        }
    }

    private Set<Verdict> failOn() {
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        if (arguments.has("fail-on")) {
            for (String name : arguments.option("fail-on").orElseThrow().split(",", -1)) {
                try {
                    verdicts.add(Verdict.parse(name.strip()));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--fail-on takes verdicts separated by commas: " + e.getMessage());
                }
            }
        }
        return verdicts;
    }

    /**
     * A heading naming both refs, the summary line, and the table of the noteworthy rows (every row the server
     * answered when {@code --verdict} chose them).
     */
    private void markdown(ComparisonRequest request, Comparison comparison, OutputFormat format) {
        Set<Verdict> listed = request.verdict() != null ? EnumSet.of(request.verdict()) : NOTEWORTHY;
        List<ComparisonRowJson> rows = comparison.rowsWith(listed);
        cli.out().println("### Monitor Server: " + describe(request.contender()) + " vs "
                + describe(request.baseline()));
        cli.out().println();
        cli.out().println(summary(comparison));
        cli.out().println();
        if (rows.isEmpty()) {
            cli.out().println("No " + either(listed) + " rows.");
        } else {
            format.print(shown(rows, CompareCommand::marked), cli.out());
        }
    }

    /**
     * The summary line: rows per verdict (any the client does not know after the others), the threshold and the
     * history: {@code regressed 1, improved 2, unchanged 17, not_enough_history 0 (threshold 10%, history: 20
     * builds of main)}.
     */
    private static String summary(Comparison comparison) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict.wireName(), comparison.count(verdict));
        }
        comparison.summary().forEach(counts::putIfAbsent);
        List<String> parts = new ArrayList<>();
        counts.forEach((verdict, count) -> parts.add(verdict + " " + count));
        ComparisonMethodJson method = comparison.method();
        String history = method.historyPipeline() == null ? "none"
                : method.historyBuilds() + (method.historyBuilds() == 1 ? " build" : " builds") + " of "
                        + method.historyPipeline();
        return String.join(", ", parts) + " (threshold " + number(method.thresholdPercent()) + "%, history: "
                + history + ")";
    }

    private static Table shown(List<ComparisonRowJson> rows, Function<Verdict, String> verdictText) {
        List<List<Object>> cells = new ArrayList<>();
        for (ComparisonRowJson row : rows) {
            cells.add(List.<Object>of(text(row.component()), text(row.itemPath()), text(row.itemVariant()),
                    text(row.resource()), number(row.baseline()), number(row.contender()), change(row.changePercent()),
                    verdictCell(row.verdict(), verdictText)));
        }
        return new Table(SHOWN, cells);
    }

    private static Table wire(List<ComparisonRowJson> rows) {
        List<List<Object>> cells = new ArrayList<>();
        for (ComparisonRowJson row : rows) {
            // Arrays.asList, not List.of: nullable fields stay null cells.
            cells.add(Arrays.<Object>asList(row.component(), row.itemPath(), row.itemVariant(), row.item(),
                    row.resource(), row.baseline(), row.contender(), row.changePercent(), row.verdict(),
                    row.thresholdPercent(), row.baselineRuns(), row.contenderRuns(), row.historyBuilds(),
                    row.intervalLower(), row.intervalUpper(), row.mannWhitneyP()));
        }
        return new Table(WIRE, cells);
    }

    private static String verdictCell(String wireName, Function<Verdict, String> text) {
        try {
            return text.apply(Verdict.parse(wireName));
        } catch (IllegalArgumentException unknown) {
            // A verdict this client does not know yet is shown as the server wrote it.
            return text(wireName);
        }
    }

    /** A verdict in Markdown: a marker a reviewer sees at once, without emoji. */
    private static String marked(Verdict verdict) {
        return switch (verdict) {
            case REGRESSED -> "**regressed**";
            case IMPROVED -> "*improved*";
            default -> verdict.wireName();
        };
    }

    /** {@code regressed}, {@code regressed or improved}, {@code regressed, improved or unchanged}. */
    private static String either(Set<Verdict> verdicts) {
        List<String> names = verdicts.stream().map(Verdict::wireName).toList();
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " or "
                + names.get(names.size() - 1);
    }

    private static String describe(Ref ref) {
        if (ref.scm() != null) {
            return "scm " + ref.scm();
        }
        return ref.session() != null ? "session " + ref.session() : ref.pipeline() + " build " + ref.build();
    }

    /** A change in percent as {@code +12.3%} or {@code -4.0%}; {@code n/a} without one (a baseline of 0). */
    private static String change(Double percent) {
        return percent == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    /** A value with up to 6 significant digits, in plain notation: {@code 0.15}, {@code 212.6}, {@code 10}. */
    private static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).round(SHOWN_DIGITS).stripTrailingZeros()
                .toPlainString() : Double.toString(value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
