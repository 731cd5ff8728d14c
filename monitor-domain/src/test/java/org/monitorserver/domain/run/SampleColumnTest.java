package org.monitorserver.domain.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleColumnTest {

    @Test
    void knownColumnsAreTheTrackersThirtyTwoInItsOrder() {
        assertEquals(32, SampleColumn.KNOWN.size());
        assertEquals("timestamp", SampleColumn.KNOWN.get(0));
        assertEquals("system_cpu_usage", SampleColumn.KNOWN.get(4));
        assertEquals("system_disk_space_used_gb", SampleColumn.KNOWN.get(14));
        assertEquals("process_pid", SampleColumn.KNOWN.get(21));
        assertEquals("process_gpu_utilized", SampleColumn.KNOWN.get(31));
        assertThrows(UnsupportedOperationException.class, () -> SampleColumn.KNOWN.add("x"));
    }

    @Test
    void indexOfFindsKnownColumnsAndMinusOneForOthers() {
        for (int i = 0; i < SampleColumn.KNOWN.size(); i++) {
            assertEquals(i, SampleColumn.indexOf(SampleColumn.KNOWN.get(i)));
        }
        assertEquals(-1, SampleColumn.indexOf("system_disk_space_used_gib"));
        assertEquals(-1, SampleColumn.indexOf("Timestamp"));
        assertEquals(-1, SampleColumn.indexOf(""));
    }

    @Test
    void sqlNameIsTheNameExceptTimestamp() {
        assertEquals("ts", SampleColumn.sqlName(0));
        assertEquals("system_processes", SampleColumn.sqlName(1));
        assertEquals("process_gpu_utilized", SampleColumn.sqlName(31));
    }

    @Test
    void aggregatesOfTheKnownColumns() {
        List<String> meanMax = List.of("system_cpu_usage", "system_memory_free_mib", "system_memory_used_mib",
                "system_memory_buffers_mib", "system_memory_cached_mib", "system_memory_active_mib",
                "system_memory_inactive_mib", "system_gpu_usage", "system_gpu_vram_mib", "system_gpu_utilized",
                "process_cpu_usage", "process_memory_mib", "process_gpu_usage", "process_gpu_vram_mib",
                "process_gpu_utilized");
        List<String> sum = List.of("system_disk_read_bytes", "system_disk_write_bytes", "system_net_recv_bytes",
                "system_net_sent_bytes", "process_disk_read_bytes", "process_disk_write_bytes");
        for (String column : SampleColumn.KNOWN) {
            Aggregate expected = meanMax.contains(column) ? Aggregate.MEAN_MAX
                    : sum.contains(column) ? Aggregate.SUM
                    : column.equals("system_disk_space_used_gb") ? Aggregate.MAX : Aggregate.NONE;
            assertEquals(expected, Aggregate.of(column), column);
        }
    }

    @Test
    void aggregatesOfOtherNamesFollowTheRulesInOrder() {
        assertEquals(Aggregate.MAX, Aggregate.of("system_disk_space_used_gib"));
        assertEquals(Aggregate.MAX, Aggregate.of("system_disk_space_used_bytes")); // the MAX rule comes first
        assertEquals(Aggregate.NONE, Aggregate.of("system_disk_space_free_bytes"));
        assertEquals(Aggregate.SUM, Aggregate.of("process_net_sent_bytes"));
        assertEquals(Aggregate.MEAN_MAX, Aggregate.of("process_memory_gib"));
        assertEquals(Aggregate.MEAN_MAX, Aggregate.of("system_tpu_utilized"));
        assertEquals(Aggregate.NONE, Aggregate.of("gpu_usage"));
        assertEquals(Aggregate.NONE, Aggregate.of("host_memory_mib"));
        assertEquals(Aggregate.NONE, Aggregate.of("system_threads"));
        assertEquals(Aggregate.NONE, Aggregate.of("note"));
    }
}
