package org.monitorserver.rest;

import java.io.IOException;
import java.io.OutputStream;

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

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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

    JsonBytes startObject(String name) throws IOException {
        name(name);
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

    private void name(String name) throws IOException {
        separate();
        string(name);
        put(':');
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

    private JsonBytes ascii(String text) throws IOException {
        int length = text.length();
        room(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    private JsonBytes string(String text) throws IOException {
        put('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            // The worst a char costs: six bytes (\\u001f), or four for a surrogate pair.
            room(6);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    buffer[size++] = '\\';
                }
                buffer[size++] = (byte) c;
            } else if (c < 0x20) {
                escapeControl(c);
            } else if (c < 0x800) {
                buffer[size++] = (byte) (0xc0 | c >> 6);
                buffer[size++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                buffer[size++] = (byte) (0xe0 | c >> 12);
                buffer[size++] = (byte) (0x80 | c >> 6 & 0x3f);
                buffer[size++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int code = Character.toCodePoint(c, text.charAt(++i));
                buffer[size++] = (byte) (0xf0 | code >> 18);
                buffer[size++] = (byte) (0x80 | code >> 12 & 0x3f);
                buffer[size++] = (byte) (0x80 | code >> 6 & 0x3f);
                buffer[size++] = (byte) (0x80 | code & 0x3f);
            } else {
                buffer[size++] = '?';
            }
        }
        put('"');
        return this;
    }

    private void escapeControl(char c) {
        buffer[size++] = '\\';
        switch (c) {
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

    private void room(int bytes) throws IOException {
        if (size + bytes > buffer.length) {
            drain();
            if (bytes > buffer.length) {
                throw new IllegalArgumentException("a single write of " + bytes + " bytes");
            }
        }
    }

    private void drain() throws IOException {
        if (size > 0) {
            out.write(buffer, 0, size);
            size = 0;
        }
    }
}
