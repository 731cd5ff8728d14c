package org.monitorserver.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The data set for N metrics, the same on every run (seeded), so that {@code --reuse} finds the hashes it
 * expects: N/200 sessions of 200 metrics each, 3 contexts, 1000 items in 5 components, and 2 pipelines whose builds
 * hold 20 sessions each (10 per pipeline). Item k of session s is item {@code (s * 200 + k) % 1000}, so each item
 * has N/1000 metrics. Sessions, contexts and items are kept in memory; metrics are rendered on demand, one session
 * at a time, so that a million of them never sit in memory at once.
 */
final class DataSet {

    static final int METRICS_PER_SESSION = 200;
    static final int ITEMS = 1000;
    static final int CONTEXTS = 3;
    static final int SESSIONS_PER_BUILD = 20;
    static final List<String> COMPONENTS = List.of("billing", "catalog", "checkout", "search", "users");
    static final List<String> PIPELINES = List.of("main", "release");

    private static final long SEED = 20_260_101L;
    private static final LocalDateTime FIRST_RUN = LocalDateTime.of(2026, 1, 1, 0, 0);
    // pytest-monitor's own spelling (Python isoformat with microseconds).
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    record Item(int index, String name, String variant, String component, String path, String fsLoc) {
    }

    record Context(String h, String machineNode) {
    }

    record Session(int index, String h, LocalDateTime runDate, String scmRef, String pipeline, String build) {
    }

    private final int metrics;
    private final List<Item> items;
    private final List<Context> contexts;
    private final List<Session> sessions;

    DataSet(int metrics) {
        if (metrics <= 0 || metrics % ITEMS != 0) {
            throw new IllegalArgumentException("metrics must be a positive multiple of " + ITEMS + ": " + metrics);
        }
        this.metrics = metrics;
        this.items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            String component = COMPONENTS.get(i % COMPONENTS.size());
            String module = "test_module_" + (i / 50);
            items.add(new Item(i, String.format("test_case_%03d", i), String.format("test_case_%03d[%d]", i, i % 7),
                    component, "tests." + component + "." + module, "tests/" + component + "/" + module + ".py"));
        }
        // One sequence for the hashes: session s is the same whatever N is.
        var random = new Random(SEED);
        this.contexts = new ArrayList<>(CONTEXTS);
        for (int c = 0; c < CONTEXTS; c++) {
            contexts.add(new Context(hex(random, 32), "ci-runner-" + c));
        }
        int sessionCount = metrics / METRICS_PER_SESSION;
        this.sessions = new ArrayList<>(sessionCount);
        for (int s = 0; s < sessionCount; s++) {
            sessions.add(new Session(s, hex(random, 32), FIRST_RUN.plusMinutes(s), hex(random, 40),
                    PIPELINES.get(s % PIPELINES.size()), String.valueOf(s / SESSIONS_PER_BUILD)));
        }
    }

    int metrics() {
        return metrics;
    }

    List<Item> items() {
        return items;
    }

    List<Context> contexts() {
        return contexts;
    }

    List<Session> sessions() {
        return sessions;
    }

    Item itemOf(int session, int k) {
        return items.get((session * METRICS_PER_SESSION + k) % ITEMS);
    }

    Context contextOf(int session) {
        return contexts.get(session % CONTEXTS);
    }

    String contextJson(Context context) {
        return "{\"h\":\"" + context.h() + "\",\"cpu_count\":8,\"cpu_frequency\":2000.0,\"cpu_type\":\"x86_64\","
                + "\"cpu_vendor\":\"GenuineIntel\",\"ram_total\":16384,\"machine_node\":\"" + context.machineNode()
                + "\",\"machine_type\":\"x86_64\",\"machine_arch\":\"64bit\","
                + "\"system_info\":\"Linux - 6.1.0-18-amd64\",\"python_info\":\"3.11.7\"}";
    }

    String sessionJson(Session session) {
        return "{\"session_h\":\"" + session.h() + "\",\"run_date\":\"" + ISO.format(session.runDate())
                + "\",\"scm_ref\":\"" + session.scmRef() + "\",\"description\":{\"pipeline_branch\":\""
                + session.pipeline() + "\",\"pipeline_build_no\":\"" + session.build()
                + "\",\"__ci__\":\"gitlabci\"}}";
    }

    /** Appends the 200 metrics of session {@code s} to {@code out}, one JSON object per line. */
    void appendMetrics(int s, StringBuilder out) {
        // A seed per session, so chunks render the same whichever upload thread renders them, in any order.
        var random = new Random(mix(SEED + s));
        for (int k = 0; k < METRICS_PER_SESSION; k++) {
            appendMetric(s, k, random, out);
            out.append('\n');
        }
    }

    /**
     * {@code count} single metrics for {@code POST /metrics}: rows of existing sessions and contexts, with values
     * of their own (another seed), so that posting them adds rows like a live pytest-monitor would.
     */
    List<String> extraMetrics(int count) {
        var random = new Random(mix(~SEED));
        var bodies = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            var out = new StringBuilder(512);
            appendMetric(random.nextInt(sessions.size()), random.nextInt(METRICS_PER_SESSION), random, out);
            bodies.add(out.toString());
        }
        return bodies;
    }

    private void appendMetric(int s, int k, Random random, StringBuilder out) {
        Session session = sessions.get(s);
        Item item = itemOf(s, k);
        double total = 0.01 + random.nextDouble() * 4.99;
        double user = total * random.nextDouble();
        double kernel = (total - user) * 0.2 * random.nextDouble();
        double cpu = random.nextDouble();
        double memory = 5 + random.nextDouble() * 495;
        out.append("{\"session_h\":\"").append(session.h())
                .append("\",\"context_h\":\"").append(contextOf(s).h())
                .append("\",\"item_start_time\":\"").append(ISO.format(session.runDate().plusSeconds(k)))
                .append("\",\"item_path\":\"").append(item.path())
                .append("\",\"item\":\"").append(item.name())
                .append("\",\"item_variant\":\"").append(item.variant())
                .append("\",\"item_fs_loc\":\"").append(item.fsLoc())
                .append("\",\"kind\":\"function\",\"component\":\"").append(item.component())
                .append("\",\"total_time\":").append(total)
                .append(",\"user_time\":").append(user)
                .append(",\"kernel_time\":").append(kernel)
                .append(",\"cpu_usage\":").append(cpu)
                .append(",\"mem_usage\":").append(memory)
                .append('}');
    }

    /** {@code digits} random lower-case hex digits (md5- or git-like hashes). */
    private static String hex(Random random, int digits) {
        var out = new StringBuilder(digits + 16);
        while (out.length() < digits) {
            String word = Long.toHexString(random.nextLong());
            out.append("0".repeat(16 - word.length())).append(word);
        }
        return out.substring(0, digits);
    }

    // Stafford's mix13 (SplittableRandom's finaliser): neighbouring seeds give unrelated Random sequences.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
