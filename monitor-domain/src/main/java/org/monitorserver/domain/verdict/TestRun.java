package org.monitorserver.domain.verdict;

import java.time.LocalDateTime;
import org.monitorserver.domain.metric.Resource;

/**
 * One run of a test as comparisons and histories read it: the test, its item name, the session and build it ran
 * in, and its five resources. Built by the metric queries' constructor expressions.
 *
 * @param build the session's build, or null when the session named none
 */
public record TestRun(String component, String itemPath, String itemVariant, String item, String sessionHash,
        String build, LocalDateTime runDate, double memory, double cpu, double totalTime, double userTime,
        double kernelTime) {

    /** The JPQL select of this row from {@code Metric m} joined to {@code Session s}. */
    public static final String SELECT = "SELECT NEW org.monitorserver.domain.verdict.TestRun(m.item.component,"
            + " m.item.path, m.item.variant, m.item.name, m.sessionHash, s.build, s.runDate, m.usage.memUsage,"
            + " m.usage.cpuUsage, m.usage.totalTime, m.usage.userTime, m.usage.kernelTime)";

    public TestKey key() {
        return new TestKey(component, itemPath, itemVariant);
    }

    /** This run's use of {@code resource}. */
    public double value(Resource resource) {
        return switch (resource) {
            case MEMORY -> memory;
            case CPU -> cpu;
            case TOTAL_TIME -> totalTime;
            case USER_TIME -> userTime;
            case KERNEL_TIME -> kernelTime;
        };
    }
}
