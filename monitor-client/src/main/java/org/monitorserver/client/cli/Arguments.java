package org.monitorserver.client.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: the command, its positional arguments, options with values ({@code --name value} or
 * {@code --name=value}, some repeatable) and flags. Unknown options are usage errors.
 */
final class Arguments {

    /** Options that take a value. */
    static final Set<String> VALUED = Set.of("server", "key", "file", "session", "context", "component", "pipeline",
            "build", "variant", "item", "pattern", "variant-pattern", "scm", "scope", "n", "tag", "keep", "drop",
            "poll-ms", "baseline-pipeline", "baseline-build", "baseline-scm", "baseline-session",
            "contender-pipeline", "contender-build", "contender-scm", "contender-session", "threshold", "verdict",
            "resource", "sort", "fail-on");
    /** Options without a value. */
    static final Set<String> FLAGS = Set.of("csv", "json", "markdown", "tail", "help", "match-all");

    private final String command;
    private final List<String> positional;
    private final Map<String, List<String>> options;
    private final Set<String> flags;

    private Arguments(String command, List<String> positional, Map<String, List<String>> options, Set<String> flags) {
        this.command = command;
        this.positional = positional;
        this.options = options;
        this.flags = flags;
    }

    /** Parses {@code args}; the first word that is no option is the command. */
    static Arguments parse(String... args) {
        String command = null;
        List<String> positional = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                flags.add("help");
            } else if (arg.startsWith("--") || arg.equals("-n")) {
                String name = arg.equals("-n") ? "n" : arg.substring(2);
                String value = null;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                if (FLAGS.contains(name) && value == null) {
                    flags.add(name);
                } else if (VALUED.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException("unknown option " + arg);
                }
            } else if (command == null) {
                command = arg;
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(command, positional, options, flags);
    }

    /** The command word, if any. */
    Optional<String> command() {
        return Optional.ofNullable(command);
    }

    /** The arguments after the command that are no options. */
    List<String> positional() {
        return positional;
    }

    /** The value of option {@code name}; a usage error when it was given twice. */
    Optional<String> option(String name) {
        List<String> values = options.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new UsageException("--" + name + " may be given once");
        }
        return values.stream().findFirst();
    }

    /** Every value of the repeatable option {@code name}, in order. */
    List<String> options(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** Whether option {@code name} was given. */
    boolean has(String name) {
        return options.containsKey(name);
    }

    /** Whether flag {@code name} was given. */
    boolean flag(String name) {
        return flags.contains(name);
    }

    /** A usage error unless every option given is one of {@code allowed} (source options always are). */
    void allowOnly(Set<String> allowed) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name) && !Set.of("server", "key", "file").contains(name)) {
                throw new UsageException("--" + name + " does not apply to " + command);
            }
        }
    }
}
