package org.llmrecon.provider.openai;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The body of one HTTP/1.1 answer, read from its connection on the calling thread, framed as RFC 7230 (3.3.3)
 * says: by {@code Transfer-Encoding: chunked} ({@link ChunkedBody}), by {@code Content-Length}, or by the end of
 * the connection. Closing it hands the connection back to the pool when the body was read to its end and the
 * server keeps the connection open; otherwise it closes the connection, so that the server sees the client go
 * away. Closing is safe from another thread ({@link CallWatch} aborting a stream): the read in progress fails.
 */
abstract class Http1Body extends InputStream {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    protected final Http1Connection connection;
    private final Http1Pool pool;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean complete;

    /** @param pool where the connection goes back after a complete body, or {@code null} to close it */
    Http1Body(Http1Connection connection, Http1Pool pool) {
        this.connection = connection;
        this.pool = pool;
    }

    /** @return the body of the answer with this head, read from {@code connection} */
    static Http1Body of(Http1Head head, Http1Connection connection, Http1Pool pool) throws ProtocolException {
        boolean keep = head.http11() && !head.lists("connection", "close");
        List<String> lengths = head.headers().allValues("content-length");
        if (head.statusCode() == 204 || head.statusCode() == 304) {
            return new Fixed(connection, keep ? pool : null, 0);
        }
        List<String> codings = head.headers().allValues("transfer-encoding");
        if (!codings.isEmpty()) {
            String last = codings.get(codings.size() - 1);
            if (last.substring(last.lastIndexOf(',') + 1).strip().equalsIgnoreCase("chunked")) {
                // with a Content-Length as well the answer is suspect (request smuggling): read it, never reuse
                return new ChunkedBody(connection, keep && lengths.isEmpty() ? pool : null);
            }
            return new Fixed(connection, null, Long.MAX_VALUE);
        }
        if (!lengths.isEmpty()) {
            String first = lengths.get(0).strip();
            if (!DIGITS.matcher(first).matches() || lengths.stream().anyMatch(l -> !l.strip().equals(first))) {
                throw new ProtocolException("the answer's Content-Length is not one number");
            }
            return new Fixed(connection, keep ? pool : null, Long.parseLong(first));
        }
        return new Fixed(connection, null, Long.MAX_VALUE);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (complete) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int n = readBody(into, offset, length);
        if (n < 0) {
            complete = true;
        }
        return n;
    }

    /** @return up to {@code length} bytes of the body, at least one, or -1 after its last byte */
    protected abstract int readBody(byte[] into, int offset, int length) throws IOException;

    /** Marks the body read to its end before the next read would say so. */
    protected void ended() {
        complete = true;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (complete && pool != null) {
                pool.release(connection);
            } else {
                connection.close();
            }
        }
    }

    /**
     * A body of {@code Content-Length} bytes, or one that ends with the connection ({@code Long.MAX_VALUE}; its
     * connection is never reused).
     */
    private static final class Fixed extends Http1Body {
        private final boolean untilClose;
        private long remaining;

        Fixed(Http1Connection connection, Http1Pool pool, long length) {
            super(connection, length == Long.MAX_VALUE ? null : pool);
            this.untilClose = length == Long.MAX_VALUE;
            this.remaining = length;
            if (length == 0) {
                ended();
            }
        }

        @Override
        protected int readBody(byte[] into, int offset, int length) throws IOException {
            int n = connection.read(into, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                if (untilClose) {
                    return -1;
                }
                throw new EOFException("the connection closed " + remaining + " bytes before the end of the body");
            }
            if (untilClose) {
                return n;
            }
            remaining -= n;
            if (remaining == 0) {
                ended();
            }
            return n;
        }
    }
}
