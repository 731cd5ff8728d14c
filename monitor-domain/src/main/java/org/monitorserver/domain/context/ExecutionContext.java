package org.monitorserver.domain.context;

import static org.monitorserver.domain.FieldLimits.bounded;
import static org.monitorserver.domain.FieldLimits.boundedOrNull;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;
import org.monitorserver.domain.FieldLimits;
import org.monitorserver.domain.HashIdentified;

/**
 * The machine a session ran on. Immutable once stored: pytest-monitor derives the hash from these very fields,
 * so the same hash with other content is a conflict, not an update. Listings read {@link ContextRow} projections.
 */
@Entity
@Table(name = "execution_context")
@Cacheable(false)
@NamedQuery(name = ExecutionContext.FIND_BY_HASH,
        query = "SELECT c FROM ExecutionContext c WHERE c.tenantId = :tenant AND c.hash = :hash")
@NamedQuery(name = ExecutionContext.FIND_BY_HASHES,
        query = "SELECT c FROM ExecutionContext c WHERE c.tenantId = :tenant AND c.hash IN :hashes")
@NamedQuery(name = ExecutionContext.FIND_BY_HASH_PREFIX,
        query = ContextRow.SELECT + " FROM ExecutionContext c WHERE c.tenantId = :tenant AND c.hash LIKE :prefix"
                + " ESCAPE '\\' ORDER BY c.id")
@NamedQuery(name = ExecutionContext.COUNT_BY_HASH_PREFIX,
        query = "SELECT COUNT(c) FROM ExecutionContext c WHERE c.tenantId = :tenant AND c.hash LIKE :prefix ESCAPE '\\'")
@NamedQuery(name = ExecutionContext.FIND_BY_TENANT,
        query = ContextRow.SELECT + " FROM ExecutionContext c WHERE c.tenantId = :tenant ORDER BY c.id")
public class ExecutionContext implements HashIdentified<ExecutionContext> {

    public static final String FIND_BY_HASH = "ExecutionContext.findByHash";
    public static final String FIND_BY_HASHES = "ExecutionContext.findByHashes";
    public static final String FIND_BY_HASH_PREFIX = "ExecutionContext.findByHashPrefix";
    public static final String COUNT_BY_HASH_PREFIX = "ExecutionContext.countByHashPrefix";
    public static final String FIND_BY_TENANT = "ExecutionContext.findByTenant";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "context_seq")
    @SequenceGenerator(name = "context_seq", sequenceName = "context_seq", allocationSize = 50)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "context_h", nullable = false, updatable = false, length = FieldLimits.HASH)
    private String hash;

    @Column(name = "cpu_count", nullable = false)
    private int cpuCount;

    @Column(name = "cpu_frequency", nullable = false)
    private double cpuFrequency;

    @Column(name = "cpu_type", nullable = false, length = FieldLimits.CPU_TYPE)
    private String cpuType;

    @Column(name = "cpu_vendor", length = FieldLimits.CPU_VENDOR)
    private String cpuVendor;

    @Column(name = "ram_total", nullable = false)
    private long ramTotal;

    @Column(name = "machine_node", nullable = false, length = FieldLimits.MACHINE_NODE)
    private String machineNode;

    @Column(name = "machine_type", nullable = false, length = FieldLimits.MACHINE_TYPE)
    private String machineType;

    @Column(name = "machine_arch", nullable = false, length = FieldLimits.MACHINE_ARCH)
    private String machineArch;

    @Column(name = "system_info", nullable = false, length = FieldLimits.SYSTEM_INFO)
    private String systemInfo;

    @Column(name = "python_info", nullable = false, length = FieldLimits.PYTHON_INFO)
    private String pythonInfo;

    protected ExecutionContext() {
    }

    /**
     * A context as described by its client. {@code cpuVendor} is optional; everything else is required.
     *
     * @throws IllegalArgumentException or NullPointerException for a value the schema cannot hold
     */
    public ExecutionContext(long tenantId, String hash, int cpuCount, double cpuFrequency, String cpuType,
            String cpuVendor, long ramTotal, String machineNode, String machineType, String machineArch,
            String systemInfo, String pythonInfo) {
        this.tenantId = tenantId;
        this.hash = FieldLimits.hash("h", hash);
        if (cpuCount < 0 || ramTotal < 0) {
            throw new IllegalArgumentException("cpu_count and ram_total must not be negative");
        }
        this.cpuCount = cpuCount;
        this.cpuFrequency = FieldLimits.finite("cpu_frequency", cpuFrequency);
        this.cpuType = bounded("cpu_type", cpuType, FieldLimits.CPU_TYPE);
        this.cpuVendor = boundedOrNull("cpu_vendor", cpuVendor, FieldLimits.CPU_VENDOR);
        this.ramTotal = ramTotal;
        this.machineNode = bounded("machine_node", machineNode, FieldLimits.MACHINE_NODE);
        this.machineType = bounded("machine_type", machineType, FieldLimits.MACHINE_TYPE);
        this.machineArch = bounded("machine_arch", machineArch, FieldLimits.MACHINE_ARCH);
        this.systemInfo = bounded("system_info", systemInfo, FieldLimits.SYSTEM_INFO);
        this.pythonInfo = bounded("python_info", pythonInfo, FieldLimits.PYTHON_INFO);
    }

    /** Whether {@code other} describes the same machine: every field but the surrogate id is equal. */
    @Override
    public boolean sameContentAs(ExecutionContext other) {
        return tenantId == other.tenantId
                && hash.equals(other.hash)
                && cpuCount == other.cpuCount
                && Double.compare(cpuFrequency, other.cpuFrequency) == 0
                && cpuType.equals(other.cpuType)
                && Objects.equals(cpuVendor, other.cpuVendor)
                && ramTotal == other.ramTotal
                && machineNode.equals(other.machineNode)
                && machineType.equals(other.machineType)
                && machineArch.equals(other.machineArch)
                && systemInfo.equals(other.systemInfo)
                && pythonInfo.equals(other.pythonInfo);
    }

    public Long getId() {
        return id;
    }

    public long getTenantId() {
        return tenantId;
    }

    public String getHash() {
        return hash;
    }

    public int getCpuCount() {
        return cpuCount;
    }

    public double getCpuFrequency() {
        return cpuFrequency;
    }

    public String getCpuType() {
        return cpuType;
    }

    public String getCpuVendor() {
        return cpuVendor;
    }

    public long getRamTotal() {
        return ramTotal;
    }

    public String getMachineNode() {
        return machineNode;
    }

    public String getMachineType() {
        return machineType;
    }

    public String getMachineArch() {
        return machineArch;
    }

    public String getSystemInfo() {
        return systemInfo;
    }

    public String getPythonInfo() {
        return pythonInfo;
    }
}
