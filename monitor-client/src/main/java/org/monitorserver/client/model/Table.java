package org.monitorserver.client.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A flat export of a collection, the counterpart of the reference's {@code to_df}: named columns and rows of
 * cells, each a {@code String}, a {@code Number} or null.
 *
 * @param columns the column headers
 * @param rows the rows, one cell per column
 */
public record Table(List<String> columns, List<List<Object>> rows) {

    /** Freezes the columns and rows and checks that every row has one cell per column. */
    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
                .toList();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size()
                        + " columns");
            }
        }
    }

    /** The cells of column {@code name}, top to bottom. */
    public List<Object> column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        return rows.stream().map(row -> row.get(index)).toList();
    }

    /** Writes the table as CSV (RFC 4180: comma, CRLF-free lines ended by a newline, quotes where needed). */
    public void writeCsv(Appendable out) {
        try {
            writeLine(out, List.copyOf(columns));
            for (List<Object> row : rows) {
                writeLine(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table as CSV text. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        writeCsv(csv);
        return csv.toString();
    }

    /** The text of one cell: empty for null, numbers in Java's spelling. */
    public static String text(Object cell) {
        return cell == null ? "" : cell.toString();
    }

    private static void writeLine(Appendable out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(text(cells.get(i))));
        }
        out.append('\n');
    }

    private static String quoted(String text) {
        boolean plain = text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
