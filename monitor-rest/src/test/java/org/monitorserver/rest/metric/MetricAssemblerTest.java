package org.monitorserver.rest.metric;

import org.monitorserver.api.MetricJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.metric.ResourceUsage;
import org.monitorserver.domain.metric.TestItem;
import org.monitorserver.rest.JsonbResolver;

/** A metric as clients receive it: rendered by the application's own JSON-B ({@link JsonbResolver}). */
class MetricAssemblerTest {

    @Test
    void theFourteenDocumentedKeysInOrder() {
        var metric = new Metric(1, "3a5b9c0e", "9f2c7d1e", LocalDateTime.of(2026, 11, 21, 10, 15, 2, 123_456_000),
                new TestItem("tests.test_x", "test_x", "test_x[1-a]", "tests/test_x.py", "function", ""),
                new ResourceUsage(1.25, 0.75, 0.125, 0.7, 32.5));
        var json = new JsonbResolver().getContext(MetricJson.class).toJson(MetricAssembler.toJson(metric));
        assertEquals("{\"session_h\":\"3a5b9c0e\",\"context_h\":\"9f2c7d1e\","
                + "\"item_start_time\":\"2026-11-21T10:15:02.123456\",\"item_path\":\"tests.test_x\","
                + "\"item\":\"test_x\",\"item_variant\":\"test_x[1-a]\",\"item_fs_loc\":\"tests/test_x.py\","
                + "\"kind\":\"function\",\"component\":\"\",\"total_time\":1.25,\"user_time\":0.75,"
                + "\"kernel_time\":0.125,\"cpu_usage\":0.7,\"mem_usage\":32.5}", json);
    }
}
