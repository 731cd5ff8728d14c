package org.monitorserver.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test data builder for request bodies: valid defaults as pytest-monitor sends them, with overrides, removals
 * and wrong types for the error cases. Hashes are unique per builder, so tests never share data.
 */
final class Body {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Body() {
    }

    /** A fresh 32-character hex hash, like pytest-monitor's md5 hashes. */
    static String hash() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A context as pytest-monitor 1.7 sends it (cpu_frequency a float). */
    static Body context(String h) {
        return new Body().with("h", h).with("cpu_count", 8).with("cpu_frequency", 2000.0).with("cpu_type", "x86_64")
                .with("cpu_vendor", "GenuineIntel").with("ram_total", 16384).with("machine_node", "ci-runner-1")
                .with("machine_type", "x86_64").with("machine_arch", "64bit")
                .with("system_info", "Linux - 6.1.0-18-amd64").with("python_info", "3.11.7 (main, Jan  1 2024)");
    }

    /** A session as pytest-monitor sends it, with Jenkins' CI tags. */
    static Body session(String h) {
        return new Body().with("session_h", h).with("run_date", "2026-11-21T10:15:02.123456")
                .with("scm_ref", "4914d195225cf6b1c5a160c555b6948ea1ba2bcd")
                .with("description", new LinkedHashMap<>(Map.of("pipeline_branch", "main",
                        "pipeline_build_no", "30", "__ci__", "jenkinsci")));
    }

    /** A function-level metric as pytest-monitor sends it. */
    static Body metric(String sessionH, String contextH) {
        return new Body().with("session_h", sessionH).with("context_h", contextH)
                .with("item_start_time", "2026-11-21T10:15:03.000042").with("item_path", "tests.test_prime")
                .with("item", "test_prime").with("item_variant", "test_prime[982451653]")
                .with("item_fs_loc", "tests/test_prime.py").with("kind", "function").with("component", "")
                .with("total_time", 0.8004801273345947).with("user_time", 0.722636224)
                .with("kernel_time", 0.069095616).with("cpu_usage", 0.99).with("mem_usage", 12.3);
    }

    Body with(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    Body without(String name) {
        fields.remove(name);
        return this;
    }

    /** Renames a field, for the API document's aliases ({@code ctx_h}, {@code wall_time}, ...). */
    Body renamed(String from, String to) {
        Object value = fields.remove(from);
        fields.put(to, value);
        return this;
    }

    Object get(String name) {
        return fields.get(name);
    }

    String json() {
        return JSONB.toJson(fields);
    }
}
