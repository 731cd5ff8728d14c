package org.monitorserver.persistence.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Ingest meters on a registry that outlives the deployment, as WildFly's does. */
class IngestMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void rowsCountPerWayInAndGaugesLeaveWithTheirDeployment() {
        var first = new IngestMeters(registry);
        first.stored(IngestMeters.Path.BULK, 25);
        first.stored(IngestMeters.Path.BULK, 5);
        var depth = new AtomicInteger(3);
        first.gauge("monitor.test.depth", depth, AtomicInteger::get, "kind", "x");
        assertEquals(30, registry.counter("monitor.ingest.rows", "path", "bulk").count());
        assertEquals(3, registry.find("monitor.test.depth").tags("kind", "x").gauge().value());

        first.stop();
        assertNull(registry.find("monitor.test.depth").gauge(), "undeployed: its gauge is gone");
        var second = new IngestMeters(registry);
        var newDepth = new AtomicInteger(7);
        second.gauge("monitor.test.depth", newDepth, AtomicInteger::get, "kind", "x");
        assertEquals(7, registry.find("monitor.test.depth").tags("kind", "x").gauge().value(),
                "the next deployment's gauge reads the next deployment's object");
        assertEquals(30, registry.counter("monitor.ingest.rows", "path", "bulk").count(), "counters keep counting");
    }
}
