package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monitorserver.api.MetricJson;

class MetricCsvTest {

    @Test
    void aRowHasTheColumnsOfTableMetricInOrder() {
        var metric = new MetricJson("s1", "c1", "2026-01-01T00:00:01.000000", "tests.billing.test_module_0",
                "test_case_000", "test_case_000[0]", "tests/billing/test_module_0.py", "function", "billing", 1.5,
                1.0, 0.25, 0.5, 12.0);
        assertEquals("7,1,s1,c1,2026-01-01T00:00:01.000000,tests.billing.test_module_0,test_case_000,"
                + "test_case_000[0],tests/billing/test_module_0.py,function,billing,1.5,1.0,0.25,0.5,12.0",
                MetricCsv.row(7, 1, metric));
        assertEquals(16, MetricCsv.COLUMNS.size());
        assertEquals(List.of("id", "tenant_id"), MetricCsv.COLUMNS.subList(0, 2));
    }

    @Test
    void fieldsAreQuotedWhereCsvNeedsIt() {
        assertEquals("plain[1]", MetricCsv.field("plain[1]"));
        assertEquals("\"a,b\"", MetricCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", MetricCsv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", MetricCsv.field("two\nlines"));
        // Unquoted, COPY would read NULL into a NOT NULL column (an empty component).
        assertEquals("\"\"", MetricCsv.field(""));
    }

    @Test
    void theFileHoldsTheBulkRowsWithIdsFromOne(@TempDir Path dir) throws Exception {
        var data = new DataSet(1000);
        Path file = dir.resolve("copy.csv");
        assertEquals(1000, MetricCsv.write(data, 3, file));
        List<String> lines = Files.readAllLines(file);
        assertEquals(1000, lines.size());
        assertEquals(MetricCsv.row(1, 3, data.metrics(0).get(0)), lines.get(0));
        assertEquals(MetricCsv.row(1000, 3, data.metrics(4).get(199)), lines.get(999));
    }
}
