package org.monitorserver.rest;

import org.monitorserver.api.BulkReportJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.monitorserver.persistence.ConflictException;

/**
 * The rows of a bulk request: a JSON array of objects ({@code application/json}) or one object per line
 * ({@code application/x-ndjson}), parsed as they arrive and validated one by one. A row that is not a valid
 * object, or fails validation, is recorded in {@link BulkReport} and skipped; it never stops the others. What
 * cannot be read on (a JSON array that breaks off, a body over the limit) stops the whole request with a 400 or
 * 413 before anything is written: the body is read whole before the ingest layer is called, so no transaction
 * waits on a client and no bulk request is stored in part.
 */
public final class BulkRows {

    /** The NDJSON media type. */
    public static final String NDJSON = "application/x-ndjson";

    private BulkRows() {
    }

    /** A valid row and its 0-based number in the body. */
    public record Row<T>(int index, T value) {
    }

    /**
     * The valid rows of {@code body}, each turned into {@code T} by {@code reader}; rejected rows go to
     * {@code report}. The caller counts the rows it stores ({@link BulkReport#accept}).
     *
     * @param reader reads and validates one row, throwing {@link InvalidRequestException} for a bad one
     * @throws InvalidRequestException when the body is not a JSON array or NDJSON, or breaks off
     * @throws BodyTooLargeException when the body grows over {@code limit} bytes
     */
    public static <T> List<Row<T>> read(InputStream body, MediaType type, long limit, BulkReport report,
            Function<JsonObject, T> reader) {
        InputStream bounded = new BoundedBody(body, limit, "MONITOR_SERVER_MAX_BULK_BYTES");
        Iterator<JsonValue> values = type != null && type.isCompatible(MediaType.valueOf(NDJSON))
                ? new Lines(bounded) : new Array(bounded);
        var rows = new ArrayList<Row<T>>();
        new Validated<>(values, report, reader).forEachRemaining(rows::add);
        return rows;
    }

    /** The values of the rows alone, in order. */
    public static <T> List<T> values(List<Row<T>> rows) {
        return rows.stream().map(Row::value).toList();
    }

    /**
     * The report of an idempotent store of {@code rows} (sessions, contexts): each conflict the store answered,
     * by position in {@code rows}, is a rejection of its row; every other row counts as stored.
     */
    public static <T> BulkReportJson report(List<Row<T>> rows, Map<Integer, ConflictException> conflicts,
            BulkReport report) {
        conflicts.forEach((position, e) -> report.reject(rows.get(position).index(), e.getMessage(), Map.of()));
        report.accept(rows.size() - conflicts.size());
        return report.json();
    }

    /** Turns each value into a row, or a rejection. */
    private static final class Validated<T> implements Iterator<Row<T>> {

        private final Iterator<JsonValue> values;
        private final BulkReport report;
        private final Function<JsonObject, T> reader;
        private Row<T> next;
        private int index = -1;

        Validated(Iterator<JsonValue> values, BulkReport report, Function<JsonObject, T> reader) {
            this.values = values;
            this.report = report;
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            return advance();
        }

        private boolean advance() {
            while (next == null && values.hasNext()) {
                JsonValue value = values.next();
                index++;
                if (value instanceof Malformed malformed) {
                    report.reject(index, malformed.reason, Map.of());
                } else if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    report.reject(index, "a row must be a JSON object", Map.of());
                } else {
                    try {
                        next = new Row<>(index, reader.apply(value.asJsonObject()));
                    } catch (InvalidRequestException e) {
                        report.reject(index, e.getMessage(), e.errors());
                    }
                }
            }
            return next != null;
        }

        @Override
        public Row<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row<T> row = next;
            next = null;
            return row;
        }
    }

    /** The elements of one JSON array, streamed; a syntax error ends the request (the rest cannot be found). */
    private static final class Array implements Iterator<JsonValue> {

        private final JsonParser parser;
        private boolean done;

        Array(InputStream body) {
            parser = Json.createParser(new InputStreamReader(body, StandardCharsets.UTF_8));
            try {
                expect(parser.hasNext() ? parser.next() : null, JsonParser.Event.START_ARRAY);
            } catch (RuntimeException e) {
                throw broken(e);
            }
        }

        @Override
        public boolean hasNext() {
            if (done) {
                return false;
            }
            JsonParser.Event event = advance();
            if (event == JsonParser.Event.END_ARRAY) {
                done = true;
                if (parser.hasNext()) {
                    throw invalid("unexpected content after the JSON array");
                }
                parser.close();
                return false;
            }
            return true;
        }

        @Override
        public JsonValue next() {
            try {
                return parser.getValue();
            } catch (RuntimeException e) {
                throw broken(e);
            }
        }

        private JsonParser.Event advance() {
            try {
                return parser.next();
            } catch (RuntimeException e) {
                throw broken(e);
            }
        }

        /**
         * {@code e} as the answer to the client: a body over the limit stays 413 and our own refusals stay as they
         * are; the parser's failures (JsonException, NoSuchElementException, and its own limits such as the
         * nesting depth, thrown as bare RuntimeExceptions) are 400.
         */
        private static RuntimeException broken(RuntimeException e) {
            if (e instanceof BodyTooLargeException || e instanceof InvalidRequestException) {
                return e;
            }
            return invalid("the request body is not a valid JSON array: " + e.getMessage());
        }

        private static void expect(JsonParser.Event event, JsonParser.Event expected) {
            if (event != expected) {
                throw invalid("the request body must be a JSON array of rows (or NDJSON, one row per line)");
            }
        }
    }

    /** One JSON value per line; blank lines are skipped, a malformed line is a rejected row. */
    private static final class Lines implements Iterator<JsonValue> {

        private final BufferedReader lines;
        private String line;

        Lines(InputStream body) {
            lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        }

        @Override
        public boolean hasNext() {
            try {
                while (line == null) {
                    String read = lines.readLine();
                    if (read == null) {
                        return false;
                    }
                    if (!read.isBlank()) {
                        line = read;
                    }
                }
                return true;
            } catch (IOException e) {
                throw invalid("the request body could not be read: " + e.getMessage());
            }
        }

        @Override
        public JsonValue next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String text = line;
            line = null;
            return JsonObjectReader.parseObject(text).<JsonValue>map(o -> o)
                    .orElseGet(() -> new Malformed("the line is not a JSON object"));
        }
    }

    /** A row that could not be parsed, carried through the iterator to be reported. */
    private static final class Malformed implements JsonValue {

        private final String reason;

        Malformed(String reason) {
            this.reason = reason;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.NULL;
        }
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(message, Map.of());
    }
}
