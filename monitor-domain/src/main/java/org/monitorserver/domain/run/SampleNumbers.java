package org.monitorserver.domain.run;

import java.math.BigDecimal;

/** Sample values as text: the tracker's numbers read exactly, and values written back without exponents. */
public final class SampleNumbers {

    // 10^0..10^22 are exact doubles: the bound of the exact fast path below.
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private SampleNumbers() {
    }

    /**
     * The text of a finite value for CSV or JSON output, which {@link Double#parseDouble} reads back to the same
     * double, without exponent: an integral value under 10^15 in magnitude as a whole number ({@code 4096}), a
     * value of magnitude 0.001 up to 10^7 as {@link Double#toString(double)}, any other as a plain decimal
     * ({@code 1796192508.002}, {@code 0.00001}).
     *
     * @throws IllegalArgumentException for NaN or an infinity, which have no number text; callers write "no value"
     *         their own way (an empty cell, a JSON null)
     */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " has no number text");
        }
        double magnitude = Math.abs(value);
        if (value == 0 && Double.doubleToRawLongBits(value) != 0) {
            return "-0.0"; // "0" would read back as +0.0
        }
        if (magnitude < 1e15 && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            return Double.toString(value); // no exponent in this range, by its contract
        }
        // valueOf goes through Double.toString, the shortest text that reads back to the same double.
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Reads a number as Python writes one, from {@code text[from, to)}: {@code [+-]digits[.digits][e[+-]digits]}
     * (either side of the point may be empty, not both), or {@code nan}, {@code inf}, {@code infinity} in any case.
     * Returns NaN for empty text and for {@code nan}, an infinity for {@code inf} or a value too large for a
     * double; the caller decides what those mean.
     *
     * @throws NumberFormatException for anything else, including what {@link Double#parseDouble} alone would
     *         accept beyond Python's form (spaces, {@code 1.5d}, hexadecimal)
     */
    static double parse(char[] text, int from, int to) {
        if (from == to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        char c = text[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        if (i < to && isLetter(text[i])) {
            return parseWord(text, i, to, negative);
        }
        long mantissa = 0;
        int significant = 0; // digits in mantissa, leading zeros not counted
        int digits = 0;
        int fractionDigits = 0;
        while (i < to && (c = text[i]) >= '0' && c <= '9') {
            if (significant < 18) { // 18 digits fit a long
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                significant++;
            }
            digits++;
            i++;
        }
        if (i < to && text[i] == '.') {
            i++;
            while (i < to && (c = text[i]) >= '0' && c <= '9') {
                if (significant < 18) { // 18 digits fit a long
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        significant++;
                    }
                } else {
                    significant++;
                }
                digits++;
                fractionDigits++;
                i++;
            }
        }
        if (digits == 0) {
            throw new NumberFormatException();
        }
        int exponent = 0;
        if (i < to && ((c = text[i]) == 'e' || c == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && ((c = text[i]) == '-' || c == '+')) {
                negativeExponent = c == '-';
                i++;
            }
            int exponentDigits = 0;
            while (i < to && (c = text[i]) >= '0' && c <= '9') {
                if (exponent < 100_000) { // beyond any double; stop before int overflow
                    exponent = exponent * 10 + (c - '0');
                }
                exponentDigits++;
                i++;
            }
            if (exponentDigits == 0) {
                throw new NumberFormatException();
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            throw new NumberFormatException();
        }
        // Clinger's fast path: an integer below 2^53 and a power of ten up to 10^22 are both exact doubles, so
        // one multiplication or division rounds once, correctly, as parseDouble would.
        int scale = exponent - fractionDigits;
        if (significant <= 18 && mantissa <= MAX_EXACT_MANTISSA && scale >= -22 && scale <= 22) {
            double value = scale < 0 ? mantissa / POWERS_OF_TEN[-scale] : mantissa * POWERS_OF_TEN[scale];
            return negative ? -value : value;
        }
        return Double.parseDouble(new String(text, from, to - from));
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static double parseWord(char[] text, int from, int to, boolean negative) {
        String word = new String(text, from, to - from);
        if (word.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new NumberFormatException();
    }
}
