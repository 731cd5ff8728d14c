package org.monitorserver.persistence.resource;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A resource metrics can be ranked by: its name in the API and the attribute of {@code ResourceUsage}. */
public enum Resource {
    MEMORY("memory", "memUsage"),
    CPU("cpu", "cpuUsage"),
    KERNEL_TIME("kernel_time", "kernelTime"),
    USER_TIME("user_time", "userTime"),
    TOTAL_TIME("total_time", "totalTime");

    private final String apiName;
    private final String attribute;

    Resource(String apiName, String attribute) {
        this.apiName = apiName;
        this.attribute = attribute;
    }

    /** The resource an API path names, such as {@code memory} or {@code kernel_time}. */
    public static Optional<Resource> fromApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(name)).findFirst();
    }

    /** The API names, for error messages: {@code memory, cpu, ...}. */
    public static String apiNames() {
        return Arrays.stream(values()).map(r -> r.apiName).collect(Collectors.joining(", "));
    }

    String attribute() {
        return attribute;
    }
}
