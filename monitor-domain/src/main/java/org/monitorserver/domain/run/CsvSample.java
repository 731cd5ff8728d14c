package org.monitorserver.domain.run;

import java.util.Map;
import java.util.Objects;

/**
 * One row of the tracker's CSV: the physical line it starts on ({@code line}, 1-based, the header being line 1),
 * the known columns by position in {@link SampleColumn#KNOWN} and the unknown ones by name.
 *
 * <p>In {@code known}, {@link Double#NaN} means "no value": the cell was empty, held {@code nan}, or the column is
 * not in the header; every other value is finite ({@code inf} and {@code Infinity} are refused by the reader).
 * {@code extra} holds the unknown columns in header order, their text as written, null for an empty cell (an
 * empty, immutable map when the header has none). Neither is copied, as a reader makes new ones for every row;
 * equality is that of a record, so the arrays compare by identity.
 */
public record CsvSample(int line, double[] known, Map<String, String> extra) {

    /** Checks that {@code known} has one slot per known column. */
    public CsvSample {
        Objects.requireNonNull(known, "known");
        Objects.requireNonNull(extra, "extra");
        if (known.length != SampleColumn.KNOWN.size()) {
            throw new IllegalArgumentException(
                    "known has " + known.length + " values; there are " + SampleColumn.KNOWN.size() + " known columns");
        }
    }

    /** The value of a known column by name, NaN for no value; a name the tracker does not write is refused. */
    public double value(String column) {
        int index = SampleColumn.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(column + " is not a known column");
        }
        return known[index];
    }
}
