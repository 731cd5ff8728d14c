package org.monitorserver.rest.run;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.monitorserver.domain.run.SampleColumn;
import org.monitorserver.domain.run.SampleNumbers;
import org.monitorserver.persistence.run.SampleSink;

/**
 * Writes a run's samples as they stream from the database, in the run's own column order: CSV as the tracker
 * writes it (names quoted, numbers bare, an empty cell for no value, unknown columns' text quoted unless it is a
 * number), or JSON {@code {run_id, columns, samples: [{column: value}]}} with null for no value.
 */
abstract class SampleWriter implements SampleSink {

    /** Per column of the header: its index among the known columns, or -1 for an unknown one. */
    final List<String> columns;
    final int[] known;

    private SampleWriter(List<String> columns) {
        this.columns = columns;
        this.known = columns.stream().mapToInt(SampleColumn::indexOf).toArray();
    }

    /** Ends the output. */
    abstract void finish() throws IOException;

    static SampleWriter csv(OutputStream out, List<String> columns) {
        return new Csv(out, columns);
    }

    static SampleWriter json(OutputStream out, String runId, List<String> columns) {
        return new JsonSamples(out, runId, columns);
    }

    private static final class Csv extends SampleWriter {
        private final Writer out;

        Csv(OutputStream out, List<String> columns) {
            super(columns);
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            try {
                for (int i = 0; i < columns.size(); i++) {
                    this.out.write(i == 0 ? "" : ",");
                    quoted(columns.get(i));
                }
                if (!columns.isEmpty()) {
                    this.out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void sample(double[] values, Map<String, String> extra) throws IOException {
            for (int i = 0; i < known.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                if (known[i] >= 0) {
                    double value = values[known[i]];
                    if (!Double.isNaN(value)) {
                        out.write(SampleNumbers.format(value));
                    }
                } else {
                    String text = extra.get(columns.get(i));
                    if (text != null) {
                        if (isNumber(text)) {
                            out.write(text);
                        } else {
                            quoted(text);
                        }
                    }
                }
            }
            out.write('\n');
        }

        private void quoted(String text) throws IOException {
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        }

        @Override
        void finish() throws IOException {
            out.flush();
        }
    }

    private static final class JsonSamples extends SampleWriter {
        private final JsonGenerator json;

        JsonSamples(OutputStream out, String runId, List<String> columns) {
            super(columns);
            this.json = Json.createGenerator(out);
            json.writeStartObject().write("run_id", runId).writeStartArray("columns");
            columns.forEach(json::write);
            json.writeEnd().writeStartArray("samples");
        }

        @Override
        public void sample(double[] values, Map<String, String> extra) {
            json.writeStartObject();
            for (int i = 0; i < known.length; i++) {
                String name = columns.get(i);
                if (known[i] >= 0) {
                    double value = values[known[i]];
                    if (Double.isNaN(value)) {
                        json.writeNull(name);
                    } else {
                        json.write(name, new BigDecimal(SampleNumbers.format(value)));
                    }
                } else {
                    String text = extra.get(name);
                    if (text == null) {
                        json.writeNull(name);
                    } else {
                        json.write(name, text);
                    }
                }
            }
            json.writeEnd();
        }

        @Override
        void finish() {
            json.writeEnd().writeEnd();
            json.flush();
        }
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return false;
        }
        try {
            // Digits last: Java also reads "1d" and "1f", and "NaN", which are not numbers in a CSV.
            return Double.isFinite(Double.parseDouble(text)) && text.strip().equals(text)
                    && Character.isDigit(text.charAt(text.length() - 1));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
