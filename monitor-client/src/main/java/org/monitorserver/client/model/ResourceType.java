package org.monitorserver.client.model;

import java.util.function.ToDoubleFunction;

/** A resource that rankings order metrics by, with the route name and the metric value it reads. */
public enum ResourceType {
    /** Real elapsed time, seconds. */
    TOTAL_TIME("total_time", Metric::totalTime),
    /** Time in user mode, seconds. */
    USER_TIME("user_time", Metric::userTime),
    /** Time in kernel mode, seconds. */
    KERNEL_TIME("kernel_time", Metric::kernelTime),
    /** CPU use. */
    CPU("cpu", Metric::cpuUsage),
    /** Memory use, MB. */
    MEMORY("memory", Metric::memUsage);

    private final String resource;
    private final ToDoubleFunction<Metric> value;

    ResourceType(String resource, ToDoubleFunction<Metric> value) {
        this.resource = resource;
        this.value = value;
    }

    /** The {@code <r>} of {@code /resources/<r>/...}. */
    public String resource() {
        return resource;
    }

    /** The amount of this resource that {@code metric} used. */
    public double of(Metric metric) {
        return value.applyAsDouble(metric);
    }

    /** The resource whose route name or enum name is {@code name}, ignoring case. */
    public static ResourceType parse(String name) {
        for (ResourceType type : values()) {
            if (type.resource.equalsIgnoreCase(name) || type.name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown resource '" + name
                + "'; allowed: memory, cpu, kernel_time, user_time, total_time");
    }
}
