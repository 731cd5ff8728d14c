package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.BulkReportJson;

/**
 * The server's statistics keeper (PostgreSQL; it does nothing on H2): a table whose family of rows grew by more
 * than a tenth since the table's last {@code ANALYZE} is analyzed (and vacuumed) in the background, again at the next
 * tenth, and not below it. Rows go in through the bulk routes; what the server analyzed is read over the tests' own
 * connection, from its marks ({@code analyze_mark}) and from PostgreSQL's own figures
 * ({@code pg_stat_user_tables}, {@code pg_class}). Other tests' rows count too, so each step starts from what the
 * database holds.
 */
class StatisticsKeepingIT extends ApiTestSupport {

    private static final String NDJSON = "application/x-ndjson";

    /** Rows per bulk request: under the IT server's 2 MiB bulk limit. */
    private static final int ROWS_PER_POST = 3_000;

    /** Rows that at least make a crossing: enough for PostgreSQL's row estimate to be checked against. */
    private static final long MIN_CROSSING = 1_000;

    /** How long the keeper (a check every 2 s, then the ANALYZE) may take to act on a crossing. */
    private static final long WAIT_NANOS = 60_000_000_000L;

    private final String session = Body.hash();
    private final String context = Body.hash();

    @BeforeEach
    void postgresqlOnly() {
        assumeTrue("postgresql".equals(System.getenv("MONITOR_DB_DRIVER")), "the keeper analyzes PostgreSQL only");
    }

    @Test
    void analyzesMetricOnceATenthOfItsRowsIsWrittenAndAgainAtTheNextTenth() throws Exception {
        Mark first = crossAndAwaitAnalysis();
        Mark second = crossAndAwaitAnalysis();

        assertEquals(first.analyses() + 1, second.analyses());
        assertTrue(second.rows() > first.rows() + first.rows() / 10, () -> first + " then " + second);
    }

    @Test
    void analyzesNothingWhileLessThanATenthIsWritten() throws Exception {
        Mark metric = awaitSettled("metric");
        for (int crossings = 0; headroom(metric) < 100; crossings++) {
            assertTrue(crossings < 3, "room below the threshold within three crossings");
            crossAndAwaitAnalysis();
            metric = awaitSettled("metric");
        }
        long statsBefore = analyzeCount("metric");
        postMetrics(headroom(metric) / 2);

        // A crossing of the sessions, written after the metrics: the check that analyzes test_session read the
        // totals after the metrics were in, and would have analyzed metric first (tables go in name order).
        Mark sessions = awaitSettled("test_session");
        long sessionRows = total("SESSION");
        postSessions(Math.max(1, sessions.rows() + sessions.rows() / 10 + 1 - sessionRows));
        await(() -> mark("test_session"), mark -> mark.analyses() > sessions.analyses(), "test_session analyzed");

        Mark unchanged = mark("metric");
        assertEquals(metric, unchanged, "metric's mark");
        assertEquals(statsBefore, analyzeCount("metric"), "ANALYZE runs of metric (pg_stat_user_tables)");
    }

    /** Writes just enough metrics to pass a tenth of metric's mark, then waits for PostgreSQL to show the ANALYZE. */
    private Mark crossAndAwaitAnalysis() throws Exception {
        Mark before = awaitSettled("metric");
        long statsBefore = analyzeCount("metric");
        long vacuumsBefore = vacuumCount("metric");
        long rows = total("METRIC");

        postMetrics(Math.max(MIN_CROSSING, before.rows() + before.rows() / 10 + 1 - rows));

        await(() -> analyzeCount("metric"), count -> count > statsBefore, "pg_stat_user_tables.analyze_count");
        Mark after = await(() -> mark("metric"), mark -> mark.analyses() > before.analyses(), "metric's mark");
        assertEquals(before.analyses() + 1, after.analyses(), "one analysis per crossing");
        assertTrue(after.rows() > before.rows() + before.rows() / 10, after::toString);
        double estimate = estimatedRows("metric");
        assertTrue(Math.abs(estimate - after.rows()) <= after.rows() / 10.0,
                () -> "pg_class.reltuples " + estimate + " after analyzing " + after);
        // Then the crossing's VACUUM (after the ANALYZE, outside its transaction): waited for, so that no later
        // step sees it land.
        await(() -> vacuumCount("metric"), count -> count > vacuumsBefore, "pg_stat_user_tables.vacuum_count");
        return after;
    }

    /** The mark of {@code table} once the keeper has caught up with what is written: not due. */
    private Mark awaitSettled(String table) throws Exception {
        String family = table.equals("metric") ? "METRIC" : "SESSION";
        return await(() -> mark(table), mark -> !mark.isDueAt(total(family)), table + " analyzed up to date");
    }

    /** Rows that may still be written before metric's mark is passed. */
    private long headroom(Mark mark) throws SQLException {
        return mark.analyses() == 0 ? 0 : mark.rows() / 10 - (total("METRIC") - mark.rows());
    }

    private void postMetrics(long count) {
        String line = Body.metric(session, context).json() + "\n";
        for (long posted = 0; posted < count; posted += ROWS_PER_POST) {
            int rows = (int) Math.min(ROWS_PER_POST, count - posted);
            BulkReportJson report = read(post("/api/v1/metrics/bulk", line.repeat(rows), NDJSON), 200,
                    BulkReportJson.class);
            assertEquals(rows, report.accepted(), report::toString);
        }
    }

    private void postSessions(long count) {
        for (long posted = 0; posted < count; posted += ROWS_PER_POST) {
            var rows = new ArrayList<String>();
            for (long i = posted; i < Math.min(count, posted + ROWS_PER_POST); i++) {
                rows.add(Body.session(Body.hash()).json());
            }
            BulkReportJson report = read(post("/api/v1/sessions/bulk", String.join("\n", rows), NDJSON), 200,
                    BulkReportJson.class);
            assertEquals(rows.size(), report.accepted(), report::toString);
        }
    }

    /** One table's row of {@code analyze_mark}. */
    record Mark(long rows, long analyses) {

        /** The keeper's rule, stated again: rows but no analysis yet, or more than a tenth changed since. */
        boolean isDueAt(long total) {
            return analyses == 0 ? total > 0 : Math.abs(total - rows) > rows / 10.0;
        }
    }

    private static Mark mark(String table) throws SQLException {
        return queryOne("SELECT rows_at_analyze, analyses FROM analyze_mark WHERE table_name = ?", table,
                row -> new Mark(row.getLong(1), row.getLong(2)));
    }

    /** The family's maintained total over every tenant, as the keeper reads it. */
    private static long total(String family) throws SQLException {
        return queryOne("SELECT COALESCE(SUM(row_total), 0) FROM tenant_row_count WHERE family = ?", family,
                row -> row.getLong(1));
    }

    /** PostgreSQL's count of manual ANALYZE runs of {@code table}. */
    private static long analyzeCount(String table) throws SQLException {
        return queryOne("SELECT analyze_count FROM pg_stat_user_tables WHERE relid = ?::regclass", table,
                row -> row.getLong(1));
    }

    /** The row count PostgreSQL's planner works with, which ANALYZE sets. */
    private static double estimatedRows(String table) throws SQLException {
        return queryOne("SELECT reltuples FROM pg_class WHERE oid = ?::regclass", table, row -> row.getDouble(1));
    }

    /** PostgreSQL's count of manual VACUUM runs of {@code table}. */
    private static long vacuumCount(String table) throws SQLException {
        return queryOne("SELECT vacuum_count FROM pg_stat_user_tables WHERE relid = ?::regclass", table,
                row -> row.getLong(1));
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> T queryOne(String sql, String parameter, Row<T> reader) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), () -> sql + " with " + parameter + " found nothing");
                return reader.read(row);
            }
        }
    }

    private interface Condition<T> {
        boolean holds(T value) throws SQLException;
    }

    /** The one polling helper: reads until {@code done} holds, for at most {@link #WAIT_NANOS}. */
    private static <T> T await(Callable<T> read, Condition<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            T value = read.call();
            if (done.holds(value)) {
                return value;
            }
            assertTrue(System.nanoTime() < deadline, () -> what + ": not reached, last " + value);
            Thread.sleep(100);
        }
    }
}
