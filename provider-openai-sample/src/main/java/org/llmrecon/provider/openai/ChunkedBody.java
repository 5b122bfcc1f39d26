package org.llmrecon.provider.openai;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.regex.Pattern;

/**
 * A body in {@code Transfer-Encoding: chunked} (RFC 7230, 4.1), decoded as it is read. A chunk-size line (size
 * and extensions, which are ignored) is at most {@value #MAX_SIZE_LINE} bytes and its size at most 15 hex digits;
 * each chunk must end with a line end; the trailer fields are read within {@link Http1Head}'s bounds and dropped.
 * Anything else fails the answer: a body that is not chunked as it says cannot be trusted to end anywhere.
 */
final class ChunkedBody extends Http1Body {
    static final int MAX_SIZE_LINE = 1024;
    private static final Pattern SIZE = Pattern.compile("[0-9A-Fa-f]{1,15}");

    private long remaining;
    private boolean inChunk;

    ChunkedBody(Http1Connection connection, Http1Pool pool) {
        super(connection, pool);
    }

    @Override
    protected int readBody(byte[] into, int offset, int length) throws IOException {
        if (remaining == 0) {
            if (inChunk) {
                chunkEnd();
            }
            inChunk = true;
            remaining = size(connection.readLineOrEnd(MAX_SIZE_LINE, "chunk size line"));
            if (remaining == 0) {
                Http1Head.headers(connection, new int[] {Http1Head.MAX_HEAD_BYTES});
                return -1;
            }
        }
        int n = connection.read(into, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new EOFException("the connection closed in the middle of a chunk");
        }
        remaining -= n;
        return n;
    }

    private void chunkEnd() throws IOException {
        String end;
        try {
            end = connection.readLineOrEnd(2, "end of a chunk");
        } catch (ProtocolException e) {
            end = null;
        }
        if (end == null || !end.isEmpty()) {
            throw new ProtocolException("a chunk of the answer does not end where its size said");
        }
    }

    private static long size(String line) throws ProtocolException {
        int semicolon = line.indexOf(';');
        String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        if (!SIZE.matcher(size).matches()) {
            throw new ProtocolException("the answer has a chunk size line that is not a hex number of at most 15 digits");
        }
        return Long.parseLong(size, 16);
    }
}
