package org.monitorserver.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSON text written straight as UTF-8 bytes, for {@link StreamedJsonWriter}'s fixed shapes. JSON-P's generator
 * writes char by char through an {@code OutputStreamWriter} and checks its state at every call; that was the
 * largest single cost of a 500-row page. This one fills a byte buffer and hands it to the stream when full; the
 * caller knows the shape, so the only state kept is whether a container already has a member (for commas).
 *
 * <p>Strings are escaped as JSON-P escapes them: {@code "}, {@code \} and the control characters below U+0020;
 * everything else is written as its UTF-8 bytes (a lone surrogate as {@code ?}, as Java's UTF-8 encoder does).
 */
final class JsonBytes {

    /** Every member name written so far, as {@code "name":} in UTF-8. */
    private static final Map<String, byte[]> NAMES = new ConcurrentHashMap<>();

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** The deepest nesting of the shapes written: page, row list, row, tag list, tag. */
    private static final int MAX_DEPTH = 8;

    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int size;

    /** Per open container: true until its first member or element is written. */
    private final boolean[] empty = new boolean[MAX_DEPTH];
    private int depth;

    JsonBytes(OutputStream out) {
        this.out = out;
    }

    /** An object as an array element (or the whole text). */
    JsonBytes startObject() throws IOException {
        separate();
        return open('{');
    }

    JsonBytes startArray(String name) throws IOException {
        name(name);
        return open('[');
    }

    JsonBytes endObject() throws IOException {
        return close('}');
    }

    JsonBytes endArray() throws IOException {
        return close(']');
    }

    /** A text member; null is written as null. */
    JsonBytes text(String name, String value) throws IOException {
        name(name);
        return value == null ? ascii("null") : string(value);
    }

    /** A text element of an array; null is written as null. */
    JsonBytes text(String value) throws IOException {
        separate();
        return value == null ? ascii("null") : string(value);
    }

    JsonBytes number(String name, long value) throws IOException {
        name(name);
        return ascii(Long.toString(value));
    }

    /**
     * @throws NumberFormatException for NaN and the infinities, which JSON has no number for (as JSON-P's
     *         generator throws)
     */
    JsonBytes number(String name, double value) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new NumberFormatException("JSON has no number " + value + " (member " + name + ")");
        }
        name(name);
        return ascii(Double.toString(value));
    }

    JsonBytes nullElement() throws IOException {
        separate();
        return ascii("null");
    }

    /** Hands what is buffered to the stream; the stream itself is neither flushed nor closed. */
    void finish() throws IOException {
        if (depth != 0) {
            throw new IllegalStateException(depth + " containers left open");
        }
        drain();
    }

    private JsonBytes open(char bracket) throws IOException {
        put(bracket);
        empty[++depth] = true;
        return this;
    }

    private JsonBytes close(char bracket) throws IOException {
        depth--;
        put(bracket);
        return this;
    }

    /** A member's name and colon, encoded once per name: the shapes have a few dozen, written on every row. */
    private void name(String name) throws IOException {
        separate();
        byte[] encoded = NAMES.computeIfAbsent(name, JsonBytes::encodeName);
        bytes(encoded, 0, encoded.length);
    }

    private static byte[] encodeName(String name) {
        var text = new ByteArrayOutputStream();
        try {
            var json = new JsonBytes(text);
            json.string(name).put(':');
            json.finish();
            return text.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The comma before every member or element but a container's first. */
    private void separate() throws IOException {
        if (depth > 0) {
            if (empty[depth]) {
                empty[depth] = false;
            } else {
                put(',');
            }
        }
    }

    /** Text known to be ASCII (numbers, {@code null}): its bytes as they are. */
    private JsonBytes ascii(String text) throws IOException {
        byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
        bytes(ascii, 0, ascii.length);
        return this;
    }

    /**
     * The string's UTF-8 bytes (the JDK's encoder: a copy for ASCII text, {@code ?} for a lone surrogate), written
     * in runs between the few bytes that need escaping. Every byte of a multi-byte sequence is 0x80 or above, so
     * escaping works on the encoded bytes. A loop over chars was half a 500-row page's server CPU.
     */
    private JsonBytes string(String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        put('"');
        int run = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b >= 0 && (b < 0x20 || b == '"' || b == '\\')) {
                bytes(utf8, run, i - run);
                escape(b);
                run = i + 1;
            }
        }
        bytes(utf8, run, utf8.length - run);
        put('"');
        return this;
    }

    private void bytes(byte[] bytes, int offset, int length) throws IOException {
        if (size + length > buffer.length) {
            drain();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /** A quote, a backslash or a control character, escaped as JSON-P escapes it. */
    private void escape(byte c) throws IOException {
        room(6);
        buffer[size++] = '\\';
        switch (c) {
            case '"', '\\' -> buffer[size++] = c;
            case '\b' -> buffer[size++] = 'b';
            case '\f' -> buffer[size++] = 'f';
            case '\n' -> buffer[size++] = 'n';
            case '\r' -> buffer[size++] = 'r';
            case '\t' -> buffer[size++] = 't';
            default -> {
                buffer[size++] = 'u';
                buffer[size++] = '0';
                buffer[size++] = '0';
                buffer[size++] = HEX[c >> 4];
                buffer[size++] = HEX[c & 0xf];
            }
        }
    }

    private void put(char c) throws IOException {
        room(1);
        buffer[size++] = (byte) c;
    }

    /** Room for a few bytes (at most an escape's six) in the buffer. */
    private void room(int bytes) throws IOException {
        if (size + bytes > buffer.length) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (size > 0) {
            out.write(buffer, 0, size);
            size = 0;
        }
    }
}
