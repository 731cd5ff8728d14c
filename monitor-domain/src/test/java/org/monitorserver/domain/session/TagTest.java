package org.monitorserver.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TagTest {

    @Test
    void tagsWithSameKeyAndValueAreEqualWithEqualHashCodes() {
        var a = new Tag("python", "3.12");
        var b = new Tag(new String("python"), new String("3.12"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void tagsWithNullValuesAreEqual() {
        assertEquals(new Tag("flaky", null), new Tag("flaky", null));
        assertEquals(new Tag("flaky", null).hashCode(), new Tag("flaky", null).hashCode());
    }

    @Test
    void differentKeyOrValueMeansDifferentTag() {
        var tag = new Tag("python", "3.12");
        assertNotEquals(tag, new Tag("Python", "3.12"));
        assertNotEquals(tag, new Tag("python", "3.11"));
    }

    @Test
    void nullValueDiffersFromEmptyValueBothWays() {
        assertNotEquals(new Tag("k", null), new Tag("k", ""));
        assertNotEquals(new Tag("k", ""), new Tag("k", null));
    }

    @Test
    void aTagIsNotEqualToOtherTypesOrNull() {
        var tag = new Tag("k", "v");
        assertNotEquals(tag, "k=v");
        assertNotEquals(tag, null);
    }

    @Test
    void nullValueIsKept() {
        assertNull(new Tag("k", null).getValue());
    }

    @Test
    void keyIsRequired() {
        assertThrows(NullPointerException.class, () -> new Tag(null, "v"));
    }

    @Test
    void keyAndValueAreBoundedByTheirColumns() {
        new Tag("k".repeat(256), "v".repeat(1024));
        assertThrows(IllegalArgumentException.class, () -> new Tag("k".repeat(257), "v"));
        assertThrows(IllegalArgumentException.class, () -> new Tag("k", "v".repeat(1025)));
    }
}
