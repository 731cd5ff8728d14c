package org.monitorserver.domain.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStatisticsTest {

    private static final String UNKNOWN = "system_disk_space_used_gib";

    /**
     * A run of {@code rows} one-second samples from {@code from}: timestamp 1764000000 + i, process_cpu_usage
     * (i % 10) / 10, system_net_recv_bytes i, system_memory_used_mib i % 100, process_disk_write_bytes 4096 on
     * even rows, system_disk_space_used_gb 28.78, system_gpu_vram_mib and process_gpu_usage empty throughout, the
     * unknown system_disk_space_used_gib i % 7 and note "n" + i; every other column 0.
     */
    static String generated(int from, int to) {
        StringBuilder text = new StringBuilder(TrackerCsvReaderTest.KNOWN_HEADER)
                .append(",\"").append(UNKNOWN).append("\",\"note\"\n");
        for (int i = from; i < to; i++) {
            for (String column : SampleColumn.KNOWN) {
                switch (column) {
                    case "timestamp" -> text.append(1_764_000_000 + i);
                    case "process_cpu_usage" -> text.append((i % 10) / 10.0);
                    case "system_net_recv_bytes" -> text.append(i);
                    case "system_memory_used_mib" -> text.append(i % 100);
                    case "process_disk_write_bytes" -> text.append(i % 2 == 0 ? 4096 : 0);
                    case "system_disk_space_used_gb" -> text.append("28.78");
                    case "system_gpu_vram_mib", "process_gpu_usage" -> { }
                    default -> text.append('0');
                }
                text.append(',');
            }
            text.append(i % 7).append(",\"n").append(i).append("\"\n");
        }
        return text.toString();
    }

    private static RunStatistics statisticsOf(String... chunks) {
        RunStatistics statistics = null;
        for (String chunk : chunks) {
            try (TrackerCsvReader reader = new TrackerCsvReader(new StringReader(chunk), "data_csv")) {
                if (statistics == null) {
                    statistics = new RunStatistics(reader.header());
                }
                for (CsvSample sample = reader.next(); sample != null; sample = reader.next()) {
                    statistics.accept(sample);
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return statistics;
    }

    private static Map<String, Object> timestamps(double... timestamps) {
        StringBuilder text = new StringBuilder("timestamp\n");
        for (double timestamp : timestamps) {
            text.append(Double.isNaN(timestamp) ? "\"\"" : SampleNumbers.format(timestamp)).append('\n');
        }
        return statisticsOf(text.toString()).result();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> result, String column) {
        return (Map<String, Object>) result.get(column);
    }

    private static double number(Map<String, Object> entry, String key) {
        return (Double) entry.get(key);
    }

    @Test
    void anHourOfGeneratedSamples() {
        Map<String, Object> result = statisticsOf(generated(0, 3600)).result();
        assertEquals(3600L, result.get("samples"));
        assertEquals(3600.0, result.get("duration_seconds")); // 3599 s from first to last, plus one 1 s step
        assertEquals(1.0, result.get("interval_seconds"));
        assertEquals(Map.of("duration", 3600.0), result.get("timestamp"));

        // (i % 10) / 10: each run of ten rows sums to 4.5, 360 runs: 1620 / 3600.
        assertEquals(0.45, number(entry(result, "process_cpu_usage"), "mean"), 1e-12);
        assertEquals(0.9, number(entry(result, "process_cpu_usage"), "max"));
        // 0 + 1 + ... + 3599 = 3599 * 3600 / 2.
        assertEquals(Map.of("sum", 6_478_200.0), result.get("system_net_recv_bytes"));
        // i % 100: 0..99 thirty-six times, mean 49.5.
        assertEquals(Map.of("mean", 49.5, "max", 99.0), result.get("system_memory_used_mib"));
        // 4096 on the 1800 even rows.
        assertEquals(Map.of("sum", 7_372_800.0), result.get("process_disk_write_bytes"));
        assertEquals(Map.of("max", 28.78), result.get("system_disk_space_used_gb"));
        assertEquals(Map.of("mean", 0.0, "max", 0.0), result.get("system_cpu_usage"));
        assertEquals(Map.of("sum", 0.0), result.get("system_disk_read_bytes"));
        assertTrue(result.containsKey("system_gpu_vram_mib"));
        assertNull(result.get("system_gpu_vram_mib"));
        assertTrue(result.containsKey("process_gpu_usage"));
        assertNull(result.get("process_gpu_usage"));
        // The unknown i % 7 reaches 6; the note has no aggregate and no entry.
        assertEquals(Map.of("max", 6.0), result.get(UNKNOWN));
        assertFalse(result.containsKey("note"));
    }

    @Test
    void chunksAddUpToTheWholeRun() {
        Map<String, Object> whole = statisticsOf(generated(0, 3600)).result();
        Map<String, Object> chunked = statisticsOf(generated(0, 1000), generated(1000, 1001), generated(1001, 3600))
                .result();
        assertEquals(3600L, chunked.get("samples"));
        assertEquals(3600.0, chunked.get("duration_seconds"));
        assertEquals(Map.of("sum", 6_478_200.0), chunked.get("system_net_recv_bytes"));
        assertEquals(whole.keySet(), chunked.keySet());
        assertEquals(0.45, number(entry(chunked, "process_cpu_usage"), "mean"), 1e-12);
    }

    @Test
    void theResultHasTheTrackersLayout() {
        Map<String, Object> result = statisticsOf(generated(0, 2)).result();
        assertEquals(List.of("samples", "duration_seconds", "interval_seconds", "timestamp",
                "system_cpu_usage", "system_memory_free_mib", "system_memory_used_mib", "system_memory_buffers_mib",
                "system_memory_cached_mib", "system_memory_active_mib", "system_memory_inactive_mib",
                "system_disk_read_bytes", "system_disk_write_bytes", "system_disk_space_used_gb",
                "system_net_recv_bytes", "system_net_sent_bytes", "system_gpu_usage", "system_gpu_vram_mib",
                "system_gpu_utilized", "process_cpu_usage", "process_memory_mib", "process_disk_read_bytes",
                "process_disk_write_bytes", "process_gpu_usage", "process_gpu_vram_mib", "process_gpu_utilized",
                UNKNOWN), new ArrayList<>(result.keySet()));
        assertEquals(List.of("mean", "max"), new ArrayList<>(entry(result, "system_cpu_usage").keySet()));
    }

    @Test
    void theTrackersSample() throws IOException {
        Map<String, Object> result = statisticsOf(TrackerCsvReaderTest.sentinelSample()).result();
        assertEquals(5L, result.get("samples"));
        // Steps 0.999, 1.001, 1.0, 0.998: the median is (0.999 + 1.0) / 2; 3.998 s from first to last.
        assertEquals(0.9995, (Double) result.get("interval_seconds"), 1e-6);
        assertEquals(4.9975, (Double) result.get("duration_seconds"), 1e-6);
        // (1.0195 + 1.0105 + 1.0095 + 1.02 + 1.0115) / 5.
        assertEquals(1.0142, number(entry(result, "system_cpu_usage"), "mean"), 1e-12);
        assertEquals(1.02, number(entry(result, "system_cpu_usage"), "max"));
        assertEquals(Map.of("sum", 172_032.0), result.get("system_disk_write_bytes"));
        assertEquals(Map.of("sum", 8192.0), result.get("process_disk_write_bytes"));
        assertEquals(Map.of("max", 28.78), result.get("system_disk_space_used_gb"));
    }

    @Test
    void theIntervalIsTheMedianStep() {
        // Steps 1, 2, 1, 6: sorted 1, 1, 2, 6, the median is (1 + 2) / 2.
        Map<String, Object> even = timestamps(0, 1, 3, 4, 10);
        assertEquals(1.5, even.get("interval_seconds"));
        assertEquals(11.5, even.get("duration_seconds"));
        // Steps 1, 2, 7: the median is 2.
        Map<String, Object> odd = timestamps(0, 1, 3, 10);
        assertEquals(2.0, odd.get("interval_seconds"));
        assertEquals(12.0, odd.get("duration_seconds"));
        // Empty timestamps are skipped: steps 2, 1 between 100, 102, 103.
        Map<String, Object> gaps = timestamps(100, Double.NaN, 102, 103, Double.NaN);
        assertEquals(5L, gaps.get("samples"));
        assertEquals(1.5, gaps.get("interval_seconds"));
        assertEquals(4.5, gaps.get("duration_seconds"));
    }

    @Test
    void oneRow() {
        Map<String, Object> result = statisticsOf(generated(0, 1)).result();
        assertEquals(1L, result.get("samples"));
        assertEquals(0.0, result.get("duration_seconds"));
        assertNull(result.get("interval_seconds"));
        assertEquals(Map.of("duration", 0.0), result.get("timestamp"));
        assertEquals(Map.of("mean", 0.0, "max", 0.0), result.get("process_cpu_usage"));
    }

    @Test
    void headerOnly() {
        Map<String, Object> result = statisticsOf(generated(0, 0)).result();
        assertEquals(0L, result.get("samples"));
        assertNull(result.get("duration_seconds"));
        assertNull(result.get("interval_seconds"));
        assertTrue(result.containsKey("timestamp"));
        assertNull(result.get("timestamp"));
        assertTrue(result.containsKey("process_cpu_usage"));
        assertNull(result.get("process_cpu_usage"));
        assertNull(result.get(UNKNOWN));
    }

    @Test
    void noTimestampsAtAll() {
        Map<String, Object> result = statisticsOf("process_cpu_usage\n0.5\n1.5\n").result();
        assertEquals(2L, result.get("samples"));
        assertNull(result.get("duration_seconds"));
        assertNull(result.get("interval_seconds"));
        assertNull(result.get("timestamp"));
        assertEquals(Map.of("mean", 1.0, "max", 1.5), result.get("process_cpu_usage"));
        assertTrue(result.containsKey("system_cpu_usage"));
        assertNull(result.get("system_cpu_usage"));
    }

    @Test
    void anUnknownColumnWithANonNumberHasNoEntry() {
        Map<String, Object> result = statisticsOf("timestamp,system_a_bytes,process_b_mib,system_c_usage,system_d_bytes\n"
                + "1,10,1,x,5\n2,20,,2,inf\n3,,nan,3,\n").result();
        assertEquals(Map.of("sum", 30.0), result.get("system_a_bytes"));
        assertEquals(Map.of("mean", 1.0, "max", 1.0), result.get("process_b_mib"));
        assertTrue(result.containsKey("system_c_usage"));
        assertNull(result.get("system_c_usage"));
        assertTrue(result.containsKey("system_d_bytes"));
        assertNull(result.get("system_d_bytes"));
    }

    @Test
    void largeSumsLoseNothing() {
        // 86,400 samples of 1e9 + 0.1 bytes: the exact sum is 86,400,000,008,640.
        StringBuilder text = new StringBuilder("system_net_sent_bytes\n");
        for (int i = 0; i < 86_400; i++) {
            text.append("1000000000.1\n");
        }
        Map<String, Object> result = statisticsOf(text.toString()).result();
        assertEquals(86_400_000_008_640.0, number(entry(result, "system_net_sent_bytes"), "sum"), 1e-2);
    }
}
