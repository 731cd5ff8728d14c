package org.monitorserver.domain.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one text of the tracker's CSV (inline data or one object-store chunk, each with its header) row by row,
 * refusing with {@link InvalidRunDataException} what the tracker cannot have written.
 *
 * <p>The format is RFC 4180 as Python's {@code csv} module writes it: {@code \n} or {@code \r\n} line ends; a cell
 * that starts with a quote runs to the next lone quote and may hold commas, line breaks and doubled quotes (the
 * record then spans lines); a quote inside an unquoted cell is an ordinary character, as Python reads it. Known
 * columns are numbers, quoted or not; unknown columns are kept as text, never parsed. Blank lines at the end are
 * ignored; one in the middle is a row of one empty cell, an error unless the header has one column. A leading
 * byte order mark is skipped. The reader does not close the {@link Reader} before {@link #close()}; after an
 * error it is spent. I/O errors surface as {@link UncheckedIOException}.
 */
public final class TrackerCsvReader implements Closeable {

    /** The most columns a header may name; far above the tracker's 32, low enough to bound memory. */
    public static final int MAX_COLUMNS = 1000;

    /** The most characters a cell may hold (1 MiB of chars), so one absurd cell cannot exhaust the heap. */
    public static final int MAX_CELL = 1 << 20;

    private static final int MESSAGE_TEXT = 64;
    private static final double[] NO_VALUES = new double[SampleColumn.KNOWN.size()];

    static {
        Arrays.fill(NO_VALUES, Double.NaN);
    }

    private final Reader in;
    private final String source;
    private final List<String> header;
    private final int[] knownIndex;
    private final String[] extraNames;
    private final int extraCount;

    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean endOfText;
    private char beforeBuffer; // the last char of the previous buffer: "\r\n" split across two reads is one line end
    private int line = 1; // the physical line of the next char

    // The record being read: its cells' chars back to back, each cell's end offset, its first line.
    private char[] record = new char[1024];
    private int recordLength;
    private int[] cellEnds = new int[64];
    private int recordLine;
    private boolean recordBlank;
    private List<String> names; // null while the header is read, for error messages

    // Blank lines not yet known to be trailing, and the row read after them while they are handed out.
    private int blankLines;
    private int firstBlankLine;
    private CsvSample held;

    /**
     * Opens a text and reads its header; {@code source} names the text in error messages ({@code data_csv},
     * {@code chunk 3 (s3://b/k/0002.csv.gz)}).
     *
     * @throws InvalidRunDataException when the text is empty or its header has an empty or repeated name, more
     *         than {@link #MAX_COLUMNS} columns, or a bad quote
     */
    public TrackerCsvReader(Reader in, String source) {
        this.in = in;
        this.source = source;
        this.header = readHeader();
        this.names = header;
        knownIndex = new int[header.size()];
        extraNames = new String[header.size()];
        int extras = 0;
        for (int i = 0; i < header.size(); i++) {
            knownIndex[i] = SampleColumn.indexOf(header.get(i));
            if (knownIndex[i] < 0) {
                extraNames[i] = header.get(i);
                extras++;
            }
        }
        extraCount = extras;
        cellEnds = new int[header.size()];
    }

    /** The column names of the header, in order. */
    public List<String> header() {
        return header;
    }

    /**
     * The next row, or null at the end of the text.
     *
     * @throws InvalidRunDataException when the row has another number of cells than the header, a known column
     *         holds something other than a finite number (or is empty, or {@code nan}), a quote is not closed, or a
     *         cell exceeds {@link #MAX_CELL}
     */
    public CsvSample next() {
        if (held != null) {
            if (blankLines > 0) {
                blankLines--;
                return blankSample(firstBlankLine++);
            }
            CsvSample row = held;
            held = null;
            return row;
        }
        while (true) {
            int cells = readRecord(header.size(), false);
            if (cells < 0) {
                return null; // any blank lines still counted were trailing
            }
            if (recordBlank) {
                if (blankLines++ == 0) {
                    firstBlankLine = recordLine;
                }
                continue;
            }
            if (blankLines == 0) {
                return toSample(cells);
            }
            // Blank lines with a row after them were in the middle after all.
            if (header.size() != 1) {
                throw cellCount(firstBlankLine, 1);
            }
            held = toSample(cells);
            blankLines--;
            return blankSample(firstBlankLine++);
        }
    }

    /** Closes the underlying reader. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    private List<String> readHeader() {
        if (fill() && buffer[0] == '\uFEFF') {
            pos = 1;
        }
        int cells = readRecord(MAX_COLUMNS + 1, true);
        if (cells >= 0 && recordBlank) {
            // Only blank lines is an empty text; a blank line before anything else is an empty header.
            int blankLine = recordLine;
            do {
                cells = readRecord(MAX_COLUMNS + 1, true);
            } while (cells >= 0 && recordBlank);
            if (cells >= 0) {
                throw new InvalidRunDataException(
                        source + " line " + blankLine + ", column 1: the header cell is empty", blankLine, null);
            }
        }
        if (cells < 0) {
            throw new InvalidRunDataException(source + " is empty: it has no header line", 1, null);
        }
        List<String> header = new ArrayList<>(cells);
        Map<String, Integer> seen = new HashMap<>();
        int start = 0;
        for (int i = 0; i < cells; i++) {
            String name = new String(record, start, cellEnds[i] - start);
            start = cellEnds[i];
            if (name.isEmpty()) {
                throw new InvalidRunDataException(
                        source + " line " + recordLine + ", column " + (i + 1) + ": the header cell is empty",
                        recordLine, null);
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                throw new InvalidRunDataException(source + " line " + recordLine + ", column " + (i + 1) + " ("
                        + name + "): the name repeats column " + (first + 1), recordLine, name);
            }
            header.add(name);
        }
        return Collections.unmodifiableList(header);
    }

    private CsvSample toSample(int cells) {
        if (cells != header.size()) {
            throw cellCount(recordLine, cells);
        }
        double[] known = NO_VALUES.clone();
        Map<String, String> extra = extraCount == 0 ? Collections.emptyMap() : new LinkedHashMap<>(extraCount * 2);
        int start = 0;
        for (int i = 0; i < cells; i++) {
            int end = cellEnds[i];
            int k = knownIndex[i];
            if (k >= 0) {
                known[k] = number(start, end, i);
            } else {
                extra.put(extraNames[i], end == start ? null : new String(record, start, end - start));
            }
            start = end;
        }
        return new CsvSample(recordLine, known, extra);
    }

    private CsvSample blankSample(int line) {
        // Only a one-column header gets here: its one cell is empty, known or not.
        Map<String, String> extra = Collections.emptyMap();
        if (extraCount == 1) {
            extra = new LinkedHashMap<>();
            extra.put(extraNames[0], null);
        }
        return new CsvSample(line, NO_VALUES.clone(), extra);
    }

    private double number(int start, int end, int column) {
        double value;
        try {
            value = SampleNumbers.parse(record, start, end);
        } catch (NumberFormatException e) {
            throw cellError(recordLine, column, quote(start, end) + " is not a number");
        }
        if (Double.isInfinite(value)) {
            throw cellError(recordLine, column, quote(start, end) + " is not a finite number");
        }
        return value; // NaN: an empty cell or nan, no value
    }

    private InvalidRunDataException cellCount(int line, int cells) {
        return new InvalidRunDataException(source + " line " + line + " has " + cells + (cells == 1 ? " cell" : " cells")
                + "; the header has " + header.size(), line, null);
    }

    private InvalidRunDataException cellError(int line, int column, String what) {
        String name = names != null && column < names.size() ? names.get(column) : null;
        return new InvalidRunDataException(source + " line " + line + ", column " + (column + 1)
                + (name == null ? "" : " (" + name + ")") + ": " + what, line, name);
    }

    // The cell as the client wrote it, cut short and with line breaks shown, so the message stays one short line.
    private String quote(int start, int end) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = start; i < end && i < start + MESSAGE_TEXT; i++) {
            char c = record[i];
            text.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c));
        }
        return text.append(end - start > MESSAGE_TEXT ? "...\"" : "\"").toString();
    }

    /**
     * Reads one record into {@code record} and {@code cellEnds}, keeping the chars of at most {@code keep} cells
     * (the rest are only counted, so an overlong row costs no memory); returns its number of cells, -1 at the end.
     */
    private int readRecord(int keep, boolean isHeader) {
        if (pos == limit && !fill()) {
            return -1;
        }
        recordLine = line;
        recordLength = 0;
        recordBlank = true;
        int cells = 0;
        while (true) {
            int cellStart = recordLength;
            boolean store = cells < keep;
            boolean endOfRecord;
            if (pos == limit && !fill()) {
                endOfRecord = true; // the text ends after a comma: an empty last cell
            } else if (buffer[pos] == '"') {
                recordBlank = false;
                pos++;
                readQuoted(store, cellStart, cells);
                endOfRecord = afterClosingQuote(cells);
            } else {
                endOfRecord = readUnquoted(store, cellStart, cells);
            }
            if (store) {
                if (cells == cellEnds.length) {
                    cellEnds = Arrays.copyOf(cellEnds, cells * 2);
                }
                cellEnds[cells] = recordLength;
            }
            cells++;
            if (isHeader && cells > MAX_COLUMNS) {
                throw new InvalidRunDataException(
                        source + " line " + recordLine + ": the header has more than " + MAX_COLUMNS + " columns",
                        recordLine, null);
            }
            if (endOfRecord) {
                return cells;
            }
        }
    }

    /** Reads an unquoted cell up to its comma (false) or the end of its line or text (true). */
    private boolean readUnquoted(boolean store, int cellStart, int column) {
        while (true) {
            if (pos == limit && !fill()) {
                return true;
            }
            char[] chars = buffer;
            int start = pos;
            int end = limit;
            int p = start;
            while (p < end) {
                char c = chars[p];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            if (p > start) {
                recordBlank = false;
                if (store) {
                    append(start, p - start, cellStart, column);
                }
            }
            pos = p;
            if (p < end) {
                if (chars[p] == ',') {
                    pos++;
                    recordBlank = false;
                    return false;
                }
                endLine();
                return true;
            }
        }
    }

    /** Reads a quoted cell after its opening quote, up to and including its closing quote. */
    private void readQuoted(boolean store, int cellStart, int column) {
        int quoteLine = line;
        while (true) {
            if (pos == limit && !fill()) {
                throw cellError(quoteLine, column, "the quote that opens the cell is never closed");
            }
            char[] chars = buffer;
            int start = pos;
            int end = limit;
            int p = start;
            while (p < end) {
                char c = chars[p];
                if (c == '"') {
                    break;
                }
                // Line breaks inside the cell still count as lines: "\r", "\n" or "\r\n".
                if (c == '\r' || (c == '\n' && (p > 0 ? chars[p - 1] : beforeBuffer) != '\r')) {
                    line++;
                }
                p++;
            }
            if (p > start && store) {
                append(start, p - start, cellStart, column);
            }
            pos = p;
            if (p == end) {
                continue;
            }
            pos++; // the quote
            if (pos == limit && !fill()) {
                return; // closed at the end of the text
            }
            if (buffer[pos] != '"') {
                return;
            }
            if (store) {
                append(pos, 1, cellStart, column); // a doubled quote is one quote
            }
            pos++;
        }
    }

    /** After a closing quote: a comma (false), the end of the line or text (true), or an error. */
    private boolean afterClosingQuote(int column) {
        if (pos == limit && !fill()) {
            return true;
        }
        char c = buffer[pos];
        if (c == ',') {
            pos++;
            return false;
        }
        if (c == '\n' || c == '\r') {
            endLine();
            return true;
        }
        throw cellError(line, column, "'" + c + "' follows the closing quote; a quote inside a quoted cell is doubled");
    }

    /** Consumes "\n", "\r\n" or a lone "\r" at {@code pos}. */
    private void endLine() {
        char c = buffer[pos++];
        line++;
        if (c == '\r' && (pos < limit || fill()) && buffer[pos] == '\n') {
            pos++;
        }
    }

    private void append(int from, int length, int cellStart, int column) {
        int needed = recordLength + length;
        if (needed - cellStart > MAX_CELL) {
            throw cellError(recordLine, column, "the cell is longer than " + MAX_CELL + " characters");
        }
        if (needed > record.length) {
            record = Arrays.copyOf(record, Math.max(needed, record.length * 2));
        }
        System.arraycopy(buffer, from, record, recordLength, length);
        recordLength = needed;
    }

    /** Reads the next buffer when the current one is used up; false at the end of the text. */
    private boolean fill() {
        if (endOfText) {
            return false;
        }
        if (limit > 0) {
            beforeBuffer = buffer[limit - 1];
        }
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            pos = 0;
            if (n < 0) {
                endOfText = true;
                limit = 0;
                return false;
            }
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
