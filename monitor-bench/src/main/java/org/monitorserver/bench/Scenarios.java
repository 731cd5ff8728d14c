package org.monitorserver.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The scenarios, in report order, and their requests, built from the data set. Every path names data that
 * exists: a benchmark of 404s measures nothing (but the stack's ceiling, whose 404 is the point). Read scenarios
 * sample 100 sessions, 100 items and 100 builds, so that caches do not make them trivial, and give each route of a
 * scenario the same share of the requests.
 */
final class Scenarios {

    /** An unknown route under /api/v1: a JSON 404 without the database, what the stack costs by itself. */
    static final String CEILING = "stack ceiling (404)";
    static final String SINGLE_POST = "single POST";
    /** pytest-monitor's load: {@value #PYTEST_CLIENTS} clients, a new connection per POST. */
    static final String PYTEST_SHAPED = "pytest-shaped POST";
    static final String BULK_INGEST = "bulk ingest";
    /** The bulk rows from a CSV by psql's {@code \copy}, into two copies of table {@code metric}. */
    static final String COPY = "COPY";
    static final String COPY_LIKE = COPY + ": into bench_copy_like (every index, rows/s)";
    static final String COPY_BARE = COPY + ": into bench_copy_bare (primary key only, rows/s)";
    /** Not a load of the generator: {@link ImportComparison}, on a database of its own. */
    static final String IMPORT_VS_BULK = "import vs bulk";
    /** Not a load of the N-metric data set: two server starts on a database of its own ({@link AuthComparison}). */
    static final String AUTH_ON_VS_OFF = "auth on vs off";
    /**
     * Not a load of the N-metric data set: a day of resource-tracker samples finished inline and from S3Proxy, on a
     * database of its own ({@link RunFinishTiming}).
     */
    static final String RUN_FINISH = "run finish";
    static final String COUNTS = "counts";
    static final String SESSION_METRICS = "session metrics page 1";
    static final String LAST_PAGE = "last page of /metrics/";
    static final String DEEP_PAGES = "pages across the listings";
    static final String DETAILS = "details by prefix";
    static final String ITEM_VARIANT = "item and variant metrics";
    static final String LIKE = "like";
    static final String COMPONENTS = "components";
    static final String PIPELINES = "pipelines and builds";
    static final String RESOURCES = "resources head and tail";
    static final String SCM = "SCM filters";
    static final String MIXED = "mixed reads";
    /**
     * Comparisons of a build with the one before it in its pipeline (64 builds of history each), and item histories
     * across a pipeline's builds; not in {@value #MIXED}, whose figures stay comparable with earlier runs.
     */
    static final String VERDICTS = "verdicts";
    static final String NODE_USAGE = "node usage";
    /** A pass over every read scenario right after the load, before any ANALYZE; rows "<pass>: <scenario>". */
    static final String AFTER_LOAD = "reads right after the load";
    /** A pass over every read scenario with {@value #POST_CONNECTIONS} single-POST writers in the background. */
    static final String UNDER_WRITERS = "reads under " + Scenarios.POST_CONNECTIONS + " writers";
    static final List<String> NAMES = List.of(CEILING, SINGLE_POST, PYTEST_SHAPED, BULK_INGEST, COPY, IMPORT_VS_BULK,
            AUTH_ON_VS_OFF, RUN_FINISH, COUNTS, SESSION_METRICS, LAST_PAGE, DEEP_PAGES, DETAILS, ITEM_VARIANT, LIKE,
            COMPONENTS, PIPELINES, RESOURCES, SCM, MIXED, VERDICTS, NODE_USAGE, AFTER_LOAD, UNDER_WRITERS);
    /** Report rows named {@code "<name>: <detail>"}, kept under that name's place in {@link #NAMES}. */
    static final List<String> GROUPS = List.of(COPY, IMPORT_VS_BULK, AUTH_ON_VS_OFF, RUN_FINISH, AFTER_LOAD,
            UNDER_WRITERS);
    /** The scenarios that run after the others, each on a database of its own, without the N-metric data set. */
    static final List<String> OWN_DATABASE = List.of(IMPORT_VS_BULK, AUTH_ON_VS_OFF, RUN_FINISH);

    static final int READ_CONNECTIONS = 8;
    static final int POST_CONNECTIONS = 16;
    static final int PYTEST_CLIENTS = 64;
    static final int POST_BODIES = 1000;
    static final int SAMPLE = 100;
    /** The server's default page size (the benchmark starts it with this value). */
    static final int PAGE_SIZE = 500;
    static final List<String> RESOURCE_NAMES = List.of("memory", "cpu", "kernel_time", "user_time", "total_time");

    private static final String API = "/api/v1";
    private static final long SEED = 42L;

    private final DataSet data;
    private final String host;
    private final List<DataSet.Session> sessions;
    private final List<DataSet.Item> items;
    private final List<String[]> builds;
    private final List<String> postBodies;

    /** Requests for the server at {@code host} ({@code 127.0.0.1:port}, the Host header). */
    Scenarios(DataSet data, String host) {
        this.data = data;
        this.host = host;
        var random = new Random(SEED);
        this.sessions = sample(data.sessions(), random);
        this.items = sample(data.items(), random);
        var allBuilds = new LinkedHashSet<List<String>>();
        for (DataSet.Session session : data.sessions()) {
            allBuilds.add(List.of(session.pipeline(), session.build()));
        }
        this.builds = sample(new ArrayList<>(allBuilds), random).stream()
                .map(b -> new String[] {b.get(0), b.get(1)}).toList();
        this.postBodies = data.extraMetrics(POST_BODIES);
    }

    /** {@value #CEILING}: 16 keep-alive connections, each answer a 404. */
    Scenario ceiling() {
        return new Scenario(CEILING, POST_CONNECTIONS, List.of(Request.get(host, API + "/bench-ceiling-404")),
                LoadGenerator.Expected.NOT_FOUND, LoadGenerator.Connections.KEEP_ALIVE);
    }

    /** {@value #SINGLE_POST}: 16 keep-alive connections, each answer a 201; the writers of {@value #UNDER_WRITERS}. */
    Scenario singlePost() {
        return new Scenario(SINGLE_POST, POST_CONNECTIONS, posts(), LoadGenerator.Expected.CREATED,
                LoadGenerator.Connections.KEEP_ALIVE);
    }

    /**
     * {@value #PYTEST_SHAPED}: the single POSTs as pytest-monitor sends them, {@code requests.post} per metric
     * (connect, one request, the answer, close), from {@value #PYTEST_CLIENTS} clients; each answer a 201.
     */
    Scenario pytestShaped() {
        return new Scenario(PYTEST_SHAPED, PYTEST_CLIENTS, posts(), LoadGenerator.Expected.CREATED,
                LoadGenerator.Connections.ONE_PER_REQUEST);
    }

    /** Every read scenario, {@value #COUNTS} to {@value #MIXED}, for a server holding {@code metricCount} metrics. */
    List<Scenario> reads(long metricCount) {
        var scenarios = new ArrayList<Scenario>();
        scenarios.add(read(COUNTS, routes(
                List.of(API + "/metrics/count"),
                List.of(API + "/sessions/count"),
                List.of(API + "/contexts/count"),
                map(sessions, s -> API + "/sessions/" + s.h() + "/metrics/count"),
                map(items, i -> API + "/items/" + segment(i.name()) + "/metrics/count"),
                map(items, i -> API + "/variants/" + segment(i.variant()) + "/metrics/count"),
                map(sessions, s -> API + "/filters/scm/" + s.scmRef().substring(0, 6) + "/metrics/count"),
                List.of(API + "/components/count"))));
        scenarios.add(read(SESSION_METRICS, map(sessions, s -> API + "/sessions/" + s.h() + "/metrics?page=1")));
        scenarios.add(read(LAST_PAGE, List.of(API + "/metrics/?page=" + lastPage(metricCount))));
        // Contexts hold a third of the metrics each, components a fifth; every metric has the scope "function".
        // Their pages are taken up to 95% of that share, so that each page exists.
        scenarios.add(read(DEEP_PAGES, routes(
                map(spread(lastPage(metricCount)), p -> API + "/metrics/?page=" + p),
                map(spread(lastPage(metricCount * 95 / 100 / DataSet.CONTEXTS)), p -> API + "/contexts/"
                        + data.contexts().get((int) (p % DataSet.CONTEXTS)).h() + "/metrics?page=" + p),
                map(spread(lastPage(metricCount * 95 / 100 / DataSet.COMPONENTS.size())), p -> API + "/components/"
                        + DataSet.COMPONENTS.get((int) (p % DataSet.COMPONENTS.size())) + "/metrics?page=" + p),
                map(spread(lastPage(metricCount)), p -> API + "/filters/scope/function/metrics?page=" + p))));
        scenarios.add(read(DETAILS, routes(
                map(sessions, s -> API + "/sessions/" + s.h().substring(0, 8)),
                map(data.contexts(), c -> API + "/contexts/" + c.h().substring(0, 8)),
                map(DataSet.COMPONENTS, c -> API + "/components/" + c.substring(0, 3)))));
        scenarios.add(read(ITEM_VARIANT, routes(
                map(items, i -> API + "/items/" + segment(i.name()) + "/metrics?page=1"),
                map(items, i -> API + "/variants/" + segment(i.variant()) + "/metrics?page=1"),
                map(items, i -> API + "/components/" + i.component() + "/items/" + segment(i.name())
                        + "/metrics?page=1"))));
        scenarios.add(read(LIKE, routes(
                map(likePatterns(), p -> API + "/items/like/" + segment(p) + "/metrics?page=1"),
                map(likePatterns(), p -> API + "/variants/like/" + segment(p)))));
        scenarios.add(read(COMPONENTS, routes(
                List.of(API + "/components"),
                map(DataSet.COMPONENTS, c -> API + "/components/" + c + "/metrics?page=1"),
                // The empty component: none in this data set, so an empty listing (204), still a query.
                List.of(API + "/components/metrics?page=1"))));
        var componentPipelines = new ArrayList<String>();
        for (String component : DataSet.COMPONENTS) {
            for (String pipeline : DataSet.PIPELINES) {
                componentPipelines.add(API + "/components/" + component + "/pipelines/" + pipeline + "/builds");
            }
        }
        scenarios.add(read(PIPELINES, routes(
                List.of(API + "/pipelines"),
                map(DataSet.PIPELINES, p -> API + "/pipelines/" + p + "/builds"),
                map(builds, b -> API + "/pipelines/" + b[0] + "/builds/" + b[1] + "/sessions"),
                map(DataSet.COMPONENTS, c -> API + "/components/" + c + "/pipelines"),
                componentPipelines)));
        var head = new ArrayList<String>();
        var tail = new ArrayList<String>();
        var byComponent = new ArrayList<String>();
        var byPipeline = new ArrayList<String>();
        var byBuild = new ArrayList<String>();
        for (String resource : RESOURCE_NAMES) {
            String base = API + "/resources/" + resource;
            head.add(base + "/head/metrics");
            tail.add(base + "/tail/10/metrics");
            DataSet.COMPONENTS.forEach(c -> byComponent.add(base + "/components/" + c + "/head/metrics"));
            DataSet.PIPELINES.forEach(p -> byPipeline.add(base + "/pipelines/" + p + "/tail/metrics"));
            builds.stream().limit(SAMPLE / RESOURCE_NAMES.size())
                    .forEach(b -> byBuild.add(base + "/pipelines/" + b[0] + "/builds/" + b[1] + "/head/metrics"));
        }
        scenarios.add(read(RESOURCES, routes(head, tail, byComponent, byPipeline, byBuild)));
        // Prefixes of 6 to 8 characters: short commit hashes as people type them.
        var prefixes = new ArrayList<String>();
        for (int i = 0; i < sessions.size(); i++) {
            prefixes.add(sessions.get(i).scmRef().substring(0, 6 + i % 3));
        }
        scenarios.add(read(SCM, routes(
                map(prefixes, p -> API + "/filters/scm/" + p + "/metrics?page=1"),
                map(prefixes, p -> API + "/filters/scm/" + p + "/sessions"),
                map(prefixes, p -> API + "/filters/scm/" + p + "/metrics/count"))));

        var mixed = new ArrayList<Request>();
        scenarios.forEach(s -> mixed.addAll(s.requests()));
        Collections.shuffle(mixed, new Random(SEED));
        scenarios.add(new Scenario(MIXED, READ_CONNECTIONS, List.copyOf(mixed)));

        var compares = new ArrayList<String>();
        for (String[] build : builds) {
            int number = Integer.parseInt(build[1]);
            if (number > 0) {
                compares.add(API + "/compare?baseline_pipeline=" + build[0] + "&baseline_build=" + (number - 1)
                        + "&contender_pipeline=" + build[0] + "&contender_build=" + number + "&resource=memory");
            }
        }
        scenarios.add(read(VERDICTS, routes(compares.isEmpty() ? List.of(API + "/compare?baseline_session="
                + sessions.get(0).h() + "&contender_session=" + sessions.get(0).h()) : compares,
                map(items, i -> API + "/items/" + segment(i.name()) + "/history?resource=memory&pipeline="
                        + DataSet.PIPELINES.get(i.index() % DataSet.PIPELINES.size())))));
        return scenarios;
    }

    /**
     * {@value #NODE_USAGE}: the admin metric {@code /metrics/nodes/usage} with the superadmin's {@code adminKey}
     * (Bearer; the route needs an admin key also with authentication off), in equal shares: the whole data from its
     * earliest span to now, each {@code groupby} over the data set's days, the superadmin's {@code tenant=default},
     * and {@code user=} (no session of the data set has a sender: the join path, answering zeros).
     */
    Scenario nodeUsage(String adminKey) {
        long[] days = dataDays();
        String window = "start=" + days[0] + "&end=" + days[1];
        String base = API + "/metrics/nodes/usage";
        List<String> paths = List.of(base, base + "?groupby=hour&" + window, base + "?groupby=day&" + window,
                base + "?groupby=week&" + window, base + "?groupby=month&" + window,
                base + "?tenant=default&groupby=day&" + window, base + "?user=ci&groupby=day&" + window);
        return new Scenario(NODE_USAGE, READ_CONNECTIONS, map(paths, path -> Request.get(host, path)))
                .withHeader("Authorization", AuthComparison.bearer(adminKey));
    }

    /**
     * The whole UTC days that hold the data set's metrics, as epoch seconds {@code [start, end)}: from the first
     * session's day to the day after the last session's last metric.
     */
    long[] dataDays() {
        List<DataSet.Session> all = data.sessions();
        LocalDate first = all.get(0).runDate().toLocalDate();
        LocalDate last = all.get(all.size() - 1).runDate().plusSeconds(DataSet.METRICS_PER_SESSION).toLocalDate();
        return new long[] {first.toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC),
                last.plusDays(1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC)};
    }

    /** The unreported warm-up: every read of {@link #reads} and the POSTs of {@link #singlePost}, shuffled. */
    Scenario warmup(long metricCount) {
        var requests = new ArrayList<Request>();
        requests.addAll(reads(metricCount).stream().filter(s -> s.name().equals(MIXED)).findFirst().orElseThrow()
                .requests());
        requests.addAll(posts());
        Collections.shuffle(requests, new Random(SEED + 1));
        return new Scenario("warm-up", READ_CONNECTIONS, List.copyOf(requests));
    }

    /** The last page of {@code GET /metrics} at the server's page size. */
    static long lastPage(long metricCount) {
        return Math.max(1, (metricCount + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** {@value #SAMPLE} page numbers spread evenly from the first page to {@code last}, both included. */
    static List<Long> spread(long last) {
        var pages = new ArrayList<Long>(SAMPLE);
        for (int i = 0; i < SAMPLE; i++) {
            pages.add(1 + (last - 1) * i / (SAMPLE - 1));
        }
        return pages;
    }

    /**
     * Substrings of item and variant names (the server matches them literally, not as SQL patterns): one digit
     * after {@code test_case_} matches a tenth of the items, two digits a hundredth.
     */
    private static List<String> likePatterns() {
        var patterns = new ArrayList<String>();
        for (int d = 0; d < 10; d++) {
            patterns.add("test_case_" + d);
            patterns.add("test_case_" + d + ((d * 7 + 3) % 10));
        }
        return patterns;
    }

    private List<Request> posts() {
        return map(postBodies, body -> Request.postJson(host, API + "/metrics/", body));
    }

    private Scenario read(String name, List<String> paths) {
        return new Scenario(name, READ_CONNECTIONS, map(paths, path -> Request.get(host, path)));
    }

    /**
     * The paths of several routes, interleaved so that each route has the same share whatever its number of
     * distinct values: a route with fewer values repeats them.
     */
    @SafeVarargs
    static List<String> routes(List<String>... routes) {
        int longest = Stream.of(routes).mapToInt(List::size).max().orElse(0);
        var paths = new ArrayList<String>(longest * routes.length);
        for (int i = 0; i < longest; i++) {
            for (List<String> route : routes) {
                paths.add(route.get(i % route.size()));
            }
        }
        return paths;
    }

    /** {@code text} as one path segment: everything but unreserved characters percent-encoded ({@code [} too). */
    static String segment(String text) {
        var out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static <T> List<T> sample(List<T> all, Random random) {
        var copy = new ArrayList<>(all);
        Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(SAMPLE, copy.size())));
    }

    private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
        return list.stream().map(f).toList();
    }
}
