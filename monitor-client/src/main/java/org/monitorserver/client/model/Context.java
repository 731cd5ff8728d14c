package org.monitorserver.client.model;

import java.util.Objects;
import org.monitorserver.api.ContextJson;

/**
 * One execution context: the machine a session ran on.
 *
 * @param h the context hash
 * @param cpuCount number of CPUs
 * @param cpuFrequency nominal CPU frequency, MHz
 * @param cpuType CPU architecture
 * @param cpuVendor CPU vendor; null when none was recorded
 * @param ramTotal memory of the machine, MB
 * @param machineNode host name
 * @param machineType machine type
 * @param machineArch machine architecture
 * @param systemInfo kernel information
 * @param pythonInfo interpreter information
 */
public record Context(String h, int cpuCount, double cpuFrequency, String cpuType, String cpuVendor, long ramTotal,
        String machineNode, String machineType, String machineArch, String systemInfo, String pythonInfo) {

    /** Checks that the context has a hash. */
    public Context {
        Objects.requireNonNull(h, "h");
    }

    /** The context a server answered; {@code context_h} stands in when {@code h} is absent. */
    public static Context of(ContextJson json) {
        return new Context(json.h() != null ? json.h() : json.contextH(), json.cpuCount(), json.cpuFrequency(),
                json.cpuType(), json.cpuVendor(), json.ramTotal(), json.machineNode(), json.machineType(),
                json.machineArch(), json.systemInfo(), json.pythonInfo());
    }

    /** This context as the API's wire record. */
    public ContextJson toJson() {
        return new ContextJson(h, h, cpuCount, cpuFrequency, cpuType, cpuVendor, ramTotal, machineNode, machineType,
                machineArch, systemInfo, pythonInfo);
    }

    /** The reference library's name for {@link #ramTotal()}. */
    public long totalRam() {
        return ramTotal;
    }
}
