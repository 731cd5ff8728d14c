package org.monitorserver.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final LocalDateTime RUN_DATE = LocalDateTime.of(2026, 11, 21, 10, 15, 2, 123_456_000);
    private static final Tag CI = new Tag("ci", "github");
    private static final Tag PYTHON = new Tag("python", "3.12");
    private static final Tag FLAKY = new Tag("flaky", null);

    private static Session session(String scmRef, List<Tag> tags) {
        return new Session(1, "3a5b9c0e", RUN_DATE, scmRef, tags);
    }

    @Test
    void duplicateTagKeysAreRejectedNamingTheKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> session("abc", List.of(CI, PYTHON, new Tag("ci", "gitlab"))));
        assertTrue(e.getMessage().contains("ci"), e.getMessage());
    }

    @Test
    void aTagRepeatedWithTheSameValueIsStillADuplicateKey() {
        assertThrows(IllegalArgumentException.class, () -> session("abc", List.of(CI, CI)));
    }

    @Test
    void tagsKeepThePostedOrder() {
        assertEquals(List.of(PYTHON, FLAKY, CI), session("abc", List.of(PYTHON, FLAKY, CI)).getTags());
    }

    @Test
    void laterChangesToThePostedListDoNotReachTheSession() {
        var posted = new ArrayList<>(List.of(CI));
        var session = session("abc", posted);
        posted.add(PYTHON);
        assertEquals(List.of(CI), session.getTags());
    }

    @Test
    void sameContentIgnoresTagOrder() {
        assertTrue(session("abc", List.of(CI, PYTHON, FLAKY)).sameContentAs(session("abc", List.of(FLAKY, CI, PYTHON))));
    }

    @Test
    void nullAndEmptyScmRefDiffer() {
        var none = session(null, List.of(CI));
        var empty = session("", List.of(CI));
        assertFalse(none.sameContentAs(empty));
        assertFalse(empty.sameContentAs(none));
        assertNull(none.getScmRef());
        assertEquals("", empty.getScmRef());
    }

    @Test
    void twoNullScmRefsAreTheSame() {
        assertTrue(session(null, List.of()).sameContentAs(session(null, List.of())));
    }

    @Test
    void aDifferentTagValueIsDifferentContent() {
        assertFalse(session("abc", List.of(CI)).sameContentAs(session("abc", List.of(new Tag("ci", "gitlab")))));
    }

    @Test
    void aMissingOrExtraTagIsDifferentContent() {
        var two = session("abc", List.of(CI, PYTHON));
        var one = session("abc", List.of(CI));
        assertFalse(two.sameContentAs(one));
        assertFalse(one.sameContentAs(two));
    }

    @Test
    void hashRunDateScmRefAndTenantEachMatter() {
        var base = new Session(1, "3a5b9c0e", RUN_DATE, "abc", List.of(CI));
        assertTrue(base.sameContentAs(new Session(1, "3a5b9c0e", RUN_DATE, "abc", List.of(CI))));
        assertFalse(base.sameContentAs(new Session(2, "3a5b9c0e", RUN_DATE, "abc", List.of(CI))));
        assertFalse(base.sameContentAs(new Session(1, "3a5b9c0f", RUN_DATE, "abc", List.of(CI))));
        assertFalse(base.sameContentAs(new Session(1, "3a5b9c0e", RUN_DATE.plusNanos(1000), "abc", List.of(CI))));
        assertFalse(base.sameContentAs(new Session(1, "3a5b9c0e", RUN_DATE, "abd", List.of(CI))));
    }

    @Test
    void invalidHashIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Session(1, "a/b", RUN_DATE, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Session(1, "a b", RUN_DATE, null, List.of()));
        assertThrows(NullPointerException.class, () -> new Session(1, null, RUN_DATE, null, List.of()));
    }

    @Test
    void runDateIsRequired() {
        assertThrows(NullPointerException.class, () -> new Session(1, "abc", null, null, List.of()));
    }

    @Test
    void scmRefIsBoundedTo128Characters() {
        session("r".repeat(128), List.of());
        assertThrows(IllegalArgumentException.class, () -> session("r".repeat(129), List.of()));
    }
}
