package org.monitorserver.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** One blocking keep-alive connection to the server: write a pre-encoded request, read its response. */
final class HttpConnection implements Closeable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    // A request that takes longer than this is a hung server, not a slow one: count it as an error.
    private static final int READ_TIMEOUT_MILLIS = 120_000;

    private final Socket socket;
    private final OutputStream out;
    private final HttpResponseReader reader;

    private HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new HttpResponseReader(socket.getInputStream());
    }

    static HttpConnection open(String host, int port) throws IOException {
        var socket = new Socket();
        try {
            // Without it, Nagle's algorithm and delayed ACKs add up to 40 ms to small requests.
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            return new HttpConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    HttpResponse exchange(Request request, boolean keepBody) throws IOException {
        // One write of the whole request: one segment for small ones.
        out.write(request.bytes());
        out.flush();
        return reader.read(keepBody);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to do with a broken connection.
        }
    }
}
