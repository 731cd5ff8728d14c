package org.monitorserver.domain.metric;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** A resource metrics are ranked by: its name in the API and its value in a {@link ResourceUsage}. */
public enum Resource {
    MEMORY("memory", "memUsage", ResourceUsage::getMemUsage),
    CPU("cpu", "cpuUsage", ResourceUsage::getCpuUsage),
    KERNEL_TIME("kernel_time", "kernelTime", ResourceUsage::getKernelTime),
    USER_TIME("user_time", "userTime", ResourceUsage::getUserTime),
    TOTAL_TIME("total_time", "totalTime", ResourceUsage::getTotalTime);

    private final String apiName;
    private final String attribute;
    private final ToDoubleFunction<ResourceUsage> value;

    Resource(String apiName, String attribute, ToDoubleFunction<ResourceUsage> value) {
        this.apiName = apiName;
        this.attribute = attribute;
        this.value = value;
    }

    /** The resource an API path names, such as {@code memory} or {@code kernel_time}. */
    public static Optional<Resource> fromApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(name)).findFirst();
    }

    /** The API names, for error messages: {@code memory, cpu, ...}. */
    public static String apiNames() {
        return Arrays.stream(values()).map(r -> r.apiName).collect(Collectors.joining(", "));
    }

    /** Its name in the API, such as {@code kernel_time}. */
    public String apiName() {
        return apiName;
    }

    /** The attribute of {@link ResourceUsage} that holds it, for a JPQL ordering. */
    public String attribute() {
        return attribute;
    }

    /** How much of this resource {@code usage} used. */
    public double of(ResourceUsage usage) {
        return value.applyAsDouble(usage);
    }
}
