package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.monitorserver.it.Keys.TestTenant;

/**
 * Two servers on one database behind a real load balancer (issue 13, point 4): two server processes of the test's
 * own ({@link ServerProcess}, authentication on) share a new PostgreSQL database, and nginx balances between them.
 * Clients write through nginx and to both servers directly at once: every answer is 201, and both servers count
 * exactly what was written. A key revoked on one server stops working on the other within 5 s (the verified-key
 * cache). A rolling restart of both behind nginx while clients write loses nothing and answers nothing but 201.
 */
class TwoServersIT extends ApiTestSupport {

    private static final int BALANCER_PORT = 8599;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twoServersBehindNginxCountExactlyRevokeKeysAndSurviveARollingRestart() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "needs the PostgreSQL run");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "needs nginx (.ci/run installs it)");
        String database = ServerProcess.newDatabase("two");
        Path target = Path.of(System.getProperty("it.ear")).getParent();
        Map<String, String> environment = ServerProcess.environment(database, target.resolve("two-data"),
                Map.of("MONITOR_SERVER_AUTH", "on"));
        Path balancerHome = target.resolve("two-nginx");
        try (var a = new ServerProcess(target.resolve("two-server-a"), 310, environment);
                var b = new ServerProcess(target.resolve("two-server-b"), 320, environment);
                Client client = ClientBuilder.newClient()) {
            a.start();
            b.start();
            Process nginx = startNginx(balancerHome, a, b);
            try {
                String balancer = "http://127.0.0.1:" + BALANCER_PORT;
                TestTenant tenant = Keys.tenant(client, balancer, "two");
                String key = tenant.userKey();

                // Writes through the balancer and to each server directly, at once.
                String context = Body.hash();
                assertEquals(201, post(balancer, "/api/v1/contexts/", Body.context(context).json(), key));
                List<String> roots = List.of(balancer, balancer, balancer, balancer, a.root(), a.root(), b.root(),
                        b.root());
                Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
                int metrics = write(roots, context, key, 100, statuses, new AtomicBoolean(true));
                assertEquals(Map.of(201, roots.size() * 101), snapshot(statuses), "mixed writes");
                for (String root : List.of(a.root(), b.root(), balancer)) {
                    assertEquals(metrics, count(root, "/api/v1/metrics/count", key), "metrics seen through " + root);
                    assertEquals(roots.size(), count(root, "/api/v1/sessions/count", key), "sessions via " + root);
                }

                // A key revoked on A stops working on B within 5 s.
                String keys = "/api/v1/admin/tenants/" + tenant.name() + "/users/ci/keys";
                var issued = json(Keys.send(client, a.root(), "POST", keys, null, Keys.Credentials.bearer(Keys.ADMIN)),
                        201);
                String spare = issued.getString("key");
                assertEquals(200, status(b.root(), "/api/v1/metrics/count", spare), "the spare key works on B");
                long revoked = System.nanoTime();
                assertEquals(204, Keys.send(client, a.root(), "DELETE", keys + "/" + issued.getJsonNumber("id"), null,
                        Keys.Credentials.bearer(Keys.ADMIN)).getStatus());
                long refusedAfter = -1;
                while ((System.nanoTime() - revoked) < Duration.ofSeconds(10).toNanos()) {
                    if (status(b.root(), "/api/v1/metrics/count", spare) == 401) {
                        refusedAfter = (System.nanoTime() - revoked) / 1_000_000;
                        break;
                    }
                    Thread.sleep(50);
                }
                long revocation = refusedAfter;
                assertTrue(revocation >= 0 && revocation <= 5_000, () -> "revoked key refused on B after "
                        + revocation + " ms");

                // A rolling restart behind the balancer while two clients write through it.
                statuses.clear();
                var writing = new AtomicBoolean(true);
                ExecutorService writer = Executors.newSingleThreadExecutor();
                Future<Integer> written = writer.submit(() -> write(List.of(balancer, balancer), context, key,
                        Integer.MAX_VALUE, statuses, writing));
                long restartStarted = System.nanoTime();
                Thread.sleep(1_000);
                a.stopGracefully();
                a.start();
                b.stopGracefully();
                b.start();
                Thread.sleep(1_000);
                writing.set(false);
                int rolled = written.get(60, TimeUnit.SECONDS);
                writer.shutdown();
                double seconds = (System.nanoTime() - restartStarted) / 1e9;
                Map<Integer, Integer> answers = snapshot(statuses);
                assertEquals(Map.of(201, answers.getOrDefault(201, 0)), answers, "nothing but 201 during the restart");
                assertEquals(metrics + rolled, count(a.root(), "/api/v1/metrics/count", key), "no write lost");
                assertEquals(metrics + rolled, count(b.root(), "/api/v1/metrics/count", key));
                System.out.printf("TwoServersIT: %d metrics through nginx and both servers, all 201, counts exact on "
                        + "both; a revoked key refused on the other server after %d ms; rolling restart of both in "
                        + "%.1f s under load: %d metrics, all 201, none lost%n", metrics, revocation, seconds, rolled);
            } finally {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Each root gets a client that posts its own session and then metrics until {@code limit} or until
     * {@code going} turns false; returns how many metrics were acknowledged in all.
     */
    private int write(List<String> roots, String context, String key, int limit, Map<Integer, AtomicInteger> statuses,
            AtomicBoolean going) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(roots.size());
        try {
            List<Future<Integer>> clients = new ArrayList<>();
            for (String root : roots) {
                clients.add(pool.submit(() -> {
                    String session = Body.hash();
                    record(statuses, post(root, "/api/v1/sessions/", Body.session(session).json(), key));
                    int acknowledged = 0;
                    for (int m = 0; m < limit && going.get(); m++) {
                        int status = post(root, "/api/v1/metrics/", Body.metric(session, context).json(), key);
                        record(statuses, status);
                        acknowledged += status == 201 ? 1 : 0;
                    }
                    return acknowledged;
                }));
            }
            int total = 0;
            for (Future<Integer> done : clients) {
                total += done.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void record(Map<Integer, AtomicInteger> statuses, int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    private static Map<Integer, Integer> snapshot(Map<Integer, AtomicInteger> statuses) {
        Map<Integer, Integer> copy = new TreeMap<>();
        statuses.forEach((status, n) -> copy.put(status, n.get()));
        return copy;
    }

    private int post(String root, String path, String json, String key) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", JSON).header("Authorization", "Bearer " + key)
                    .POST(BodyPublishers.ofString(json)).build(), BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private int status(String root, String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(root + path)).header("Authorization", "Bearer " + key)
                .build(), BodyHandlers.discarding()).statusCode();
    }

    private long count(String root, String path, String key) throws Exception {
        var answer = http.send(HttpRequest.newBuilder(URI.create(root + path)).header("Authorization", "Bearer " + key)
                .build(), BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        return RunsIT.parse(answer.body()).getJsonNumber("count").longValue();
    }

    /** nginx in the foreground with a configuration of this test's: both servers as one upstream. */
    private static Process startNginx(Path home, ServerProcess a, ServerProcess b) throws Exception {
        Files.createDirectories(home.resolve("temp"));
        String configuration = """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    upstream monitor {
                        server %2$s max_fails=0;
                        server %3$s max_fails=0;
                        keepalive 32;
                    }
                    server {
                        listen 127.0.0.1:%4$d;
                        client_max_body_size 0;
                        location / {
                            proxy_pass http://monitor;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host:$server_port;
                            # A server that is down, suspended (503) or not yet deployed (404) stored nothing:
                            # the request goes to the other one, POSTs included.
                            proxy_next_upstream error timeout http_502 http_503 http_404 non_idempotent;
                            proxy_next_upstream_tries 2;
                        }
                    }
                }
                """.formatted(home, URI.create(a.root()).getAuthority(), URI.create(b.root()).getAuthority(),
                BALANCER_PORT);
        Path file = home.resolve("nginx.conf");
        Files.writeString(file, configuration);
        Process nginx = new ProcessBuilder("/usr/sbin/nginx", "-c", file.toString(), "-p", home.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", BALANCER_PORT), 500);
                return nginx;
            } catch (IOException notYet) {
                if (!nginx.isAlive()) {
                    throw new IllegalStateException("nginx stopped: " + Files.readString(home.resolve("console.log")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx does not listen on " + BALANCER_PORT);
    }
}
