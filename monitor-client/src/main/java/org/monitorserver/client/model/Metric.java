package org.monitorserver.client.model;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.monitorserver.api.MetricJson;

/**
 * One test item's resource use. Metrics have no identity: two metrics are equal when every value is, which is
 * what {@link Metrics#unique()} and {@link Metrics#merge(Metrics)} remove.
 *
 * @param sessionH the session hash
 * @param contextH the context hash
 * @param startTime when the item started
 * @param itemPath Python path of the item
 * @param item test name
 * @param variant test name with parameters; empty for module rows
 * @param path file holding the test
 * @param kind scope as recorded ({@code function}, {@code module})
 * @param component the component; empty when the test has none
 * @param totalTime total time, seconds
 * @param userTime user time, seconds
 * @param kernelTime kernel time, seconds
 * @param cpuUsage CPU use
 * @param memUsage memory use, MB
 */
public record Metric(String sessionH, String contextH, LocalDateTime startTime, String itemPath, String item,
        String variant, String path, String kind, String component, double totalTime, double userTime,
        double kernelTime, double cpuUsage, double memUsage) {

    /** Checks the references and turns a missing component into the empty one, as the server stores it. */
    public Metric {
        Objects.requireNonNull(sessionH, "sessionH");
        Objects.requireNonNull(contextH, "contextH");
        component = component == null ? "" : component;
        variant = variant == null ? "" : variant;
    }

    /** The metric a server answered. */
    public static Metric of(MetricJson json) {
        return new Metric(json.sessionH(), json.contextH(), IsoDateTime.parse(json.itemStartTime()), json.itemPath(),
                json.item(), json.itemVariant(), json.itemFsLoc(), json.kind(), json.component(), json.totalTime(),
                json.userTime(), json.kernelTime(), json.cpuUsage(), json.memUsage());
    }

    /** This metric as the API's wire record (also a valid {@code POST /metrics} body). */
    public MetricJson toJson() {
        return new MetricJson(sessionH, contextH, IsoDateTime.format(startTime), itemPath, item, variant, path, kind,
                component, totalTime, userTime, kernelTime, cpuUsage, memUsage);
    }

    /** The scope of this metric; empty when its kind is none of the known ones. */
    public Optional<MetricScope> scope() {
        return MetricScope.ofKind(kind);
    }

    /** Whether this metric measured one test function. */
    public boolean isFunction() {
        return scope().orElse(null) == MetricScope.FUNCTION;
    }

    /** Whether this metric measured a whole module. */
    public boolean isModule() {
        return scope().orElse(null) == MetricScope.MODULE;
    }

    /** Whether this metric measured a package. */
    public boolean isPackage() {
        return scope().orElse(null) == MetricScope.PACKAGE;
    }
}
