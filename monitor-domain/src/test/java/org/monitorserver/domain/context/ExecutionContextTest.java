package org.monitorserver.domain.context;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExecutionContextTest {

    /** A valid context as pytest-monitor describes a CI runner; each test changes what it needs. */
    private static final class Builder {
        long tenantId = 1;
        String hash = "9f2c7d1e";
        int cpuCount = 8;
        double cpuFrequency = 2893.7;
        String cpuType = "x86_64";
        String cpuVendor = "GenuineIntel";
        long ramTotal = 16384;
        String machineNode = "ci-runner-1";
        String machineType = "x86_64";
        String machineArch = "64bit";
        String systemInfo = "Linux - 6.1.0";
        String pythonInfo = "3.12.1 (main, Dec 8 2023) [GCC 12.2.0]";

        Builder with(Consumer<Builder> change) {
            change.accept(this);
            return this;
        }

        ExecutionContext build() {
            return new ExecutionContext(tenantId, hash, cpuCount, cpuFrequency, cpuType, cpuVendor, ramTotal,
                    machineNode, machineType, machineArch, systemInfo, pythonInfo);
        }
    }

    private static ExecutionContext context(Consumer<Builder> change) {
        return new Builder().with(change).build();
    }

    static Stream<Arguments> oneFieldChanged() {
        return Stream.<Named<Consumer<Builder>>>of(
                Named.of("tenant", b -> b.tenantId = 2),
                Named.of("hash", b -> b.hash = "9f2c7d1f"),
                Named.of("cpu_count", b -> b.cpuCount = 16),
                Named.of("cpu_frequency", b -> b.cpuFrequency = 2893.8),
                Named.of("cpu_type", b -> b.cpuType = "arm64"),
                Named.of("cpu_vendor", b -> b.cpuVendor = "AuthenticAMD"),
                Named.of("ram_total", b -> b.ramTotal = 32768),
                Named.of("machine_node", b -> b.machineNode = "ci-runner-2"),
                Named.of("machine_type", b -> b.machineType = "aarch64"),
                Named.of("machine_arch", b -> b.machineArch = "32bit"),
                Named.of("system_info", b -> b.systemInfo = "Linux - 6.2.0"),
                Named.of("python_info", b -> b.pythonInfo = "3.11.7"))
                .map(Arguments::of);
    }

    @Test
    void identicalContentIsTheSame() {
        assertTrue(context(b -> { }).sameContentAs(context(b -> { })));
    }

    @ParameterizedTest
    @MethodSource("oneFieldChanged")
    void everyFieldMatters(Consumer<Builder> change) {
        var base = context(b -> { });
        var changed = context(change);
        assertFalse(base.sameContentAs(changed));
        assertFalse(changed.sameContentAs(base));
    }

    @Test
    void twoNullVendorsAreTheSame() {
        assertTrue(context(b -> b.cpuVendor = null).sameContentAs(context(b -> b.cpuVendor = null)));
    }

    @Test
    void nullVendorDiffersFromAnyVendorBothWays() {
        var none = context(b -> b.cpuVendor = null);
        var intel = context(b -> { });
        assertFalse(none.sameContentAs(intel));
        assertFalse(intel.sameContentAs(none));
    }

    @Test
    void nullVendorDiffersFromEmptyVendor() {
        var none = context(b -> b.cpuVendor = null);
        var empty = context(b -> b.cpuVendor = "");
        assertFalse(none.sameContentAs(empty));
        assertFalse(empty.sameContentAs(none));
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> context(b -> b.cpuCount = -1));
        assertThrows(IllegalArgumentException.class, () -> context(b -> b.ramTotal = -1));
    }

    @Test
    void nonFiniteFrequencyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> context(b -> b.cpuFrequency = Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> context(b -> b.cpuFrequency = Double.POSITIVE_INFINITY));
    }

    @Test
    void invalidHashIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> context(b -> b.hash = "9f2c 7d1e"));
        assertThrows(IllegalArgumentException.class, () -> context(b -> b.hash = ""));
    }

    @Test
    void requiredTextIsRequiredAndBounded() {
        assertThrows(NullPointerException.class, () -> context(b -> b.cpuType = null));
        assertThrows(NullPointerException.class, () -> context(b -> b.pythonInfo = null));
        assertThrows(IllegalArgumentException.class, () -> context(b -> b.machineArch = "a".repeat(65)));
    }
}
