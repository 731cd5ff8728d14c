package org.monitorserver.rest.run;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.NotSupportedException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.run.Run;
import org.monitorserver.persistence.run.RunFinish;
import org.monitorserver.rest.BodyTooLargeException;
import org.monitorserver.rest.BoundedBody;
import org.monitorserver.rest.InvalidRequestException;
import org.monitorserver.rest.JsonObjectReader;

/**
 * A run's finish as either real client sends it: {@code {exit_code, run_status, data_source, data_csv |
 * data_uris, finished_at?}}. The body may be gzip-compressed as a whole ({@code Content-Encoding: gzip},
 * Python's inline finish); {@code data_csv} may be the CSV itself or base64 of the gzipped CSV (other Python
 * versions), told apart by the base64 of gzip's magic bytes, {@code H4sI}. Missing keys take what the clients
 * mean by them: the status follows the exit code (0 or none: finished), the source follows the data sent. The
 * size limit applies to the decoded body and to the decoded CSV.
 *
 * @param csv the CSV text for an inline finish, null for the object store
 */
record RunFinishSubmission(RunFinish finish, String csv) {

    /** The base64 of a gzip stream's first bytes (1f 8b 08): no CSV starts so. */
    private static final String BASE64_GZIP = "H4sI";

    private static final String SETTING = "MONITOR_SERVER_MAX_RUN_BYTES";

    /** Whether the data comes inline (else from the object store). */
    boolean inline() {
        return csv != null;
    }

    /**
     * Reads a finish body of at most {@code limit} bytes, decoded.
     *
     * @throws InvalidRequestException (400) for a body that does not decode or a field of the wrong kind
     * @throws BodyTooLargeException (413) past the limit
     * @throws NotSupportedException (415) for a content encoding other than gzip
     */
    static RunFinishSubmission read(InputStream body, String encoding, String length, long limit) throws IOException {
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
            throw new BodyTooLargeException(limit, SETTING);
        }
        InputStream in = new BoundedBody(body, limit, SETTING);
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            if (!encoding.equalsIgnoreCase("gzip") && !encoding.equalsIgnoreCase("x-gzip")) {
                throw new NotSupportedException("Content-Encoding " + encoding + " is not supported: send gzip or "
                        + "nothing");
            }
            in = new BoundedBody(gunzip(in, "the request body"), limit, SETTING);
        }
        String text = new String(readAll(in, "the request body"), StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            throw new InvalidRequestException("the request body is empty; send a JSON object", Map.of());
        }
        Map<String, JsonValue> members = JsonObjectReader.members(text);
        text = null; // the members hold the CSV now; let the text go before the CSV is decoded
        Map<String, String> errors = new TreeMap<>();
        Integer exitCode = exitCode(members.get("exit_code"), errors);
        Run.Status outcome = outcome(members.get("run_status"), exitCode, errors);
        LocalDateTime finishedAt = finishedAt(members.get("finished_at"), errors);
        JsonValue csv = members.get("data_csv");
        JsonValue uris = members.get("data_uris");
        String source = source(members.get("data_source"), present(csv), errors);
        String csvText = null;
        List<String> uriList = null;
        if ("inline".equals(source)) {
            if (present(csv) && csv instanceof JsonString string) {
                csvText = csvText(string.getString(), limit);
            } else {
                errors.put("data_csv", present(csv) ? "must be a string of CSV" : "is required with data_source inline");
            }
        } else if ("s3".equals(source)) {
            uriList = uris(uris, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("invalid run finish", errors);
        }
        return new RunFinishSubmission(new RunFinish(outcome, exitCode, finishedAt,
                uriList == null ? List.of() : uriList), csvText);
    }

    private static boolean present(JsonValue value) {
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    private static Integer exitCode(JsonValue value, Map<String, String> errors) {
        if (!present(value)) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()
                && number.bigIntegerValue().bitLength() < 32) {
            return number.intValue();
        }
        errors.put("exit_code", "must be a whole number or null");
        return null;
    }

    private static Run.Status outcome(JsonValue value, Integer exitCode, Map<String, String> errors) {
        if (!present(value)) {
            return exitCode == null || exitCode == 0 ? Run.Status.FINISHED : Run.Status.FAILED;
        }
        if (value instanceof JsonString text) {
            switch (text.getString().toLowerCase(Locale.ROOT)) {
                case "finished":
                    return Run.Status.FINISHED;
                case "failed":
                    return Run.Status.FAILED;
                default:
                    break;
            }
        }
        errors.put("run_status", "must be finished or failed");
        return Run.Status.FAILED;
    }

    private static LocalDateTime finishedAt(JsonValue value, Map<String, String> errors) {
        if (!present(value)) {
            return null;
        }
        if (value instanceof JsonString text) {
            var parsed = IsoDateTime.parse(text.getString());
            if (parsed.isPresent()) {
                return parsed.get();
            }
        } else if (value instanceof JsonNumber epoch && Math.abs(epoch.doubleValue()) < 1e11) {
            double seconds = epoch.doubleValue();
            long whole = (long) Math.floor(seconds);
            return LocalDateTime.ofEpochSecond(whole, (int) Math.round((seconds - whole) * 1e6) * 1000,
                    ZoneOffset.UTC);
        }
        errors.put("finished_at", "must be an ISO 8601 time (UTC unless it has an offset) or epoch seconds");
        return null;
    }

    private static String source(JsonValue value, boolean hasCsv, Map<String, String> errors) {
        if (!present(value)) {
            return hasCsv ? "inline" : "s3";
        }
        if (value instanceof JsonString text) {
            String source = text.getString().toLowerCase(Locale.ROOT);
            if (source.equals("inline") || source.equals("s3")) {
                return source;
            }
        }
        errors.put("data_source", "must be inline or s3");
        return null;
    }

    private static List<String> uris(JsonValue value, Map<String, String> errors) {
        List<String> uris = new ArrayList<>();
        if (!present(value)) {
            return uris;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.put("data_uris", "must be a list of s3:// URIs");
            return uris;
        }
        for (JsonValue element : value.asJsonArray()) {
            if (element instanceof JsonString uri && uri.getString().startsWith("s3://")) {
                uris.add(uri.getString());
            } else {
                errors.put("data_uris", "must be a list of s3:// URIs");
                break;
            }
        }
        return uris;
    }

    /** The CSV of {@code data_csv}: itself, or decoded from base64 of gzip. */
    private static String csvText(String data, long limit) throws IOException {
        if (!data.startsWith(BASE64_GZIP)) {
            if (data.length() > limit) {
                throw new BodyTooLargeException(limit, SETTING);
            }
            return data;
        }
        byte[] gzip;
        try {
            // Strict, but line breaks allowed: the MIME decoder would skip any stray character silently.
            gzip = Base64.getDecoder().decode(withoutWhitespace(data));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid run finish", Map.of("data_csv",
                    "starts as base64 of gzip (H4sI) but is not base64: " + e.getMessage()));
        }
        InputStream csv = new BoundedBody(gunzip(new ByteArrayInputStream(gzip), "data_csv"), limit, SETTING);
        return new String(readAll(csv, "data_csv"), StandardCharsets.UTF_8);
    }

    private static String withoutWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                var kept = new StringBuilder(text.length());
                text.chars().filter(c -> !Character.isWhitespace(c)).forEach(c -> kept.append((char) c));
                return kept.toString();
            }
        }
        return text;
    }

    private static InputStream gunzip(InputStream in, String what) throws IOException {
        try {
            return new GZIPInputStream(in, 64 * 1024);
        } catch (ZipException | EOFException e) {
            throw notGzip(what, e);
        }
    }

    private static byte[] readAll(InputStream in, String what) throws IOException {
        try {
            return in.readAllBytes();
        } catch (ZipException | EOFException e) {
            throw notGzip(what, e);
        }
    }

    private static InvalidRequestException notGzip(String what, IOException e) {
        return new InvalidRequestException(what + " is not valid gzip: " + e.getMessage(), Map.of());
    }
}
