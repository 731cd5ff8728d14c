package org.monitorserver.rest.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monitorserver.domain.session.Session;
import org.monitorserver.domain.session.SessionRow;
import org.monitorserver.domain.session.Tag;
import org.monitorserver.rest.JsonbResolver;

/** A session as clients receive it: rendered by the application's own JSON-B ({@link JsonbResolver}). */
class SessionAssemblerTest {

    private static String render(Object value) {
        return new JsonbResolver().getContext(value.getClass()).toJson(value);
    }

    @Test
    void keysInDocumentedOrderWithTagsAsKeyNameValue() {
        var session = new Session(1, "3a5b9c0e", LocalDateTime.of(2026, 11, 21, 10, 15, 2, 123_456_000), "e4f1c2a",
                List.of(new Tag("python", "3.12"), new Tag("ci", "github")));
        assertEquals("{\"session_h\":\"3a5b9c0e\",\"run_date\":\"2026-11-21T10:15:02.123456\",\"scm_ref\":\"e4f1c2a\","
                + "\"tags\":[{\"key\":\"python\",\"name\":\"python\",\"value\":\"3.12\"},"
                + "{\"key\":\"ci\",\"name\":\"ci\",\"value\":\"github\"}]}",
                render(SessionAssembler.toJson(session)));
    }

    @Test
    void nullTagValueIsWrittenAsNull() {
        var session = new Session(1, "3a5b9c0e", LocalDateTime.of(2026, 11, 21, 10, 15, 2), "e4f1c2a",
                List.of(new Tag("flaky", null)));
        assertEquals("{\"session_h\":\"3a5b9c0e\",\"run_date\":\"2026-11-21T10:15:02\",\"scm_ref\":\"e4f1c2a\","
                + "\"tags\":[{\"key\":\"flaky\",\"name\":\"flaky\",\"value\":null}]}",
                render(SessionAssembler.toJson(session)));
    }

    @Test
    void noTagsIsAnEmptyList() {
        var session = new Session(1, "3a5b9c0e", LocalDateTime.of(2026, 11, 21, 0, 0), "", List.of());
        assertEquals("{\"session_h\":\"3a5b9c0e\",\"run_date\":\"2026-11-21T00:00:00\",\"scm_ref\":\"\",\"tags\":[]}",
                render(SessionAssembler.toJson(session)));
    }

    @Test
    void nullScmRefIsWrittenAsNull() {
        var session = new Session(1, "3a5b9c0e", LocalDateTime.of(2026, 11, 21, 10, 15, 2), null,
                List.of(new Tag("flaky", null)));
        assertEquals("{\"session_h\":\"3a5b9c0e\",\"run_date\":\"2026-11-21T10:15:02\",\"scm_ref\":null,"
                + "\"tags\":[{\"key\":\"flaky\",\"name\":\"flaky\",\"value\":null}]}",
                render(SessionAssembler.toJson(session)));
    }

    @Test
    void aListedRowIsWrittenAsTheStoredSession() {
        var runDate = LocalDateTime.of(2026, 11, 21, 10, 15, 2, 123_456_000);
        var tags = List.of(new Tag("python", "3.12"), new Tag("flaky", null));
        var session = new Session(1, "3a5b9c0e", runDate, null, tags);
        var row = new SessionRow(41L, "3a5b9c0e", runDate, null).withTags(tags);
        assertEquals(SessionAssembler.toJson(session), SessionAssembler.toJson(row));
    }
}
