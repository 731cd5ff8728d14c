package org.monitorserver.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LikePatternTest {

    @ParameterizedTest
    @ValueSource(strings = {"3a5b9c", "test_x", "tests/test_x.py::test_x[1, a]", "a*b?c[d]e^f$g.h'i\"j"})
    void plainTextIsUnchangedApartFromEscapes(String text) {
        String escaped = text.replace("_", "\\_");
        assertEquals(escaped + "%", LikePattern.startingWith(text));
        assertEquals("%" + escaped + "%", LikePattern.containing(text));
    }

    @Test
    void plainPrefix() {
        assertEquals("3a5b%", LikePattern.startingWith("3a5b"));
    }

    @Test
    void plainPart() {
        assertEquals("%core%", LikePattern.containing("core"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "%|\\%",
        "_|\\_",
        "\\|\\\\",
        "50%_done|50\\%\\_done",
        "a\\%b|a\\\\\\%b",
        "%%__\\\\|\\%\\%\\_\\_\\\\\\\\"})
    void escapesBackslashPercentAndUnderscore(String text, String escaped) {
        assertEquals(escaped + "%", LikePattern.startingWith(text));
        assertEquals("%" + escaped + "%", LikePattern.containing(text));
    }

    @Test
    void emptyTextMatchesEverything() {
        assertEquals("%", LikePattern.startingWith(""));
        assertEquals("%%", LikePattern.containing(""));
    }
}
