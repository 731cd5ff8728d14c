package org.monitorserver.domain.context;

/**
 * A stored execution context as listings read it: a projection (JPQL {@code SELECT NEW}), not a managed entity,
 * so a page costs no entity building, change tracking or cache lookups. Its fields are the columns of
 * {@link ExecutionContext}, in the order of the API's context document.
 */
public record ContextRow(String hash, int cpuCount, double cpuFrequency, String cpuType, String cpuVendor,
        long ramTotal, String machineNode, String machineType, String machineArch, String systemInfo,
        String pythonInfo) {

    /**
     * The select list of a JPQL query over {@code ExecutionContext c} that builds this record: the one place that
     * names the constructor's arguments.
     */
    public static final String SELECT = "SELECT NEW org.monitorserver.domain.context.ContextRow(c.hash, c.cpuCount,"
            + " c.cpuFrequency, c.cpuType, c.cpuVendor, c.ramTotal, c.machineNode, c.machineType, c.machineArch,"
            + " c.systemInfo, c.pythonInfo)";
}
