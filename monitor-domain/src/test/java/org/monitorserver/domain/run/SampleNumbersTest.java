package org.monitorserver.domain.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleNumbersTest {

    private static double parse(String text) {
        return SampleNumbers.parse(text.toCharArray(), 0, text.length());
    }

    private static void assertRoundTrip(double value) {
        String text = SampleNumbers.format(value);
        assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(Double.parseDouble(text)),
                value + " written as " + text);
        assertFalse(text.contains("E") || text.contains("e"), value + " written as " + text);
    }

    @Test
    void formatsIntegralValuesAsWholeNumbers() {
        assertEquals("4096", SampleNumbers.format(4096.0));
        assertEquals("0", SampleNumbers.format(0.0));
        assertEquals("-3", SampleNumbers.format(-3.0));
        assertEquals("172032", SampleNumbers.format(172032.0));
        assertEquals("999999999999999", SampleNumbers.format(999_999_999_999_999.0));
        assertEquals("1000000000000000", SampleNumbers.format(1e15));
        assertEquals("150000000000000000000", SampleNumbers.format(1.5e20));
    }

    @Test
    void formatsFractionsWithoutExponents() {
        assertEquals("1796192508.002", SampleNumbers.format(1796192508.002));
        assertEquals("1.0195", SampleNumbers.format(1.0195));
        assertEquals("23424.4688", SampleNumbers.format(23424.4688));
        assertEquals("0.001", SampleNumbers.format(0.001));
        assertEquals("0.00001", SampleNumbers.format(1e-5));
        assertEquals("-0.000123", SampleNumbers.format(-1.23e-4));
        assertEquals("1234567.5", SampleNumbers.format(1234567.5));
        assertEquals("12345678.5", SampleNumbers.format(12345678.5));
        assertEquals("-0.0", SampleNumbers.format(-0.0));
    }

    @Test
    void formattedValuesReadBackToTheSameDouble() {
        for (double value : new double[] {1796192508.002, 1796192509.001, 1796192512.0, 0.1, 0.9999, 34.2236,
                270.55, 1e-3, 9.999999e6, 1e7, 1e7 + 0.5, 4.9e-324, Double.MAX_VALUE, -Double.MIN_NORMAL, -0.0,
                0.1 + 0.2, 1e15 - 1, 1e15 + 2, 123456789012345.67}) {
            assertRoundTrip(value);
        }
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                assertRoundTrip(value);
            }
            assertRoundTrip(Math.round(random.nextDouble() * 1e7) / 1e4); // four decimals, as the tracker writes
            assertRoundTrip(1.7e9 + random.nextInt(100_000_000) / 1e3); // timestamps
        }
    }

    @Test
    void formatRefusesNaNAndInfinities() {
        assertThrows(IllegalArgumentException.class, () -> SampleNumbers.format(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SampleNumbers.format(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> SampleNumbers.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void parseReadsPythonsNumbers() {
        assertEquals(1796192508.002, parse("1796192508.002"));
        assertEquals(84.0, parse("84"));
        assertEquals(-1.5, parse("-1.5"));
        assertEquals(1.5, parse("+1.5"));
        assertEquals(1.0, parse("1."));
        assertEquals(0.5, parse(".5"));
        assertEquals(1e-5, parse("1e-05"));
        assertEquals(1.5e20, parse("1.5e+20"));
        assertEquals(2e300, parse("2E300"));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(parse("-0")));
    }

    @Test
    void parseGivesNaNForNoValueAndInfinityForInf() {
        assertTrue(Double.isNaN(parse("")));
        assertTrue(Double.isNaN(parse("nan")));
        assertTrue(Double.isNaN(parse("NaN")));
        assertTrue(Double.isNaN(parse("-nan")));
        assertEquals(Double.POSITIVE_INFINITY, parse("inf"));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-inf"));
        assertEquals(Double.POSITIVE_INFINITY, parse("Infinity"));
        assertEquals(Double.POSITIVE_INFINITY, parse("1e999"));
    }

    @Test
    void parseRefusesWhatPythonDoesNotWrite() {
        for (String text : new String[] {"abc", "-", ".", "1e", "1e+", "1.5d", "1.5f", "0x10", " 1", "1 ", "1,5",
                "--1", "1.2.3", "infinit", "nana", "\"1\""}) {
            assertThrows(NumberFormatException.class, () -> parse(text), text);
        }
    }

    @Test
    void parseIsExactlyParseDouble() {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            text.setLength(0);
            if (random.nextBoolean()) {
                text.append('-');
            }
            int digits = 1 + random.nextInt(20);
            int point = random.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    text.append('.');
                }
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(4) == 0) {
                text.append('e').append(random.nextInt(60) - 30);
            }
            String s = text.toString();
            assertEquals(Double.doubleToLongBits(Double.parseDouble(s)), Double.doubleToLongBits(parse(s)), s);
        }
    }
}
