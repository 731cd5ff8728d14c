package org.monitorserver.bench;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.monitorserver.api.SessionJson;

/**
 * The "auth on vs off" scenario's parts that need no server start: the superadmin key, the tenant, user and key
 * made through the admin routes, the two measured workloads over a data set of {@link ImportComparison}'s shape,
 * and the closing note. {@link Benchmark} starts the server once with {@code MONITOR_SERVER_AUTH=on} and once
 * with {@code off} on the same database and measures both workloads in each mode, with the server JVM's CPU per
 * request ({@link ServerCpu}). Issue 10's goal: authentication adds at most 10% of server CPU per request.
 */
final class AuthComparison {

    static final String TENANT = "bench";
    static final String USER = "ci";
    /** A third seed: the data set's hashes are neither of the import comparison's. */
    static final long SEED = 9_003L;
    static final String SINGLE_POST = "single POST";
    static final String READS = "reads";
    /** Server CPU per request with authentication on, at most this times the figure with it off. */
    static final double GOAL = 1.10;

    private static final String ADMIN_TENANTS = "/api/v1/admin/tenants";
    private static final String API = "/api/v1";
    private static final Jsonb JSONB = JsonbBuilder.create();

    private AuthComparison() {
    }

    /** A superadmin key: 32 random bytes in unpadded base64url, 43 characters (the server wants at least 22). */
    static String generateKey(Random random) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A fresh superadmin key from a {@link SecureRandom}. */
    static String generateKey() {
        return generateKey(new SecureRandom());
    }

    /** The {@code Authorization} header's value for {@code key}. */
    static String bearer(String key) {
        return "Bearer " + key;
    }

    /**
     * Creates tenant {@value #TENANT}, its user {@value #USER} and a key of that user through the admin routes of
     * {@code admin} (an {@link Api} with the superadmin key), and answers the key. Each must answer 201.
     */
    static String createUserKey(Api admin) throws IOException, InterruptedException {
        created(admin, ADMIN_TENANTS, "{\"name\":\"" + TENANT + "\"}");
        String users = ADMIN_TENANTS + "/" + TENANT + "/users";
        created(admin, users, "{\"name\":\"" + USER + "\"}");
        String keys = users + "/" + USER + "/keys";
        String key = ImportComparison.text(ImportComparison.object(created(admin, keys, ""), keys), "key");
        if (key == null || key.isBlank()) {
            throw new BenchmarkException("POST " + keys + " answered 201 without a key");
        }
        return key;
    }

    /**
     * Fails unless the server runs in the mode asked for: without credentials, {@code /metrics/count} answers 401
     * with authentication on and 200 with it off (the server ignores a value it does not receive).
     */
    static void checkMode(Api anonymous, boolean on) throws IOException, InterruptedException {
        String path = API + "/metrics/count";
        int status = anonymous.get(path, Duration.ofMinutes(1)).status();
        if (status != (on ? 401 : 200)) {
            throw new BenchmarkException("auth on vs off: with MONITOR_SERVER_AUTH=" + (on ? "on" : "off")
                    + ", GET " + path + " without credentials answered " + status + ", not " + (on ? 401 : 200));
        }
    }

    /**
     * The two measured workloads over {@code rows} for the server at {@code host}: {@value #SINGLE_POST} (16
     * connections, 1,000 of the data set's metrics posted again, as {@link Scenarios#singlePost} posts rows of
     * existing sessions) and {@value #READS} (8 connections; the session listing page 1, a session's metrics page
     * 1, {@code /metrics/count} and the resources' head rankings, each route an equal share).
     */
    static List<Scenario> workloads(ImportComparison.Rows rows, String host) {
        var posts = new ArrayList<Request>(Scenarios.POST_BODIES);
        int step = Math.max(1, rows.metrics().size() / Scenarios.POST_BODIES);
        for (int i = 0; i < rows.metrics().size() && posts.size() < Scenarios.POST_BODIES; i += step) {
            posts.add(Request.postJson(host, API + "/metrics/", JSONB.toJson(rows.metrics().get(i))));
        }
        List<String> paths = Scenarios.routes(
                List.of(API + "/sessions?page=1"),
                rows.sessions().stream().map(SessionJson::sessionH).map(h -> API + "/sessions/" + h
                        + "/metrics?page=1").toList(),
                List.of(API + "/metrics/count"),
                Scenarios.RESOURCE_NAMES.stream().map(r -> API + "/resources/" + r + "/head/metrics").toList());
        return List.of(new Scenario(SINGLE_POST, Scenarios.POST_CONNECTIONS, List.copyOf(posts)),
                new Scenario(READS, Scenarios.READ_CONNECTIONS, paths.stream().map(p -> Request.get(host, p))
                        .toList()));
    }

    /** The unreported warm-up of one mode: every request of {@code workloads}, shuffled, at 8 connections. */
    static Scenario warmup(List<Scenario> workloads) {
        var requests = new ArrayList<Request>();
        workloads.forEach(w -> requests.addAll(w.requests()));
        Collections.shuffle(requests, new Random(SEED));
        return new Scenario("warm-up", Scenarios.READ_CONNECTIONS, List.copyOf(requests));
    }

    /**
     * The order of the server starts, "on" true: on, off, off, on. Each mode runs twice, once early and once late,
     * so what drifts over a run (the table's growth, the machine's caches and neighbours) weighs on both modes
     * alike instead of on the mode that runs second.
     */
    static final List<Boolean> ROUNDS = List.of(true, false, false, true);

    /**
     * Slices per workload and server start: each workload is measured in this many slices of a quarter of
     * {@code --duration}, so twice {@code --duration} in all. An "off" start alternates without and with the key
     * slice by slice, ABBA, so that the JIT's warming and the tables' growth weigh on both alike; an "on" start
     * measures the same slices, all with the key.
     */
    static final int SLICES = 8;

    /** Whether slice {@code slice} (from 0) of an "off" start presents the key: A B B A A B B A, A the first. */
    static boolean slicePresentsKey(int slice, boolean keyFirst) {
        int inFour = slice % 4;
        return (inFour == 0 || inFour == 3) == keyFirst;
    }

    /** A slice's length: a quarter of {@code durationSeconds}, at least a second. */
    static int sliceSeconds(int durationSeconds) {
        return Math.max(1, durationSeconds / 4);
    }

    /**
     * One row for {@code slices} (their {@code requests} in the same order) under {@code name}: the mean of their
     * rates (the slices are equally long), their median p50 and largest p99, their errors, the largest RSS (or -1
     * if none was read), and their CPU over their requests.
     */
    static Result pooled(String name, List<Result> slices, List<Long> requests) {
        if (slices.isEmpty() || slices.size() != requests.size()) {
            throw new IllegalArgumentException("one request count per slice, and at least one slice");
        }
        double[] p50s = slices.stream().mapToDouble(Result::p50Millis).sorted().toArray();
        double p50 = p50s.length % 2 == 1 ? p50s[p50s.length / 2]
                : (p50s[p50s.length / 2 - 1] + p50s[p50s.length / 2]) / 2;
        double cpu = 0;
        long answered = 0;
        for (int i = 0; i < slices.size(); i++) {
            cpu += slices.get(i).serverCpuMicros() * requests.get(i);
            answered += requests.get(i);
        }
        return new Result(name, slices.get(0).connections(),
                slices.stream().mapToDouble(Result::requestsPerSecond).average().orElseThrow(), p50,
                slices.stream().mapToDouble(Result::p99Millis).max().orElseThrow(),
                slices.stream().mapToLong(Result::errors).sum(),
                slices.stream().mapToLong(Result::maxRssMegabytes).max().orElseThrow(),
                answered == 0 ? Double.NaN : cpu / answered);
    }

    /** One workload measured in one round: the server's CPU per request, the requests answered, the neighbours. */
    record Round(boolean on, String workload, double cpuMicros, long requests, double otherCores) {
    }

    /**
     * Each workload's {@link Pair}, from every round of it: CPU per request is the rounds' CPU over their requests
     * (NaN when a round has none), other processes the mean of the rounds' cores.
     */
    static List<Pair> pairs(List<String> workloads, List<Round> rounds) {
        return workloads.stream().map(w -> new Pair(w, pooledMicros(rounds, w, true), pooledMicros(rounds, w, false),
                meanCores(rounds, w, true), meanCores(rounds, w, false))).toList();
    }

    /**
     * Each workload's server CPU per request with the key ({@code keyed}, the "off" starts' rounds that presented
     * the user's key) against without it (the "off" rounds of {@code rounds}), as {@link Pair}s whose "on" side is
     * the keyed one.
     */
    static List<Pair> keyPairs(List<String> workloads, List<Round> rounds, List<Round> keyed) {
        var both = new ArrayList<Round>();
        keyed.forEach(r -> both.add(new Round(true, r.workload(), r.cpuMicros(), r.requests(), r.otherCores())));
        rounds.stream().filter(r -> !r.on()).forEach(both::add);
        return pairs(workloads, both);
    }

    private static double pooledMicros(List<Round> rounds, String workload, boolean on) {
        double cpu = 0;
        long requests = 0;
        for (Round r : rounds) {
            if (r.on() == on && r.workload().equals(workload)) {
                cpu += r.cpuMicros() * r.requests();
                requests += r.requests();
            }
        }
        return requests == 0 ? Double.NaN : cpu / requests;
    }

    private static double meanCores(List<Round> rounds, String workload, boolean on) {
        return rounds.stream().filter(r -> r.on() == on && r.workload().equals(workload))
                .mapToDouble(Round::otherCores).average().orElse(Double.NaN);
    }

    /**
     * One workload's server CPU per request in both modes, in µs (NaN when not measured), and the cores other
     * processes kept busy during each (NaN when unknown).
     */
    record Pair(String workload, double onMicros, double offMicros, double onOtherCores, double offOtherCores) {

        double ratio() {
            return onMicros / offMicros;
        }

        /** "single POST 1,812 / 1,700 µs = 1.07 (other processes 0.2 / 0.9 cores)". */
        String describe() {
            return String.format(Locale.ROOT, "%s %,.0f / %,.0f µs = %.2f (other processes %.1f / %.1f cores)",
                    workload, onMicros, offMicros, ratio(), onOtherCores, offOtherCores);
        }
    }

    /**
     * The closing note: the data set, each workload's CPU per request on / off and their ratio, and whether every
     * ratio meets the goal ({@value #GOAL}); "not measured" when a figure is missing.
     */
    static String note(int metrics, String database, List<Pair> pairs) {
        String shape = String.format(Locale.ROOT, "auth on vs off: %,d metrics (%d sessions, %d contexts) per mode "
                + "in database %s, on: tenant %s with a user's key (Bearer), off: tenant default without "
                + "credentials; server JVM CPU per request on / off: ", metrics, ImportComparison.SESSIONS,
                ImportComparison.CONTEXTS, database, TENANT);
        return shape + verdict(pairs);
    }

    /**
     * The second note: the credential check's cost within one JVM, each workload's CPU per request with the key /
     * without it on the "off" starts, and whether every ratio meets the goal ({@value #GOAL}).
     */
    static String keyNote(List<Pair> pairs) {
        String shape = "auth on vs off, the credential check within one JVM (the two \"off\" starts, each workload "
                + "with the user's key, which an \"off\" server verifies too, and without, in both orders): server "
                + "JVM CPU per request with / without: ";
        return shape + verdict(pairs);
    }

    /** Each pair's figures and whether every ratio meets {@value #GOAL}; "not measured" when a figure is missing. */
    private static String verdict(List<Pair> pairs) {
        if (pairs.isEmpty() || pairs.stream().anyMatch(p -> Double.isNaN(p.ratio()))) {
            return "not measured (the server's java process or its CPU time was not found).";
        }
        boolean met = pairs.stream().allMatch(p -> p.ratio() <= GOAL);
        return String.join(", ", pairs.stream().map(Pair::describe).toList())
                + String.format(Locale.ROOT, " (goal ≤ %.2f: %s).", GOAL, met ? "met" : "missed");
    }

    private static Api.Answer created(Api admin, String path, String json) throws IOException, InterruptedException {
        Api.Answer answer = admin.post(path, "application/json", json.getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(1));
        if (answer.status() != 201) {
            throw new BenchmarkException("auth on vs off: POST " + path + " answered " + answer.status() + ": "
                    + Api.shorten(answer.body()));
        }
        return answer;
    }
}
