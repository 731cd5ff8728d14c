package org.monitorserver.rest.context;

import org.monitorserver.api.ContextJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.monitorserver.domain.context.ContextRow;
import org.monitorserver.domain.context.ExecutionContext;
import org.monitorserver.rest.JsonbResolver;

/** A context as clients receive it: rendered by the application's own JSON-B ({@link JsonbResolver}). */
class ContextAssemblerTest {

    private static String render(ExecutionContext context) {
        return new JsonbResolver().getContext(ContextJson.class).toJson(ContextAssembler.toJson(context));
    }

    @Test
    void documentedKeysInOrderWithContextHEqualToH() {
        var context = new ExecutionContext(1, "9f2c7d1e", 8, 2893.5, "x86_64", "GenuineIntel", 16384, "ci-runner-1",
                "x86_64", "64bit", "Linux - 6.1.0", "3.12.1");
        assertEquals("{\"h\":\"9f2c7d1e\",\"context_h\":\"9f2c7d1e\",\"cpu_count\":8,\"cpu_frequency\":2893.5,"
                + "\"cpu_type\":\"x86_64\",\"cpu_vendor\":\"GenuineIntel\",\"ram_total\":16384,"
                + "\"machine_node\":\"ci-runner-1\",\"machine_type\":\"x86_64\",\"machine_arch\":\"64bit\","
                + "\"system_info\":\"Linux - 6.1.0\",\"python_info\":\"3.12.1\"}", render(context));
    }

    @Test
    void nullCpuVendorIsWrittenAsNull() {
        var context = new ExecutionContext(1, "9f2c7d1e", 8, 2893.5, "x86_64", null, 16384, "ci-runner-1",
                "x86_64", "64bit", "Linux - 6.1.0", "3.12.1");
        assertEquals("{\"h\":\"9f2c7d1e\",\"context_h\":\"9f2c7d1e\",\"cpu_count\":8,\"cpu_frequency\":2893.5,"
                + "\"cpu_type\":\"x86_64\",\"cpu_vendor\":null,\"ram_total\":16384,"
                + "\"machine_node\":\"ci-runner-1\",\"machine_type\":\"x86_64\",\"machine_arch\":\"64bit\","
                + "\"system_info\":\"Linux - 6.1.0\",\"python_info\":\"3.12.1\"}", render(context));
    }

    @Test
    void aListedRowIsWrittenAsTheStoredContext() {
        var context = new ExecutionContext(1, "9f2c7d1e", 8, 2893.5, "x86_64", null, 16384, "ci-runner-1",
                "x86_64", "64bit", "Linux - 6.1.0", "3.12.1");
        var row = new ContextRow("9f2c7d1e", 8, 2893.5, "x86_64", null, 16384, "ci-runner-1", "x86_64", "64bit",
                "Linux - 6.1.0", "3.12.1");
        assertEquals(ContextAssembler.toJson(context), ContextAssembler.toJson(row));
    }
}
