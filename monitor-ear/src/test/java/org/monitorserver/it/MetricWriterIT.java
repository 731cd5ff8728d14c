package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ErrorBody;

/**
 * The group commit of {@code POST /api/v1/metrics/}: concurrent requests share transactions, yet each answer comes
 * only after the commit that holds its row, and a row the database refuses fails its own request only, leaving
 * nothing behind. PostgreSQL only: the test watches the database through its own connection, and makes commits
 * slow, or refuses rows, with triggers on its own rows (their item names start with a prefix of this run).
 */
class MetricWriterIT extends ApiTestSupport {

    private static final int CLIENTS = 16;
    private static final int REQUESTS_PER_CLIENT = 25;

    private String prefix;

    @BeforeEach
    void postgresqlOnly() throws SQLException {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "needs the PostgreSQL run");
        prefix = "writer_" + Body.hash().substring(0, 16);
        try (Connection db = database(); Statement sql = db.createStatement()) {
            // Runs at commit (deferred), for this run's rows only: every commit holding them takes a few more
            // milliseconds, so requests pile up into shared batches, and an answer sent before its commit would
            // find its row not yet visible.
            sql.execute("CREATE OR REPLACE FUNCTION it_slow_commit() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN PERFORM pg_sleep(0.003); RETURN NULL; END $$");
            sql.execute("CREATE CONSTRAINT TRIGGER it_slow_commit AFTER INSERT ON metric DEFERRABLE INITIALLY "
                    + "DEFERRED FOR EACH ROW WHEN (NEW.item LIKE '" + prefix + "%') EXECUTE FUNCTION it_slow_commit()");
            // Refuses this run's rows named "..._refused_...", as a database refuses a row it cannot take.
            sql.execute("CREATE OR REPLACE FUNCTION it_refuse_row() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'row refused by MetricWriterIT'; END $$");
            sql.execute("CREATE TRIGGER it_refuse_row BEFORE INSERT ON metric FOR EACH ROW "
                    + "WHEN (NEW.item LIKE '" + prefix + "\\_refused\\_%') EXECUTE FUNCTION it_refuse_row()");
        }
    }

    @AfterEach
    void dropTriggers() throws SQLException {
        if (prefix != null) {
            try (Connection db = database(); Statement sql = db.createStatement()) {
                sql.execute("DROP TRIGGER IF EXISTS it_slow_commit ON metric");
                sql.execute("DROP TRIGGER IF EXISTS it_refuse_row ON metric");
            }
        }
    }

    @Test
    void answersEachRequestOnlyAfterTheCommitThatHoldsItsRow() throws Exception {
        long before = count("metrics");
        var notVisible = new ConcurrentLinkedQueue<String>();

        List<Integer> statuses = postConcurrently(item -> false, (item, status, db) -> {
            if (status == 201 && !stored(db, item)) {
                notVisible.add(item);
            }
        });

        assertEquals(Map.of(201, (long) statuses.size()), tally(statuses));
        assertTrue(notVisible.isEmpty(), () -> notVisible.size() + " answered 201 before their commit, such as "
                + notVisible.peek());
        int rows = CLIENTS * REQUESTS_PER_CLIENT;
        assertEquals(before + rows, count("metrics"));
        try (Connection db = database()) {
            assertEquals(rows, countRows(db, "SELECT COUNT(*) FROM metric WHERE item LIKE ?", prefix + "%"));
            // Rows committed together share their inserting transaction id: fewer transactions than rows is the
            // proof that the requests were grouped.
            long transactions = countRows(db, "SELECT COUNT(DISTINCT xmin::text) FROM metric WHERE item LIKE ?",
                    prefix + "%");
            assertTrue(transactions < rows / 2, () -> transactions + " transactions for " + rows + " rows");
        }
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnRequest() throws Exception {
        long before = count("metrics");
        var wrongAnswers = new ConcurrentLinkedQueue<String>();

        List<Integer> statuses = postConcurrently(item -> item.hashCode() % 5 == 0, (item, status, db) -> {
            boolean refused = item.startsWith(prefix + "_refused_");
            if (status != (refused ? 503 : 201) || stored(db, item) == refused) {
                wrongAnswers.add(item + ": " + status);
            }
        });

        assertTrue(wrongAnswers.isEmpty(), () -> wrongAnswers.size() + " wrong answers or rows, such as "
                + wrongAnswers.peek() + "; statuses: " + tally(statuses));
        long accepted = statuses.stream().filter(s -> s == 201).count();
        assertTrue(accepted > 0 && accepted < statuses.size(), () -> tally(statuses).toString());
        assertEquals(before + accepted, count("metrics"));
        try (Connection db = database()) {
            assertEquals(0, countRows(db, "SELECT COUNT(*) FROM metric WHERE item LIKE ?", prefix + "\\_refused\\_%"));
            assertEquals(accepted, countRows(db, "SELECT COUNT(*) FROM metric WHERE item LIKE ?", prefix + "%"));
        }
    }

    @Test
    void aRefusedRowIsAnsweredWithAClearErrorToRetry() {
        Response response = post("/api/v1/metrics/", Body.metric(Body.hash(), Body.hash())
                .with("item", prefix + "_refused_alone").json());

        assertEquals("1", response.getHeaderString("Retry-After"));
        ErrorBody error = error(response, 503);
        assertTrue(error.message().startsWith("the metric was not stored"), error::toString);
    }

    private interface Check {
        void accept(String item, int status, Connection db) throws SQLException;
    }

    private interface Refusal {
        boolean test(String item);
    }

    /**
     * {@value #CLIENTS} clients, each with its own database connection, each posting {@value #REQUESTS_PER_CLIENT}
     * metrics one after the other and checking each answer at once; items that {@code refused} picks are named so
     * that the database refuses them.
     */
    private List<Integer> postConcurrently(Refusal refused, Check check) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        var sequence = new AtomicInteger();
        try {
            var runs = new ArrayList<Callable<List<Integer>>>();
            for (int c = 0; c < CLIENTS; c++) {
                runs.add(() -> {
                    var statuses = new ArrayList<Integer>();
                    try (Connection db = database()) {
                        for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                            String item = prefix + "_" + sequence.incrementAndGet();
                            if (refused.test(item)) {
                                item = prefix + "_refused_" + sequence.incrementAndGet();
                            }
                            Response response = post("/api/v1/metrics/",
                                    Body.metric(Body.hash(), Body.hash()).with("item", item).json());
                            int status = response.getStatus();
                            response.close();
                            check.accept(item, status, db);
                            statuses.add(status);
                        }
                    }
                    return statuses;
                });
            }
            var all = new ArrayList<Integer>();
            for (Future<List<Integer>> run : clients.invokeAll(runs)) {
                all.addAll(run.get());
            }
            return all;
        } finally {
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** How many answers had each status. */
    private static Map<Integer, Long> tally(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static boolean stored(Connection db, String item) throws SQLException {
        return countRows(db, "SELECT COUNT(*) FROM metric WHERE item = ?", item) == 1;
    }

    private static long countRows(Connection db, String query, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
