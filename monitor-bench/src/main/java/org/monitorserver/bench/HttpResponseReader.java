package org.monitorserver.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses from one connection: the status line, the headers, then the body by
 * {@code Content-Length}, by {@code Transfer-Encoding: chunked}, or up to the end of the stream. It buffers by itself
 * (no {@code BufferedInputStream}, whose reads are synchronized) and skips bodies that nobody asked to keep,
 * so that the client costs as little as possible next to the server it measures.
 */
final class HttpResponseReader {

    private static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private final StringBuilder line = new StringBuilder(128);

    HttpResponseReader(InputStream in) {
        this.in = in;
    }

    /** The next response; the body is kept only if {@code keepBody}. */
    HttpResponse read(boolean keepBody) throws IOException {
        while (true) {
            String statusLine = readLine();
            int status = status(statusLine);
            boolean http10 = statusLine.startsWith("HTTP/1.0");
            long contentLength = -1;
            boolean chunked = false;
            boolean close = http10;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed header line: " + header);
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close") || (http10 && !value.contains("keep-alive"));
                    default -> {
                        // Not needed.
                    }
                }
            }
            // An interim answer (100 Continue) is followed by the real one.
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            var kept = keepBody ? new ByteArrayOutputStream() : null;
            long length;
            if (status == 204 || status == 304) {
                length = 0;
            } else if (chunked) {
                length = readChunked(kept);
            } else if (contentLength >= 0) {
                copy(contentLength, kept);
                length = contentLength;
            } else {
                // Neither length nor chunks: the body ends with the connection.
                length = copyToEnd(kept);
                close = true;
            }
            return new HttpResponse(status, close, length, kept == null ? null : kept.toByteArray());
        }
    }

    private static int status(String statusLine) throws IOException {
        // "HTTP/1.1 200 OK"
        if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("malformed status line: " + statusLine);
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("malformed status line: " + statusLine, e);
        }
    }

    private long readChunked(ByteArrayOutputStream kept) throws IOException {
        long total = 0;
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size: " + sizeLine, e);
            }
            if (size == 0) {
                // Trailers, up to the empty line.
                while (!readLine().isEmpty()) {
                    // Skipped.
                }
                return total;
            }
            copy(size, kept);
            total += size;
            if (!readLine().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private void copy(long count, ByteArrayOutputStream kept) throws IOException {
        long left = count;
        while (left > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed " + left + " bytes before the end of the body");
            }
            int n = (int) Math.min(left, limit - position);
            if (kept != null) {
                kept.write(buffer, position, n);
            }
            position += n;
            left -= n;
        }
    }

    private long copyToEnd(ByteArrayOutputStream kept) throws IOException {
        long total = 0;
        while (position < limit || fill()) {
            int n = limit - position;
            if (kept != null) {
                kept.write(buffer, position, n);
            }
            position = limit;
            total += n;
        }
        return total;
    }

    /** One line without its CRLF (a bare LF is accepted too). */
    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException(line.length() == 0 ? "connection closed" : "connection closed in a line");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            // Status and header lines are ASCII; ISO-8859-1 keeps any other byte as one char.
            line.append((char) (b & 0xff));
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
