package org.monitorserver.domain.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The columns that Spare Cores' resource-tracker writes, in its order, with their database names. */
public final class SampleColumn {

    /** The tracker's columns in the order it writes them; a sample's {@code known[i]} is column {@code KNOWN.get(i)}. */
    public static final List<String> KNOWN = List.of(
            "timestamp", "system_processes", "system_utime", "system_stime", "system_cpu_usage",
            "system_memory_free_mib", "system_memory_used_mib", "system_memory_buffers_mib",
            "system_memory_cached_mib", "system_memory_active_mib", "system_memory_inactive_mib",
            "system_disk_read_bytes", "system_disk_write_bytes", "system_disk_space_total_gb",
            "system_disk_space_used_gb", "system_disk_space_free_gb", "system_net_recv_bytes",
            "system_net_sent_bytes", "system_gpu_usage", "system_gpu_vram_mib", "system_gpu_utilized",
            "process_pid", "process_children", "process_utime", "process_stime", "process_cpu_usage",
            "process_memory_mib", "process_disk_read_bytes", "process_disk_write_bytes", "process_gpu_usage",
            "process_gpu_vram_mib", "process_gpu_utilized");

    /** The position of {@code timestamp} in {@link #KNOWN}. */
    public static final int TIMESTAMP = 0;

    // A hash lookup because the reader maps every header cell of every chunk.
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < KNOWN.size(); i++) {
            INDEX.put(KNOWN.get(i), i);
        }
    }

    private SampleColumn() {
    }

    /** The position of a column in {@link #KNOWN}, or -1 when the tracker does not write it. */
    public static int indexOf(String name) {
        Integer index = INDEX.get(name);
        return index == null ? -1 : index;
    }

    /**
     * The database column that holds the known column at {@code index}: its own name, except {@code timestamp}
     * (a reserved word in SQL), which is {@code ts}.
     */
    public static String sqlName(int index) {
        return index == TIMESTAMP ? "ts" : KNOWN.get(index);
    }
}
