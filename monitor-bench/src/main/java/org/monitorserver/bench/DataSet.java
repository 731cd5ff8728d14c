package org.monitorserver.bench;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;

/**
 * The data set for N metrics, the same on every run (seeded), so that {@code --reuse} finds the hashes it
 * expects: N/200 sessions of 200 metrics each, 3 contexts, 1000 items in 5 components, and 2 pipelines whose builds
 * hold 5 sessions each (builds numbered by tens of sessions, alternating pipelines), so that at a million metrics
 * each pipeline has 500 builds and each item one run in every build of each pipeline: the 500-build histories of
 * the verdicts scenario. Item k of session s is item {@code (s * 200 + k) % 1000}, so each item
 * has N/1000 metrics. Sessions, contexts and items are kept in memory; metrics are rendered on demand, one session
 * at a time, so that a million of them never sit in memory at once. Rows are the API's records ({@link ContextJson},
 * {@link MetricJson}) written by JSON-B; sessions go in the submission form (tags as a {@code description} object),
 * which has no record.
 */
final class DataSet {

    static final int METRICS_PER_SESSION = 200;
    static final int ITEMS = 1000;
    static final int CONTEXTS = 3;
    /** Sessions per build number, of both pipelines together. */
    static final int SESSIONS_PER_BUILD = 10;
    static final List<String> COMPONENTS = List.of("billing", "catalog", "checkout", "search", "users");
    static final List<String> PIPELINES = List.of("main", "release");

    private static final long SEED = 20_260_101L;
    private static final LocalDateTime FIRST_RUN = LocalDateTime.of(2026, 1, 1, 0, 0);
    // pytest-monitor's own spelling (Python isoformat with microseconds).
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final Jsonb JSONB = JsonbBuilder.create();

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
        this.items = items(ITEMS);
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

    /** The test items {@code 0} to {@code count - 1}: 50 per module, spread round-robin over the components. */
    static List<Item> items(int count) {
        var items = new ArrayList<Item>(count);
        for (int i = 0; i < count; i++) {
            String component = COMPONENTS.get(i % COMPONENTS.size());
            String module = "test_module_" + (i / 50);
            items.add(new Item(i, String.format("test_case_%03d", i), String.format("test_case_%03d[%d]", i, i % 7),
                    component, "tests." + component + "." + module, "tests/" + component + "/" + module + ".py"));
        }
        return List.copyOf(items);
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

    /** The context as the API answers it; the server takes that shape as a submission (it ignores context_h). */
    static ContextJson contextRecord(String h, String machineNode) {
        return new ContextJson(h, h, 8, 2000.0, "x86_64", "GenuineIntel", 16384, machineNode, "x86_64", "64bit",
                "Linux - 6.1.0-18-amd64", "3.11.7");
    }

    String contextJson(Context context) {
        return JSONB.toJson(contextRecord(context.h(), context.machineNode()));
    }

    String sessionJson(Session session) {
        return sessionSubmission(session.h(), ISO.format(session.runDate()), session.scmRef(),
                ciTags(session.pipeline(), session.build()));
    }

    /** The CI tags of a session of {@code pipeline}'s {@code build} as pytest-monitor adds them on GitLab CI. */
    static Map<String, String> ciTags(String pipeline, String build) {
        var tags = new LinkedHashMap<String, String>();
        tags.put("pipeline_branch", pipeline);
        tags.put("pipeline_build_no", build);
        tags.put("__ci__", "gitlabci");
        return tags;
    }

    /** A session in the submission form: {@code description} is an object of tags, as pytest-monitor posts it. */
    static String sessionSubmission(String h, String runDate, String scmRef, Map<String, String> tags) {
        var body = new LinkedHashMap<String, Object>();
        body.put("session_h", h);
        body.put("run_date", runDate);
        body.put("scm_ref", scmRef);
        body.put("description", tags);
        return JSONB.toJson(body);
    }

    /** Appends the 200 metrics of session {@code s} to {@code out}, one JSON object per line. */
    void appendMetrics(int s, StringBuilder out) {
        metrics(s).forEach(metric -> out.append(JSONB.toJson(metric)).append('\n'));
    }

    /** The 200 metrics of session {@code s}. */
    List<MetricJson> metrics(int s) {
        // A seed per session, so chunks render the same whichever upload thread renders them, in any order.
        var random = new Random(mix(SEED + s));
        var rows = new ArrayList<MetricJson>(METRICS_PER_SESSION);
        for (int k = 0; k < METRICS_PER_SESSION; k++) {
            rows.add(metric(s, k, random));
        }
        return rows;
    }

    /**
     * {@code count} single metrics for {@code POST /metrics}: rows of existing sessions and contexts, with values
     * of their own (another seed), so that posting them adds rows like a live pytest-monitor would.
     */
    List<String> extraMetrics(int count) {
        var random = new Random(mix(~SEED));
        var bodies = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(JSONB.toJson(metric(random.nextInt(sessions.size()), random.nextInt(METRICS_PER_SESSION),
                    random)));
        }
        return bodies;
    }

    private MetricJson metric(int s, int k, Random random) {
        Session session = sessions.get(s);
        return metric(session.h(), contextOf(s).h(), ISO.format(session.runDate().plusSeconds(k)), itemOf(s, k),
                random);
    }

    /** A function-level metric of {@code item} with plausible random figures: {@code cpu_usage} below 1. */
    static MetricJson metric(String sessionH, String contextH, String startTime, Item item, Random random) {
        double total = 0.01 + random.nextDouble() * 4.99;
        double user = total * random.nextDouble();
        double kernel = (total - user) * 0.2 * random.nextDouble();
        double cpu = random.nextDouble();
        double memory = 5 + random.nextDouble() * 495;
        return new MetricJson(sessionH, contextH, startTime, item.path(), item.name(), item.variant(), item.fsLoc(),
                "function", item.component(), total, user, kernel, cpu, memory);
    }

    /** {@code time} in pytest-monitor's spelling (Python's isoformat with microseconds). */
    static String iso(LocalDateTime time) {
        return ISO.format(time);
    }

    /** {@code digits} random lower-case hex digits (md5- or git-like hashes). */
    static String hex(Random random, int digits) {
        var out = new StringBuilder(digits + 16);
        while (out.length() < digits) {
            String word = Long.toHexString(random.nextLong());
            out.append("0".repeat(16 - word.length())).append(word);
        }
        return out.substring(0, digits);
    }

    // Stafford's mix13 (SplittableRandom's finaliser): neighbouring seeds give unrelated Random sequences.
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
