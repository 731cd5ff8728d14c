package org.monitorserver.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that stops with a 413 ({@link BodyTooLargeException}) at the first byte past its limit, however
 * the client declared its length: chunked bodies have no {@code Content-Length} to check first.
 */
public final class BoundedBody extends FilterInputStream {

    private final long limit;
    private final String setting;
    private long read;

    /** {@code in}, cut off after {@code limit} bytes, {@code setting} being the setting that names the limit. */
    public BoundedBody(InputStream in, long limit, String setting) {
        super(in);
        this.limit = limit;
        this.setting = setting;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new BodyTooLargeException(limit, setting);
        }
    }
}
