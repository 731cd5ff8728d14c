package org.monitorserver.rest.context;

import org.monitorserver.api.ContextJson;
import org.monitorserver.domain.context.ContextRow;
import org.monitorserver.domain.context.ExecutionContext;

/** Turns stored execution contexts into their wire record, the hash under both {@code h} and {@code context_h}. */
public final class ContextAssembler {

    private ContextAssembler() {
    }

    /** The wire form of {@code c}. */
    public static ContextJson toJson(ExecutionContext c) {
        return new ContextJson(c.getHash(), c.getHash(), c.getCpuCount(), c.getCpuFrequency(), c.getCpuType(),
                c.getCpuVendor(), c.getRamTotal(), c.getMachineNode(), c.getMachineType(), c.getMachineArch(),
                c.getSystemInfo(), c.getPythonInfo());
    }

    /** The wire form of a listed {@code row}. */
    public static ContextJson toJson(ContextRow row) {
        return new ContextJson(row.hash(), row.hash(), row.cpuCount(), row.cpuFrequency(), row.cpuType(),
                row.cpuVendor(), row.ramTotal(), row.machineNode(), row.machineType(), row.machineArch(),
                row.systemInfo(), row.pythonInfo());
    }
}
