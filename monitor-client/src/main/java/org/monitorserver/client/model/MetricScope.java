package org.monitorserver.client.model;

import java.util.Arrays;
import java.util.Optional;

/** The level at which pytest-monitor measured a metric: its {@code kind}. */
public enum MetricScope {
    /** One test function. */
    FUNCTION("function"),
    /** A whole test module. */
    MODULE("module"),
    /** A test package (pytest-monitor does not write these yet). */
    PACKAGE("package");

    private final String kind;

    MetricScope(String kind) {
        this.kind = kind;
    }

    /** The {@code kind} as stored and sent: {@code function}, {@code module} or {@code package}. */
    public String kind() {
        return kind;
    }

    /** The scope whose kind is {@code kind}, exactly; empty for any other text. */
    public static Optional<MetricScope> ofKind(String kind) {
        return Arrays.stream(values()).filter(s -> s.kind.equals(kind)).findFirst();
    }
}
