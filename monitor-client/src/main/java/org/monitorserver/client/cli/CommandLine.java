package org.monitorserver.client.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.monitorserver.client.AccessDeniedException;
import org.monitorserver.client.BadRequestException;
import org.monitorserver.client.Monitor;
import org.monitorserver.client.MonitorException;
import org.monitorserver.client.NotFoundException;
import org.monitorserver.client.ServerErrorException;
import org.monitorserver.client.TimedOutException;
import org.monitorserver.client.UnavailableException;
import org.monitorserver.client.model.Field;
import org.monitorserver.client.model.FieldSelection;
import org.monitorserver.client.model.MatchMethod;
import org.monitorserver.client.model.MetricScope;
import org.monitorserver.client.model.Metrics;
import org.monitorserver.client.model.ResourceMethod;
import org.monitorserver.client.model.ResourceType;
import org.monitorserver.client.model.Sessions;
import org.monitorserver.client.remote.ImportJobs;
import org.monitorserver.client.remote.RemoteOptions;
import org.monitorserver.client.remote.ServerConnection;

/**
 * The commands of the command line, run against a {@link Monitor} over {@code --server} or {@code --file}, and
 * every failure turned into its {@link ExitCode} with one line on the error stream.
 */
public final class CommandLine {

    static final String USAGE = """
            usage: java -jar monitor-client-cli.jar COMMAND [OPTIONS]

            Source (every command but import takes one; compare takes --server only):
              --server URL       a monitor server (http://host:8181 or http://host:8181/api/v1)
              --key KEY          API key sent as a bearer token (default: $MONITOR_API_KEY)
              --file PATH        a pytest-monitor .pymon file, read-only

            Commands:
              count WHAT         count sessions, contexts, metrics or components
              sessions           list sessions
              metrics            list metrics
              top RESOURCE       rank metrics by memory, cpu, kernel_time, user_time or total_time
              compare            compare two builds, SCM refs or sessions test by test, with verdicts
              import FILE        upload a .pymon file into --server and follow the job to its end

            Output: aligned table by default, --csv or --json (compare also --markdown).
            Exit codes: 0 done, 1 failure reported by the server or import failed, 2 usage error,
                        3 not found, 4 cannot connect, timed out or server unavailable,
                        5 access denied (no key, a wrong or revoked key: 401; not allowed: 403),
                        6 verdict gate failed (compare --fail-on).
            COMMAND --help shows the options of one command.
            """;

    private static final Map<String, String> HELP = Map.of(
            "count", """
                    usage: count sessions|contexts|components|metrics [--session H | --context H | --scm REF]
                      metrics may be restricted to one session, one context, or the sessions whose SCM
                      reference starts with REF.
                    """,
            "sessions", """
                    usage: sessions [--session H] [--scm REF] [--pipeline P --build B] [--tag NAME[=VALUE]]...
                                    [--match-all] [--keep F,..|--drop F,..] [--csv|--json]
                      --session H         the session whose hash is H
                      --scm REF           the sessions whose SCM reference is REF
                      --pipeline/--build  the sessions of one build
                      --tag NAME[=VALUE]  sessions with the tag (and value); any tag passes unless --match-all
                      --keep/--drop       fields of the export: h, scm, run_date, tags
                    """,
            "metrics", """
                    usage: metrics [ONE FILTER] [--keep F,..|--drop F,..] [--csv|--json]
                      --session H | --context H | --item I | --scm REF | --scope function|module|package
                      --component C [--variant V]   ('' for the metrics without a component)
                      --variant V                   one variant, any component
                      --pattern P | --variant-pattern P   items (variants) containing P
                      --pipeline P [--build B]      the metrics of a pipeline's (a build's) sessions
                      --keep/--drop       fields: session_h, context_h, item_start_time, item_path, item,
                                          item_variant, item_fs_loc, kind, component, total_time, user_time,
                                          kernel_time, cpu_usage, mem_usage
                    """,
            "top", """
                    usage: top RESOURCE [--tail] [-n N] [--component C | --pipeline P [--build B]] [--csv|--json]
                      RESOURCE is memory, cpu, kernel_time, user_time or total_time. The N (default 10,
                      at most 500) metrics that use the most, or with --tail the least.
                    """,
            "compare", """
                    usage: compare BASELINE CONTENDER [--threshold PCT] [--component C] [--verdict V]
                                   [--resource R] [--sort change|-change] [--fail-on V[,V..]]
                                   [--markdown|--csv|--json] --server URL [--key KEY]
                      BASELINE is --baseline-pipeline P --baseline-build B, --baseline-scm REF (exact; a
                      branch name with / is fine) or --baseline-session H; CONTENDER the same with
                      --contender-. Every test and resource of both: the values (median of the runs), the
                      change and a verdict, regressed, improved, unchanged or not_enough_history, which the
                      server decides from its build history (so --server only). Rows of every page, the
                      largest rise first; a summary line counts them per verdict.
                      --threshold PCT     the least change that counts, 0 to 1000 percent (default: the
                                          server's setting, or a component's own threshold)
                      --component C       one component only
                      --verdict V         the rows of one verdict only (the summary still counts all)
                      --resource R        memory, cpu, total_time, user_time or kernel_time only
                      --sort change       the largest fall first (default -change: the largest rise first)
                      --fail-on V[,V..]   after printing, exit 6 when a row left by the filters has one of
                                          these verdicts, e.g. regressed or regressed,not_enough_history
                      --markdown          a heading, the summary and a table for a merge request comment;
                                          it lists the regressed, improved and not_enough_history rows only
                                          (unchanged ones are counted in the summary) unless --verdict is given
                      --csv, --json       every field of every row, in the API's names, without the summary
                    """,
            "import", """
                    usage: import FILE --server URL [--key KEY]
                      Uploads FILE (a pytest-monitor .pymon database) to URL's /api/v1/imports and prints the
                      job's progress until it is done (exit 0) or failed (exit 1). A file over the server's
                      limit is refused with exit 1.
                    """);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    /** A command line printing to {@code out} and {@code err}, reading {@code MONITOR_API_KEY} from {@code env}. */
    public CommandLine(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.env = Objects.requireNonNull(env, "env");
    }

    /** Runs {@code args} and answers the exit status. */
    public int run(String... args) {
        try {
            Arguments arguments = Arguments.parse(args);
            String command = arguments.command().orElse(null);
            if (command == null || command.equals("help")) {
                (command == null && !arguments.flag("help") ? err : out).print(USAGE);
                return (command == null && !arguments.flag("help") ? ExitCode.USAGE : ExitCode.DONE).code();
            }
            if (!HELP.containsKey(command)) {
                throw new UsageException("unknown command " + command);
            }
            if (arguments.flag("help")) {
                out.print(HELP.get(command));
                return ExitCode.DONE.code();
            }
            return (switch (command) {
                case "import" -> new ImportCommand(this, arguments).run();
                case "compare" -> new CompareCommand(this, arguments).run();
                default -> query(command, arguments);
            }).code();
        } catch (UsageException | IllegalArgumentException e) {
            err.println("usage error: " + e.getMessage());
            err.println("run with --help for the options");
            return ExitCode.USAGE.code();
        } catch (NotFoundException e) {
            err.println("not found: " + e.getMessage());
            return ExitCode.NOT_FOUND.code();
        } catch (UnavailableException | TimedOutException e) {
            err.println("unavailable: " + e.getMessage());
            return ExitCode.UNAVAILABLE.code();
        } catch (AccessDeniedException e) {
            err.println("access denied (" + e.status() + "): " + e.getMessage()
                    + (e.status() == 401 ? "; pass a key with --key or MONITOR_API_KEY" : ""));
            return ExitCode.ACCESS_DENIED.code();
        } catch (BadRequestException e) {
            err.println("refused: " + e.getMessage() + (e.errors().isEmpty() ? "" : " " + e.errors()));
            return ExitCode.FAILED.code();
        } catch (MonitorException e) {
            err.println("failed: " + e.getMessage());
            return ExitCode.FAILED.code();
        }
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** The server's options: its key from {@code --key} or the environment. */
    RemoteOptions remoteOptions(Arguments arguments) {
        return RemoteOptions.defaults().withApiKey(arguments.option("key").orElse(env.get("MONITOR_API_KEY")));
    }

    /** The URL of {@code --server}, checked. */
    static URI serverUrl(Arguments arguments) {
        String server = arguments.option("server").orElseThrow(() -> new UsageException("--server URL is needed"));
        URI url = URI.create(server);
        if (url.getScheme() == null || url.getHost() == null) {
            throw new UsageException("--server needs a URL such as http://host:8181, not " + server);
        }
        return url;
    }

    private ExitCode query(String command, Arguments arguments) {
        OutputFormat format = OutputFormat.of(arguments);
        if (format == OutputFormat.MARKDOWN) {
            throw new UsageException("--markdown applies to compare only");
        }
        try (Monitor monitor = open(arguments)) {
            switch (command) {
                case "count" -> count(monitor, arguments, format);
                case "sessions" -> sessions(monitor, arguments, format);
                case "metrics" -> metrics(monitor, arguments, format);
                case "top" -> top(monitor, arguments, format);
                default -> throw new UsageException("unknown command " + command);
            }
        }
        return ExitCode.DONE;
    }

    private Monitor open(Arguments arguments) {
        if (arguments.has("server") == arguments.has("file")) {
            throw new UsageException("give one source: --server URL or --file PATH.pymon");
        }
        if (arguments.has("file")) {
            Path file = Path.of(arguments.option("file").orElseThrow());
            if (!Files.isRegularFile(file)) {
                throw new NotFoundException("no such file: " + file);
            }
            return Monitor.local(file);
        }
        return Monitor.remote(serverUrl(arguments), remoteOptions(arguments));
    }

    private void count(Monitor monitor, Arguments arguments, OutputFormat format) {
        arguments.allowOnly(Set.of("session", "context", "scm"));
        if (arguments.positional().size() != 1) {
            throw new UsageException("count needs one of: sessions, contexts, metrics, components");
        }
        String what = arguments.positional().get(0);
        boolean filtered = arguments.has("session") || arguments.has("context") || arguments.has("scm");
        if (filtered && !what.equals("metrics")) {
            throw new UsageException("--session, --context and --scm restrict count metrics only");
        }
        long count = switch (what) {
            case "sessions" -> monitor.countSessions();
            case "contexts" -> monitor.countContexts();
            case "components" -> monitor.countComponents();
            case "metrics" -> monitor.countMetrics(arguments.option("session").orElse(null),
                    arguments.option("context").orElse(null), arguments.option("scm").orElse(null));
            default -> throw new UsageException("count needs one of: sessions, contexts, metrics, components");
        };
        format.printCount(what, count, out);
    }

    private void sessions(Monitor monitor, Arguments arguments, OutputFormat format) {
        arguments.allowOnly(Set.of("session", "scm", "pipeline", "build", "tag", "keep", "drop"));
        noPositional(arguments);
        Sessions sessions;
        if (arguments.has("session")) {
            String h = arguments.option("session").orElseThrow();
            sessions = new Sessions(List.of(monitor.getSession(h)
                    .orElseThrow(() -> new NotFoundException("no session " + h))));
        } else if (arguments.has("pipeline") || arguments.has("build")) {
            sessions = monitor.listBuildSessions(required(arguments, "pipeline"), required(arguments, "build"));
        } else {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (String tag : arguments.options("tag")) {
                int equals = tag.indexOf('=');
                names.add(equals < 0 ? tag : tag.substring(0, equals));
                values.add(equals < 0 ? "" : tag.substring(equals + 1));
            }
            boolean anyValue = values.stream().anyMatch(v -> !v.isEmpty());
            sessions = monitor.listSessions(names, anyValue ? values : List.of(),
                    arguments.flag("match-all") ? MatchMethod.MATCH_ALL : MatchMethod.MATCH_ANY);
        }
        if (arguments.has("scm")) {
            sessions = sessions.withScm(arguments.option("scm").orElseThrow());
        }
        format.print(sessions.toTable(selection(arguments)), out);
    }

    private void metrics(Monitor monitor, Arguments arguments, OutputFormat format) {
        arguments.allowOnly(Set.of("session", "context", "component", "variant", "item", "pattern",
                "variant-pattern", "scm", "scope", "pipeline", "build", "keep", "drop"));
        noPositional(arguments);
        List<String> filters = List.of("session", "context", "item", "pattern", "variant-pattern", "scm", "scope",
                "component", "pipeline", "variant").stream().filter(arguments::has).toList();
        boolean pair = filters.equals(List.of("component", "variant"));
        if (filters.size() > 1 && !pair) {
            throw new UsageException("give one metric filter (or --component with --variant), not " + filters);
        }
        if (arguments.has("build") && !arguments.has("pipeline")) {
            throw new UsageException("--build needs --pipeline");
        }
        String filter = filters.isEmpty() ? "" : pair ? "variant" : filters.get(0);
        Metrics metrics = switch (filter) {
            case "session" -> monitor.listSessionMetrics(value(arguments, "session"));
            case "context" -> monitor.listContextMetrics(value(arguments, "context"));
            case "item" -> monitor.listItemMetrics(value(arguments, "item"));
            case "pattern" -> monitor.listMetricsFromPattern(value(arguments, "pattern"), null);
            case "variant-pattern" -> monitor.listMetricsFromPattern(null, value(arguments, "variant-pattern"));
            case "scm" -> monitor.listMetricsByScmId(value(arguments, "scm"));
            case "scope" -> monitor.listMetricsByType(scope(value(arguments, "scope")));
            case "component" -> monitor.listComponentMetrics(value(arguments, "component"));
            case "variant" -> monitor.listMetricsOfVariant(value(arguments, "variant"),
                    arguments.option("component").orElse(null));
            case "pipeline" -> pipelineMetrics(monitor, value(arguments, "pipeline"),
                    arguments.option("build").orElse(null));
            default -> monitor.listMetrics();
        };
        format.print(metrics.toTable(selection(arguments)), out);
    }

    private static Metrics pipelineMetrics(Monitor monitor, String pipeline, String build) {
        List<String> builds = build != null ? List.of(build) : monitor.listPipelineBuilds(pipeline);
        Sessions sessions = new Sessions();
        for (String each : builds) {
            monitor.listBuildSessions(pipeline, each).forEach(sessions::add);
        }
        return monitor.listMetricsFrom(sessions, null);
    }

    private void top(Monitor monitor, Arguments arguments, OutputFormat format) {
        arguments.allowOnly(Set.of("n", "component", "pipeline", "build", "keep", "drop"));
        if (arguments.positional().size() != 1) {
            throw new UsageException("top needs one RESOURCE: memory, cpu, kernel_time, user_time, total_time");
        }
        ResourceType resource = ResourceType.parse(arguments.positional().get(0));
        ResourceMethod method = arguments.flag("tail") ? ResourceMethod.LOWEST : ResourceMethod.TOP;
        int n;
        try {
            n = Integer.parseInt(arguments.option("n").orElse(Integer.toString(Monitor.DEFAULT_RANKING_SIZE)));
        } catch (NumberFormatException e) {
            throw new UsageException("-n needs a whole number");
        }
        if (arguments.has("component") && arguments.has("pipeline")) {
            throw new UsageException("rank by --component or by --pipeline, not both");
        }
        if (arguments.has("build") && !arguments.has("pipeline")) {
            throw new UsageException("--build needs --pipeline");
        }
        Metrics metrics;
        if (arguments.has("component")) {
            metrics = monitor.listMetricsResourcesFromComponent(value(arguments, "component"), resource, method, n);
        } else if (arguments.has("build")) {
            metrics = monitor.listMetricsResourcesFromBuild(value(arguments, "pipeline"), value(arguments, "build"),
                    resource, method, n);
        } else if (arguments.has("pipeline")) {
            metrics = monitor.listMetricsResourcesFromPipeline(value(arguments, "pipeline"), resource, method, n);
        } else {
            metrics = monitor.listMetricsResources(resource, method, n);
        }
        format.print(metrics.toTable(selection(arguments)), out);
    }

    private static FieldSelection selection(Arguments arguments) {
        if (arguments.has("keep") && arguments.has("drop")) {
            throw new UsageException("--keep and --drop exclude each other");
        }
        if (arguments.has("keep")) {
            return FieldSelection.keep(fields(value(arguments, "keep")));
        }
        return arguments.has("drop") ? FieldSelection.drop(fields(value(arguments, "drop"))) : FieldSelection.ALL;
    }

    private static Field[] fields(String list) {
        List<Field> fields = new ArrayList<>();
        for (String name : list.split(",")) {
            try {
                fields.add(Field.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown field " + name);
            }
        }
        return fields.toArray(Field[]::new);
    }

    private static MetricScope scope(String kind) {
        return MetricScope.ofKind(kind).orElseThrow(() -> new UsageException("--scope is function, module or "
                + "package, not " + kind));
    }

    private static String value(Arguments arguments, String name) {
        return arguments.option(name).orElseThrow();
    }

    private static String required(Arguments arguments, String name) {
        return arguments.option(name).orElseThrow(() -> new UsageException("--" + name + " is needed here"));
    }

    private static void noPositional(Arguments arguments) {
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("unexpected " + arguments.positional());
        }
    }

    /** A job's counters in one line: {@code state running: read 10, stored 8, skipped 2}. */
    static String progress(JsonObject job) {
        return "state " + job.getString("state", "?") + ": read " + number(job, "rows_read") + ", stored "
                + number(job, "rows_stored") + ", skipped " + number(job, "rows_skipped");
    }

    private static String number(JsonObject job, String name) {
        JsonValue value = job.get(name);
        return value instanceof JsonNumber n ? n.toString() : "0";
    }

    /** The upload of a file and the polling of its job, printing progress lines. */
    static final class ImportCommand {

        private final CommandLine cli;
        private final Arguments arguments;

        ImportCommand(CommandLine cli, Arguments arguments) {
            this.cli = cli;
            this.arguments = arguments;
        }

        ExitCode run() {
            arguments.allowOnly(Set.of("poll-ms"));
            if (arguments.has("file")) {
                throw new UsageException("import takes the file as its argument: import FILE --server URL");
            }
            if (arguments.positional().size() != 1) {
                throw new UsageException("import needs one FILE");
            }
            Path file = Path.of(arguments.positional().get(0));
            if (!Files.isRegularFile(file)) {
                throw new NotFoundException("no such file: " + file);
            }
            long pollMillis = Long.parseLong(arguments.option("poll-ms").orElse("500"));
            try (ServerConnection server = new ServerConnection(serverUrl(arguments), cli.remoteOptions(arguments))) {
                ImportJobs jobs = new ImportJobs(server);
                ImportJobs.Started started;
                try {
                    started = jobs.upload(file);
                } catch (ServerErrorException e) {
                    if (e.status() == 413) {
                        cli.err().println("refused: " + file + " is larger than the server accepts (" + e.getMessage()
                                + ")");
                        return ExitCode.FAILED;
                    }
                    throw e;
                }
                JsonObject job = started.job();
                cli.out().println("import " + job.get("id") + " of " + file + ": " + progress(job));
                String last = progress(job);
                while (!isOver(job)) {
                    sleep(pollMillis);
                    job = jobs.status(started.location());
                    String now = progress(job);
                    if (!now.equals(last)) {
                        cli.out().println(now);
                        last = now;
                    }
                }
                if (job.getString("state").equals("failed")) {
                    JsonValue error = job.get("error");
                    cli.err().println("import failed: " + (error instanceof jakarta.json.JsonString s ? s.getString()
                            : "no reason given"));
                    return ExitCode.FAILED;
                }
                return ExitCode.DONE;
            }
        }

        private static boolean isOver(JsonObject job) {
            String state = job.getString("state", "");
            return state.equals("done") || state.equals("failed");
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MonitorException("interrupted while following the import", e);
            }
        }
    }
}
