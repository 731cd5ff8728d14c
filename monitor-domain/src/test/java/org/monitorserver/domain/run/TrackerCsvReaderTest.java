package org.monitorserver.domain.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerCsvReaderTest {

    static final String KNOWN_HEADER = "\"" + String.join("\",\"", SampleColumn.KNOWN) + "\"";

    static List<CsvSample> readAll(Reader in, String source) {
        try (TrackerCsvReader reader = new TrackerCsvReader(in, source)) {
            List<CsvSample> samples = new ArrayList<>();
            for (CsvSample sample = reader.next(); sample != null; sample = reader.next()) {
                samples.add(sample);
            }
            return samples;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<CsvSample> readAll(String text) {
        return readAll(new StringReader(text), "data_csv");
    }

    /** Reads a text one char per call, so that every cell and line end crosses a buffer boundary. */
    static Reader trickle(String text) {
        return new Reader() {
            private int pos;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (pos == text.length()) {
                    return -1;
                }
                cbuf[off] = text.charAt(pos++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
    }

    static String sentinelSample() throws IOException {
        try (InputStream in = TrackerCsvReaderTest.class.getResourceAsStream("sentinel-sample.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InvalidRunDataException refused(String text) {
        return assertThrows(InvalidRunDataException.class, () -> readAll(text));
    }

    private static String message(String text) {
        return refused(text).getMessage();
    }

    @Test
    void readsTheTrackersSample() throws IOException {
        List<CsvSample> samples;
        List<String> header;
        try (InputStream in = getClass().getResourceAsStream("sentinel-sample.csv");
                TrackerCsvReader reader = new TrackerCsvReader(
                        new InputStreamReader(in, StandardCharsets.UTF_8), "data_csv")) {
            header = reader.header();
            samples = new ArrayList<>();
            for (CsvSample sample = reader.next(); sample != null; sample = reader.next()) {
                samples.add(sample);
            }
        }
        assertEquals(SampleColumn.KNOWN, header);
        assertEquals(5, samples.size());
        CsvSample first = samples.get(0);
        assertEquals(2, first.line());
        assertEquals(Map.of(), first.extra());
        assertEquals(1796192508.002, first.value("timestamp"));
        assertEquals(84.0, first.value("system_processes"));
        assertEquals(1.0195, first.value("system_cpu_usage"));
        assertEquals(23424.4688, first.value("system_memory_free_mib"));
        assertEquals(270.55, first.value("system_disk_space_total_gb"));
        assertEquals(26255.0, first.value("process_pid"));
        assertEquals(34.2236, first.value("process_memory_mib"));
        assertEquals(4096.0, first.value("process_disk_write_bytes"));
        assertEquals(0.0, first.value("process_gpu_utilized"));
        assertEquals(6, samples.get(4).line());
        assertEquals(1796192512.0, samples.get(4).known()[0]);
        assertEquals(83.0, samples.get(4).value("system_processes"));
    }

    @Test
    void readsTheSameAcrossBufferBoundariesAndWithCrLf() throws IOException {
        String text = sentinelSample();
        List<CsvSample> whole = readAll(text);
        for (List<CsvSample> other : List.of(readAll(trickle(text), "data_csv"),
                readAll(text.replace("\n", "\r\n")), readAll(trickle(text.replace("\n", "\r\n")), "data_csv"))) {
            assertEquals(whole.size(), other.size());
            for (int i = 0; i < whole.size(); i++) {
                assertEquals(whole.get(i).line(), other.get(i).line());
                assertTrue(Arrays.equals(whole.get(i).known(), other.get(i).known()));
            }
        }
    }

    @Test
    void columnsMissingFromTheHeaderHaveNoValue() {
        List<CsvSample> samples = readAll("\"system_cpu_usage\",\"timestamp\"\n2.5,100\n");
        double[] known = samples.get(0).known();
        assertEquals(100.0, known[0]);
        assertEquals(2.5, known[4]);
        int values = 0;
        for (double value : known) {
            values += Double.isNaN(value) ? 0 : 1;
        }
        assertEquals(2, values);
    }

    @Test
    void emptyCellsAndNanAreNoValue() {
        List<CsvSample> samples = readAll("timestamp,system_cpu_usage,process_pid,note\n"
                + "1,,nan,\n2,NaN,\"\",\"\"\n3,-nan,7,x\n");
        assertTrue(Double.isNaN(samples.get(0).value("system_cpu_usage")));
        assertTrue(Double.isNaN(samples.get(0).value("process_pid")));
        assertTrue(Double.isNaN(samples.get(1).value("system_cpu_usage")));
        assertTrue(Double.isNaN(samples.get(1).value("process_pid")));
        assertTrue(Double.isNaN(samples.get(2).value("system_cpu_usage")));
        assertEquals(7.0, samples.get(2).value("process_pid"));
        assertTrue(samples.get(0).extra().containsKey("note"));
        assertNull(samples.get(0).extra().get("note"));
        assertNull(samples.get(1).extra().get("note"));
        assertEquals("x", samples.get(2).extra().get("note"));
    }

    @Test
    void unknownColumnsAreKeptAsTextInHeaderOrder() {
        List<CsvSample> samples = readAll("\"zeta\",\"timestamp\",\"alpha\",\"system_disk_space_used_gib\"\n"
                + "\"abc\",1,inf,28.5\n");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("zeta", "abc");
        expected.put("alpha", "inf");
        expected.put("system_disk_space_used_gib", "28.5");
        assertEquals(expected, samples.get(0).extra());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(samples.get(0).extra().keySet()));
    }

    @Test
    void quotedCellsHoldCommasLineBreaksAndDoubledQuotes() {
        String text = "\"timestamp\",\"note\",\"system_cpu_usage\"\n"
                + "1,\"a, \"\"b\"\"\nc\",\"1.5\"\n"
                + "2,\"x\r\ny\r\n\",2.5\n"
                + "3,\"\"\"\",\"\"\n";
        for (List<CsvSample> samples : List.of(readAll(text), readAll(trickle(text), "data_csv"))) {
            assertEquals(3, samples.size());
            assertEquals(2, samples.get(0).line());
            assertEquals("a, \"b\"\nc", samples.get(0).extra().get("note"));
            assertEquals(1.5, samples.get(0).value("system_cpu_usage"));
            assertEquals(4, samples.get(1).line());
            assertEquals("x\r\ny\r\n", samples.get(1).extra().get("note"));
            assertEquals(7, samples.get(2).line());
            assertEquals("\"", samples.get(2).extra().get("note"));
            assertTrue(Double.isNaN(samples.get(2).value("system_cpu_usage")));
        }
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsAnOrdinaryChar() {
        assertEquals("5\" disk", readAll("timestamp,note\n1,5\" disk\n").get(0).extra().get("note"));
    }

    @Test
    void crLfLineEndsAndALastLineWithoutEnd() {
        List<CsvSample> samples = readAll("\"timestamp\",\"process_pid\"\r\n1,10\r\n2,20");
        assertEquals(2, samples.size());
        assertEquals(3, samples.get(1).line());
        assertEquals(20.0, samples.get(1).value("process_pid"));
        assertTrue(Double.isNaN(readAll("timestamp,process_pid\n1,").get(0).value("process_pid")));
    }

    @Test
    void headerOnlyHasNoRows() {
        assertEquals(List.of(), readAll(KNOWN_HEADER + "\n"));
        assertEquals(List.of(), readAll(KNOWN_HEADER));
        assertEquals(List.of(), readAll(KNOWN_HEADER + "\n\n\r\n\n"));
    }

    @Test
    void blankLinesAtTheEndAreIgnored() {
        List<CsvSample> samples = readAll("timestamp,process_pid\n1,2\n\n\r\n\n");
        assertEquals(1, samples.size());
    }

    @Test
    void withOneColumnABlankLineInTheMiddleIsAnEmptyCell() {
        List<CsvSample> samples = readAll("\"timestamp\"\n1\n\n\n4\n\"\"\n\n");
        assertEquals(List.of(2, 3, 4, 5, 6), samples.stream().map(CsvSample::line).toList());
        assertEquals(1.0, samples.get(0).known()[0]);
        assertTrue(Double.isNaN(samples.get(1).known()[0]));
        assertTrue(Double.isNaN(samples.get(2).known()[0]));
        assertEquals(4.0, samples.get(3).known()[0]);
        assertTrue(Double.isNaN(samples.get(4).known()[0]));
        List<CsvSample> unknown = readAll("note\na\n\nb\n");
        assertEquals(3, unknown.size());
        assertTrue(unknown.get(1).extra().containsKey("note"));
        assertNull(unknown.get(1).extra().get("note"));
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        assertEquals(List.of("timestamp", "x"),
                new TrackerCsvReader(new StringReader("\uFEFF\"timestamp\",\"x\"\n"), "data_csv").header());
    }

    @Test
    void aHeaderOfAThousandColumnsAndACellOfOneMebibyteAreAccepted() {
        StringBuilder header = new StringBuilder("c1");
        for (int i = 2; i <= 1000; i++) {
            header.append(",c").append(i);
        }
        assertEquals(1000, new TrackerCsvReader(new StringReader(header + "\n"), "data_csv").header().size());
        String cell = "x".repeat(TrackerCsvReader.MAX_CELL);
        assertEquals(cell, readAll("timestamp,note\n1,\"" + cell + "\"\n").get(0).extra().get("note"));
    }

    @Test
    void manyRowsOfAllColumns() {
        StringBuilder text = new StringBuilder(KNOWN_HEADER).append('\n');
        String rest = ",84,1.01,0.01,1.0195,23424.4688,270.3828,2.1445,408.0664,110.5234,261.3945,0,0,270.55,28.78,"
                + "80.16,0,0,0,0,0,26255,2,1.01,0.01,1.0203,34.2236,0,4096,0,0,0\n";
        for (int i = 0; i < 86_400; i++) {
            text.append(1_764_000_000 + i).append(rest);
        }
        try (TrackerCsvReader reader = new TrackerCsvReader(new StringReader(text.toString()), "data_csv")) {
            int rows = 0;
            for (CsvSample sample = reader.next(); sample != null; sample = reader.next()) {
                assertEquals(1_764_000_000.0 + rows, sample.known()[0]);
                rows++;
            }
            assertEquals(86_400, rows);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // Errors: each message names the source, the line and the column by name and position.

    @Test
    void anEmptyTextHasNoHeader() {
        assertEquals("data_csv is empty: it has no header line", message(""));
        assertEquals("data_csv is empty: it has no header line", message("\n\r\n\n"));
        InvalidRunDataException e = assertThrows(InvalidRunDataException.class,
                () -> new TrackerCsvReader(new StringReader(""), "chunk 3 (s3://b/k/0002.csv.gz)"));
        assertEquals("chunk 3 (s3://b/k/0002.csv.gz) is empty: it has no header line", e.getMessage());
        assertEquals(1, e.line());
        assertNull(e.column());
    }

    @Test
    void anEmptyHeaderCellIsRefused() {
        assertEquals("data_csv line 1, column 2: the header cell is empty", message("\"timestamp\",,\"x\"\n1,2,3\n"));
        assertEquals("data_csv line 1, column 3: the header cell is empty", message("\"timestamp\",\"x\",\"\"\n"));
        assertEquals("data_csv line 1, column 1: the header cell is empty", message("\n\"timestamp\"\n1\n"));
    }

    @Test
    void aRepeatedHeaderNameIsRefused() {
        InvalidRunDataException e = refused("\"timestamp\",\"x\",\"timestamp\"\n");
        assertEquals("data_csv line 1, column 3 (timestamp): the name repeats column 1", e.getMessage());
        assertEquals(1, e.line());
        assertEquals("timestamp", e.column());
    }

    @Test
    void aHeaderOverAThousandColumnsIsRefused() {
        StringBuilder header = new StringBuilder("c1");
        for (int i = 2; i <= 1001; i++) {
            header.append(",c").append(i);
        }
        assertEquals("data_csv line 1: the header has more than 1000 columns", message(header + "\n"));
    }

    @Test
    void aRowWithAnotherNumberOfCellsIsRefused() {
        InvalidRunDataException e = refused("timestamp,process_pid\n1,2\n3\n");
        assertEquals("data_csv line 3 has 1 cell; the header has 2", e.getMessage());
        assertEquals(3, e.line());
        assertNull(e.column());
        assertEquals("data_csv line 2 has 3 cells; the header has 2", message("timestamp,process_pid\n1,2,3\n"));
        assertEquals("data_csv line 2 has 3 cells; the header has 2", message("timestamp,process_pid\n1,,\n"));
        assertEquals("data_csv line 2 has 2 cells; the header has 1", message("timestamp\n1,\n"));
    }

    @Test
    void aBlankLineInTheMiddleIsRefused() {
        assertEquals("data_csv line 3 has 1 cell; the header has 2", message("timestamp,process_pid\n1,2\n\n\n3,4\n"));
    }

    @Test
    void anUnterminatedQuoteIsRefused() {
        InvalidRunDataException e = refused("timestamp,note\n1,a\n2,\"b\n3,c\n");
        assertEquals("data_csv line 3, column 2 (note): the quote that opens the cell is never closed",
                e.getMessage());
        assertEquals(3, e.line());
        assertEquals("note", e.column());
        assertEquals("data_csv line 1, column 2: the quote that opens the cell is never closed",
                message("\"timestamp\",\"note\n"));
    }

    @Test
    void aCharAfterAClosingQuoteIsRefused() {
        assertEquals("data_csv line 2, column 1 (timestamp): 'b' follows the closing quote;"
                + " a quote inside a quoted cell is doubled", message("timestamp\n\"1\"b\n"));
    }

    @Test
    void aKnownColumnThatIsNotANumberIsRefused() {
        String text = "timestamp,system_processes,system_utime,system_stime,system_cpu_usage\n"
                + "1,2,3,4,5\n".repeat(5) + "1,2,3,4,abc\n";
        InvalidRunDataException e = refused(text);
        assertEquals("data_csv line 7, column 5 (system_cpu_usage): \"abc\" is not a number", e.getMessage());
        assertEquals(7, e.line());
        assertEquals("system_cpu_usage", e.column());
        String header = "timestamp,note,process_pid\n";
        assertEquals("data_csv line 2, column 3 (process_pid): \"1.5d\" is not a number", message(header + "1,x,1.5d\n"));
        assertEquals("data_csv line 2, column 3 (process_pid): \" 1\" is not a number", message(header + "1,x,\" 1\"\n"));
        assertEquals("data_csv line 2, column 1 (timestamp): \"a\\nb\" is not a number",
                message(header + "\"a\nb\",x,1\n"));
        assertEquals("data_csv line 2, column 1 (timestamp): \"" + "9".repeat(64) + "...\" is not a number",
                message(header + "9".repeat(65) + "x,x,1\n"));
    }

    @Test
    void infinitiesAreRefused() {
        String header = "timestamp,process_pid\n";
        assertEquals("data_csv line 2, column 2 (process_pid): \"inf\" is not a finite number", message(header + "1,inf\n"));
        assertEquals("data_csv line 2, column 2 (process_pid): \"-inf\" is not a finite number",
                message(header + "1,-inf\n"));
        assertEquals("data_csv line 2, column 1 (timestamp): \"Infinity\" is not a finite number",
                message(header + "Infinity,1\n"));
        assertEquals("data_csv line 2, column 1 (timestamp): \"1e999\" is not a finite number",
                message(header + "1e999,1\n"));
    }

    @Test
    void aCellOverOneMebibyteIsRefused() {
        String cell = "x".repeat(TrackerCsvReader.MAX_CELL + 1);
        assertEquals("data_csv line 2, column 2 (note): the cell is longer than 1048576 characters",
                message("timestamp,note\n1," + cell + "\n"));
        assertEquals("data_csv line 1, column 1: the cell is longer than 1048576 characters",
                message("\"" + cell + "\"\n"));
    }

    @Test
    void theSourceNamesTheText() {
        InvalidRunDataException e = assertThrows(InvalidRunDataException.class,
                () -> readAll(new StringReader("timestamp\nx\n"), "chunk 3 (s3://b/k/0002.csv.gz)"));
        assertEquals("chunk 3 (s3://b/k/0002.csv.gz) line 2, column 1 (timestamp): \"x\" is not a number",
                e.getMessage());
    }
}
