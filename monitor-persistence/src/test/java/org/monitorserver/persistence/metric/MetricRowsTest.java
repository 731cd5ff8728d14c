package org.monitorserver.persistence.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.monitorserver.domain.metric.Metric;
import org.monitorserver.domain.metric.ResourceUsage;
import org.monitorserver.domain.metric.TestItem;

/** The CSV lines a bulk load's {@code COPY} reads. */
class MetricRowsTest {

    @Test
    void quotesEveryTextDoublingQuotesAndKeepsNumbersExact() {
        var metric = new Metric(7, "s1", "c1", LocalDateTime.of(2026, 12, 3, 8, 0, 1, 123_456_000),
                new TestItem("tests.a", "test \"q\", x", "v,1\nline", "tests/a.py", "function", ""),
                new ResourceUsage(0.1, 1e-7, 1.7976931348623157e308, -0.0, 12));
        metric.assignId(42);
        var csv = new StringBuilder();
        MetricRows.appendCsv(csv, metric);
        assertEquals("42,7,\"s1\",\"c1\",2026-12-03T08:00:01.123456,\"tests.a\",\"test \"\"q\"\", x\",\"v,1\nline\","
                + "\"tests/a.py\",\"function\",\"\",0.1,1.0E-7,1.7976931348623157E308,-0.0,12.0\n", csv.toString());
    }
}
