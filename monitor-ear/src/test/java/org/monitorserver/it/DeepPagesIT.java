package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Deep pages of the largest listings ({@code /metrics}, a context's, a component's, a scope's metrics) start
 * reading at the id block that holds them instead of skipping every row before them. Whichever way a page is
 * read (from the start, from the end, with or without a seek), it must hold exactly the rows that a plain walk in
 * arrival order would give. On PostgreSQL the metric id sequence is moved ahead between uploads, so the rows span
 * several blocks with empty ones between them. The IT server's page size is 3.
 */
class DeepPagesIT extends ApiTestSupport {

    /** Enough rows that pages in the middle skip more than {@code IdBlocks.SEEK_PAST} (2,000) from either end. */
    private static final int ROWS = 4_800;

    private static final int PER_UPLOAD = 1_200;

    private static final int PAGE = 3;

    @Test
    void everyPageOfALargeListingHoldsTheRowsOfItsPlaceInArrivalOrder() throws SQLException {
        String context = Body.hash();
        String component = "deep_" + Body.hash();
        String kind = "deep_" + Body.hash().substring(0, 8);
        String session = Body.hash();
        for (int from = 0; from < ROWS; from += PER_UPLOAD) {
            var rows = new ArrayList<String>();
            for (int i = from; i < from + PER_UPLOAD; i++) {
                rows.add(Body.metric(session, context).with("component", component).with("kind", kind)
                        .with("item", item(i)).json());
            }
            JsonObject report = json(post("/api/v1/metrics/bulk", String.join("\n", rows), "application/x-ndjson"),
                    200);
            assertEquals(PER_UPLOAD, report.getInt("accepted"), report::toString);
            skipIdBlocks();
        }
        long total = count("metrics");

        for (String listing : List.of("/api/v1/contexts/" + context + "/metrics",
                "/api/v1/components/" + component + "/metrics", "/api/v1/filters/scope/" + kind + "/metrics")) {
            for (int page : pagesToCheck(ROWS, 0)) {
                assertPage(listing, page, ROWS, 0);
            }
        }
        // Every metric of the tenant: ours are the newest ROWS of them.
        for (int page : pagesToCheck(total, total - ROWS)) {
            assertPage("/api/v1/metrics", page, total, total - ROWS);
        }
    }

    /**
     * Pages around where reading switches from the start to the end and where seeks begin, and a sample of the
     * rest; only pages whose rows are all ours ({@code first} is the place of our first row).
     */
    private static List<Integer> pagesToCheck(long total, long first) {
        int pages = (int) ((total + PAGE - 1) / PAGE);
        int firstPage = (int) (first / PAGE) + 2;
        var checked = new ArrayList<Integer>();
        IntStream.rangeClosed(firstPage, pages).filter(p -> p % 23 == 0 || p == pages
                || Math.abs(p - pages / 2) <= 2 || Math.abs(p - 2_000 / PAGE) <= 2
                || Math.abs(p - (total - 2_000) / PAGE) <= 2).forEach(checked::add);
        return checked;
    }

    private void assertPage(String listing, int page, long total, long first) {
        JsonObject body = json(get(listing + "?page=" + page), 200);
        assertEquals((total + PAGE - 1) / PAGE, body.getInt("total_page"), listing);
        var expected = new ArrayList<String>();
        for (long place = (long) (page - 1) * PAGE; place < Math.min(total, (long) page * PAGE); place++) {
            expected.add(item((int) (place - first)));
        }
        assertEquals(expected, body.getJsonArray("metrics").stream()
                .map(metric -> metric.asJsonObject().getString("item")).toList(), listing + "?page=" + page);
    }

    private static String item(int i) {
        return String.format("deep_%05d", i);
    }

    /** On PostgreSQL, moves the metric id sequence 131,072 ids (sixteen blocks of 8,192) ahead. */
    private static void skipIdBlocks() throws SQLException {
        if (!"postgresql".equals(System.getenv("MONITOR_DB_DRIVER"))) {
            return;
        }
        try (Connection db = database();
                Statement sql = db.createStatement()) {
            sql.execute("SELECT setval('metric_seq', nextval('metric_seq') + 131072)");
        }
    }
}
