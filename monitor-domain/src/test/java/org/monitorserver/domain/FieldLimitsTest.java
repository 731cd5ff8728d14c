package org.monitorserver.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldLimitsTest {

    @Test
    void hashOfExactly128CharactersIsAccepted() {
        assertTrue(FieldLimits.isHash("a".repeat(128)));
    }

    @Test
    void hashOf129CharactersIsRefused() {
        assertFalse(FieldLimits.isHash("a".repeat(129)));
    }

    @Test
    void emptyAndNullAreNoHashes() {
        assertFalse(FieldLimits.isHash(""));
        assertFalse(FieldLimits.isHash(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab/cd", "/abcd", "abcd/", "ab cd", " abcd", "abcd ", "ab\tcd", "ab\ncd", "ab\rcd",
            "ab\u0000cd", "ab\u0007cd", "ab\u001bcd", "ab\u007fcd", "ab\u0085cd", "ab\u2028cd"})
    void slashWhitespaceAndControlCharactersAreRefused(String value) {
        assertFalse(FieldLimits.isHash(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "3a5b9c0e1f2d4a6b8c0e2f4a6b8c0e2f", "abc-DEF_123.456:789", "caf\u00e9", "a+b=c"})
    void printableTextWithoutSlashOrSpaceIsAHash(String value) {
        assertTrue(FieldLimits.isHash(value));
    }

    @Test
    void hashReturnsAValidHash() {
        assertEquals("abc123", FieldLimits.hash("session_h", "abc123"));
    }

    @Test
    void hashRejectsAnInvalidHashNamingTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> FieldLimits.hash("session_h", "a/b"));
        assertTrue(e.getMessage().startsWith("session_h "), e.getMessage());
    }

    @Test
    void hashRejectsAnOverlongHash() {
        assertThrows(IllegalArgumentException.class, () -> FieldLimits.hash("h", "a".repeat(129)));
    }

    @Test
    void hashRejectsNull() {
        var e = assertThrows(NullPointerException.class, () -> FieldLimits.hash("h", null));
        assertEquals("h is required", e.getMessage());
    }

    @Test
    void boundedAcceptsTheMaximumLengthAndEmptyText() {
        assertEquals("abcd", FieldLimits.bounded("kind", "abcd", 4));
        assertEquals("", FieldLimits.bounded("kind", "", 4));
    }

    @Test
    void boundedRejectsOneCharacterTooManyNamingFieldAndLimit() {
        var e = assertThrows(IllegalArgumentException.class, () -> FieldLimits.bounded("kind", "abcde", 4));
        assertEquals("kind is longer than 4 bytes", e.getMessage());
    }

    @Test
    void boundedRejectsNulCharactersThatNoTextColumnHolds() {
        var e = assertThrows(IllegalArgumentException.class, () -> FieldLimits.bounded("item", "a\0b", 10));
        assertEquals("item must not contain NUL characters", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FieldLimits.boundedOrNull("scm_ref", "\0", 10));
    }

    @Test
    void boundedRejectsNullNamingTheField() {
        var e = assertThrows(NullPointerException.class, () -> FieldLimits.bounded("kind", null, 4));
        assertEquals("kind is required", e.getMessage());
    }

    @Test
    void boundedOrNullLetsNullThroughButStillBoundsText() {
        assertNull(FieldLimits.boundedOrNull("scm_ref", null, 4));
        assertEquals("abcd", FieldLimits.boundedOrNull("scm_ref", "abcd", 4));
        assertThrows(IllegalArgumentException.class, () -> FieldLimits.boundedOrNull("scm_ref", "abcde", 4));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1.5, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE})
    void finiteNumbersPass(double value) {
        assertEquals(value, FieldLimits.finite("total_time", value));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nanAndInfinitiesAreRejectedNamingTheField(double value) {
        var e = assertThrows(IllegalArgumentException.class, () -> FieldLimits.finite("total_time", value));
        assertEquals("total_time must be a finite number", e.getMessage());
    }

    @Test
    void limitsCountUtf8BytesNotCharacters() {
        assertEquals(6, FieldLimits.utf8Length("aé€"));
        assertEquals(4, FieldLimits.utf8Length("\uD83D\uDE00"));
        assertEquals("é€", FieldLimits.bounded("item", "é€", 5));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FieldLimits.bounded("item", "é€", 4));
        assertEquals("item is longer than 4 bytes", e.getMessage());
    }
}
