package org.monitorserver.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;

/**
 * Test data builder for request bodies: valid defaults as pytest-monitor sends them, with overrides, removals,
 * renames and wrong types for the error cases. Metrics and contexts start from the API's records (the server takes
 * their canonical names); sessions are posted in the submission form ({@code description} as an object of tags),
 * which has no record. Hashes are unique per builder, so tests never share data.
 */
final class Body {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private final Map<String, Object> fields;

    private Body(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** A fresh 32-character hex hash, like pytest-monitor's md5 hashes. */
    static String hash() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A context as pytest-monitor 1.7 sends it (cpu_frequency a float), as the API answers it. */
    static ContextJson contextJson(String h) {
        return new ContextJson(h, h, 8, 2000.0, "x86_64", "GenuineIntel", 16384, "ci-runner-1", "x86_64", "64bit",
                "Linux - 6.1.0-18-amd64", "3.11.7 (main, Jan  1 2024)");
    }

    /**
     * {@link #contextJson} as a body to edit. It also carries {@code context_h}, which a submission does not read:
     * the server ignores keys it does not know.
     */
    static Body context(String h) {
        return of(contextJson(h));
    }

    /** A session as pytest-monitor sends it, with Jenkins' CI tags. */
    static Body session(String h) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("session_h", h);
        fields.put("run_date", "2026-11-21T10:15:02.123456");
        fields.put("scm_ref", "4914d195225cf6b1c5a160c555b6948ea1ba2bcd");
        fields.put("description", new LinkedHashMap<>(Map.of("pipeline_branch", "main", "pipeline_build_no", "30",
                "__ci__", "jenkinsci")));
        return new Body(fields);
    }

    /** A function-level metric as pytest-monitor sends it, which is also how the API answers it. */
    static MetricJson metricJson(String sessionH, String contextH) {
        return new MetricJson(sessionH, contextH, "2026-11-21T10:15:03.000042", "tests.test_prime", "test_prime",
                "test_prime[982451653]", "tests/test_prime.py", "function", "", 0.8004801273345947, 0.722636224,
                0.069095616, 0.99, 12.3);
    }

    /** {@link #metricJson} as a body to edit. */
    static Body metric(String sessionH, String contextH) {
        return of(metricJson(sessionH, contextH));
    }

    /**
     * A record's JSON as a free-form map (strings, {@code BigDecimal} numbers, nulls), so that error cases can
     * break it in ways the record cannot express.
     */
    @SuppressWarnings("unchecked")
    private static Body of(Object record) {
        return new Body(JSONB.fromJson(JSONB.toJson(record), LinkedHashMap.class));
    }

    /** Sets {@code name} to {@code value}: any JSON-B-writable value, a wrong type or null included. */
    Body with(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** Leaves {@code name} out of the body. */
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

    /** The value of {@code name}, as {@link #with} set it or as the record's JSON gave it. */
    Object get(String name) {
        return fields.get(name);
    }

    /** The body as JSON, nulls written. */
    String json() {
        return JSONB.toJson(fields);
    }
}
