package org.monitorserver.domain.metric;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.monitorserver.domain.FieldLimits;

/**
 * What one test item cost: wall, user and kernel time in seconds, CPU usage ({@code (user + kernel) / wall})
 * and memory in MB. Values are kept as measured; only non-finite numbers are refused.
 */
@Embeddable
public final class ResourceUsage {

    @Column(name = "total_time", nullable = false)
    private double totalTime;

    @Column(name = "user_time", nullable = false)
    private double userTime;

    @Column(name = "kernel_time", nullable = false)
    private double kernelTime;

    @Column(name = "cpu_usage", nullable = false)
    private double cpuUsage;

    @Column(name = "mem_usage", nullable = false)
    private double memUsage;

    protected ResourceUsage() {
    }

    public ResourceUsage(double totalTime, double userTime, double kernelTime, double cpuUsage, double memUsage) {
        this.totalTime = FieldLimits.finite("total_time", totalTime);
        this.userTime = FieldLimits.finite("user_time", userTime);
        this.kernelTime = FieldLimits.finite("kernel_time", kernelTime);
        this.cpuUsage = FieldLimits.finite("cpu_usage", cpuUsage);
        this.memUsage = FieldLimits.finite("mem_usage", memUsage);
    }

    public double getTotalTime() {
        return totalTime;
    }

    public double getUserTime() {
        return userTime;
    }

    public double getKernelTime() {
        return kernelTime;
    }

    public double getCpuUsage() {
        return cpuUsage;
    }

    public double getMemUsage() {
        return memUsage;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceUsage other
                && Double.compare(totalTime, other.totalTime) == 0
                && Double.compare(userTime, other.userTime) == 0
                && Double.compare(kernelTime, other.kernelTime) == 0
                && Double.compare(cpuUsage, other.cpuUsage) == 0
                && Double.compare(memUsage, other.memUsage) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(totalTime) * 31 + Double.hashCode(memUsage);
    }
}
