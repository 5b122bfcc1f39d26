package org.llmrecon.provider.openai;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * One plain-http connection of {@link Http1Transport}, read and written by the calling thread. The socket is a
 * {@link SocketChannel} in blocking mode, an interruptible channel: interrupting the thread blocked on it (which
 * is how {@link CallWatch} and the runtime end a call) closes it and the read fails at once, and closing it from
 * another thread (an aborted stream) does the same. Input goes through one buffer, so that the answer's head,
 * chunk lines and body are read without a read system call per line.
 */
final class Http1Connection implements AutoCloseable {
    private static final int BUFFER_BYTES = 16 * 1024;

    private final SocketChannel channel;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final ByteBuffer wrapped = ByteBuffer.wrap(buffer);
    private int position;
    private int end;
    private boolean received;
    private long idleSince;

    private Http1Connection(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * @param timeout the longest wait for the server to accept
     * @throws IOException when the server cannot be reached; the message says why
     */
    static Http1Connection open(InetSocketAddress address, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().setTcpNoDelay(true);
            channel.socket().connect(address, (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            return new Http1Connection(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Starts an exchange: forgets whether the previous one received bytes. */
    void write(ByteBuffer request) throws IOException {
        received = false;
        while (request.hasRemaining()) {
            channel.write(request);
        }
    }

    /** @return whether any byte arrived since the request was written (a retry would no longer be safe) */
    boolean received() {
        return received;
    }

    /** @return the next byte, or -1 at the end of the stream */
    int read() throws IOException {
        return position < end || fill() ? buffer[position++] & 0xff : -1;
    }

    /** @return up to {@code length} bytes, at least one, or -1 at the end of the stream */
    int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == end) {
            if (length >= buffer.length) {
                return readChannel(ByteBuffer.wrap(into, offset, length));
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, end - position);
        System.arraycopy(buffer, position, into, offset, n);
        position += n;
        return n;
    }

    /**
     * Reads one line ending with LF (a CR before it is dropped).
     *
     * @param max the longest line accepted, its end included
     * @param what what the line is, for the message when it is too long
     * @return the line, or {@code null} when the stream ended before its first byte
     */
    String readLine(int max, String what) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int count = 0;; count++) {
            if (position == end && !fill()) {
                if (count == 0) {
                    return null;
                }
                throw new EOFException("the connection closed in the middle of the " + what);
            }
            if (count >= max) {
                throw new ProtocolException("the " + what + " is longer than " + max + " bytes");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
            }
            line.append((char) (b & 0xff));
        }
    }

    /** As {@link #readLine}, but the end of the stream before the line fails. */
    String readLineOrEnd(int max, String what) throws IOException {
        String line = readLine(max, what);
        if (line == null) {
            throw new EOFException("the connection closed before the " + what);
        }
        return line;
    }

    private boolean fill() throws IOException {
        position = 0;
        end = 0;
        wrapped.clear();
        int n = readChannel(wrapped);
        end = Math.max(n, 0);
        return n > 0;
    }

    private int readChannel(ByteBuffer into) throws IOException {
        int n;
        do {
            n = channel.read(into);
        } while (n == 0);
        if (n > 0) {
            received = true;
        }
        return n;
    }

    /**
     * A pooled connection's check before reuse: a read that does not wait. The end of the stream means the server
     * closed it while it was idle; bytes mean it sent what no request asked for. Either way it is not reused.
     */
    boolean stale() {
        if (position < end) {
            return true;
        }
        try {
            channel.configureBlocking(false);
            wrapped.clear();
            int n = channel.read(wrapped);
            channel.configureBlocking(true);
            return n != 0;
        } catch (IOException e) {
            return true;
        }
    }

    void idleSince(long nanos) {
        idleSince = nanos;
    }

    long idleSince() {
        return idleSince;
    }

    /** Closes the socket; a thread reading it fails at once. Safe from any thread, and more than once. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
