package org.monitorserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.monitorserver.api.ContextJson;
import org.monitorserver.api.MetricJson;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

/** The comparison's data sets and its reading of the import answers, without a server. */
class ImportComparisonTest {

    @Test
    void aDataSetHasAHandfulOfSessionsTwoContextsAndTheirCiTags() {
        ImportComparison.Rows rows = ImportComparison.rows(10_003, 1);

        assertEquals(10_003, rows.metrics().size());
        assertEquals(2, rows.contexts().size());
        assertEquals(5, rows.sessions().size());
        Map<String, Integer> perSession = new HashMap<>();
        rows.metrics().forEach(m -> perSession.merge(m.sessionH(), 1, Integer::sum));
        assertEquals(rows.sessions().stream().map(SessionJson::sessionH).collect(Collectors.toSet()),
                perSession.keySet());
        assertTrue(Collections.max(perSession.values()) - Collections.min(perSession.values()) <= 1,
                perSession::toString);
        assertEquals(List.of(TagJson.of("pipeline_branch", "release"), TagJson.of("pipeline_build_no", "1"),
                TagJson.of("__ci__", "gitlabci")), rows.sessions().get(1).tags());
        assertEquals(rows.contexts().stream().map(ContextJson::h).collect(Collectors.toSet()),
                rows.metrics().stream().map(MetricJson::contextH).collect(Collectors.toSet()));
        // Start times are distinct within a session, as pytest-monitor's are.
        assertEquals(rows.metrics().size(), rows.metrics().stream()
                .map(m -> m.sessionH() + m.itemStartTime()).distinct().count());
    }

    @Test
    void theTwoSeedsGiveTheSameShapeWithOtherHashes() {
        ImportComparison.Rows bulk = ImportComparison.rows(5_000, 1);
        ImportComparison.Rows again = ImportComparison.rows(5_000, 1);
        ImportComparison.Rows other = ImportComparison.rows(5_000, 2);

        assertEquals(bulk, again);
        assertEquals(bulk.metrics().size(), other.metrics().size());
        assertTrue(Collections.disjoint(bulk.sessions().stream().map(SessionJson::sessionH).toList(),
                other.sessions().stream().map(SessionJson::sessionH).toList()));
        assertTrue(Collections.disjoint(bulk.contexts().stream().map(ContextJson::h).toList(),
                other.contexts().stream().map(ContextJson::h).toList()));
    }

    @Test
    void theJobIsPolledAtItsLocationElseByItsId() {
        assertEquals("/api/v1/imports/7",
                ImportComparison.jobPath(answer("{}", "http://127.0.0.1:8181/api/v1/imports/7")));
        assertEquals("/api/v1/imports/ab?x=1", ImportComparison.jobPath(answer("{}", "/api/v1/imports/ab?x=1")));
        assertEquals("/api/v1/imports/42", ImportComparison.jobPath(answer("{\"id\": 42, \"state\": \"queued\"}",
                null)));
        assertEquals("/api/v1/imports/j-1", ImportComparison.jobPath(answer("{\"id\": \"j-1\"}", null)));
        assertThrows(BenchmarkException.class,
                () -> ImportComparison.jobPath(answer("{\"state\": \"queued\"}", null)));
        assertThrows(BenchmarkException.class, () -> ImportComparison.jobPath(answer("accepted", null)));
    }

    @Test
    void fieldsAreReadAsTextWhateverTheirJsonType() {
        var state = ImportComparison.object(answer("{\"state\": \"done\", \"rows_read\": 10, \"error\": null}", null),
                "/api/v1/imports/1");

        assertEquals("done", ImportComparison.text(state, "state"));
        assertEquals("10", ImportComparison.text(state, "rows_read"));
        assertNull(ImportComparison.text(state, "error"));
        assertNull(ImportComparison.text(state, "started"));
    }

    private static Api.Answer answer(String body, String location) {
        return new Api.Answer(202, body, Optional.ofNullable(location));
    }
}
