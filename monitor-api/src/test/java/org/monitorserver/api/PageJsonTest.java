package org.monitorserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The envelope as the server writes it (nulls written) and as clients read it back. */
class PageJsonTest {

    /** The server's configuration: nulls are written unless a property says otherwise. */
    private static final Jsonb SERVER = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Test
    void writesOnlyTheListingsKeyAndAlwaysBothLinks() {
        var page = PageJson.of(PageJson.Rows.PIPELINES, List.of("main", "release"), PageJson.Parents.NONE, 3,
                null, "/api/v1/pipelines?page=2");
        assertEquals("{\"pipelines\":[\"main\",\"release\"],\"total_page\":3,\"prev_url\":null,"
                + "\"next_url\":\"/api/v1/pipelines?page=2\"}", SERVER.toJson(page));
    }

    @Test
    void writesParentsBeforeTheRows() {
        var page = PageJson.of(PageJson.Rows.SESSIONS, List.of("ab12"), new PageJson.Parents(null, "main", "30"), 1,
                null, null);
        assertEquals("{\"pipeline\":\"main\",\"build\":\"30\",\"sessions\":[\"ab12\"],\"total_page\":1,"
                + "\"prev_url\":null,\"next_url\":null}", SERVER.toJson(page));
    }

    @Test
    void readsRowsBackAsRecordsWhicheverKeyTheyCameUnder() throws Exception {
        var metric = new MetricJson("s", "c", "2026-11-21T10:15:03.000042", "tests.a", "test_a", "test_a[1]",
                "tests/a.py", "function", "", 1.5, 1.0, 0.25, 0.83, 12.5);
        String json = SERVER.toJson(PageJson.of(PageJson.Rows.METRICS, List.of(metric), PageJson.Parents.NONE, 1,
                null, null));
        Type type = PageJsonTest.class.getDeclaredField("metricPage").getGenericType();
        PageJson<MetricJson> read = SERVER.fromJson(json, type);
        assertEquals(List.of(metric), read.rows());
        assertEquals(1, read.totalPage());
    }

    @Test
    void errorBodyLeavesOutAbsentFieldErrors() {
        assertEquals("{\"message\":\"page 9 does not exist\"}", SERVER.toJson(new ErrorBody("page 9 does not exist",
                null, null)));
        assertEquals("{\"message\":\"bad\",\"errors\":{\"page\":\"must be a whole number\"}}",
                SERVER.toJson(new ErrorBody("bad", Map.of("page", "must be a whole number"), null)));
    }

    /** Only its generic type is used: the type a client asks JSON-B for. */
    @SuppressWarnings("unused")
    private PageJson<MetricJson> metricPage;
}
