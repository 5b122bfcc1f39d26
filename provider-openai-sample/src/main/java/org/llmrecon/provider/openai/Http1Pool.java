package org.llmrecon.provider.openai;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The keep-alive connections of one provider to its server (a provider talks to the one host and port of its
 * base URL). At most {@value #MAX_IDLE} are kept idle, the most recently used handed out first; one idle for
 * longer than {@link #KEEP_IDLE} (OkHttp keeps 5 minutes; servers often close sooner) is dropped, and one the
 * server closed while it was idle is found by {@link Http1Connection#stale()}: before reuse, and by {@link #tidy()},
 * which the provider's {@link CallWatch} calls while connections are idle (the pool has no thread of its own). Only a
 * connection whose answer was read completely comes back; the others are closed.
 */
final class Http1Pool implements AutoCloseable {
    static final int MAX_IDLE = 64;
    static final Duration KEEP_IDLE = Duration.ofSeconds(30);

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final long keepIdleNanos;
    private final Deque<Http1Connection> idle = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param connectTimeout the longest wait for the server to accept a connection
     * @param keepIdle how long an idle connection is kept
     */
    Http1Pool(String host, int port, Duration connectTimeout, Duration keepIdle) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.keepIdleNanos = keepIdle.toNanos();
    }

    /** @return an idle connection that passed its check, or {@code null} when there is none */
    Http1Connection reuse() throws IOException {
        while (true) {
            Http1Connection connection;
            List<Http1Connection> expired;
            synchronized (this) {
                if (closed) {
                    throw new IOException("the provider's connections are closed");
                }
                expired = expire(System.nanoTime());
                connection = idle.pollLast();
            }
            expired.forEach(Http1Connection::close);
            if (connection == null || !connection.stale()) {
                return connection;
            }
            connection.close();
        }
    }

    /** @return a new connection to the server */
    Http1Connection connect() throws IOException {
        // resolved for every connection, through the JDK's cache of lookups, as the JDK client does
        InetSocketAddress to = new InetSocketAddress(host, port);
        if (to.isUnresolved()) {
            throw new UnknownHostException(host + ": no such host is known");
        }
        Http1Connection connection = Http1Connection.open(to, connectTimeout);
        synchronized (this) {
            if (!closed) {
                return connection;
            }
        }
        connection.close();
        throw new IOException("the provider's connections are closed");
    }

    /** Takes back a connection whose last answer was read completely. */
    void release(Http1Connection connection) {
        long now = System.nanoTime();
        List<Http1Connection> expired;
        boolean kept = false;
        synchronized (this) {
            expired = expire(now);
            if (!closed && idle.size() < MAX_IDLE) {
                connection.idleSince(now);
                idle.addLast(connection);
                kept = true;
            }
        }
        expired.forEach(Http1Connection::close);
        if (!kept) {
            connection.close();
        }
    }

    /** @return the connections idle for too long, taken out of the pool (the oldest are first) */
    private List<Http1Connection> expire(long now) {
        List<Http1Connection> expired = List.of();
        while (!idle.isEmpty() && now - idle.peekFirst().idleSince() >= keepIdleNanos) {
            if (expired.isEmpty()) {
                expired = new ArrayList<>();
            }
            expired.add(idle.pollFirst());
        }
        return expired;
    }

    /**
     * Closes the idle connections the server has closed, or that were idle for too long, without waiting for the
     * next request: called by the provider's {@link CallWatch} every {@link CallWatch#TIDY_EVERY} while connections
     * are idle, so a server's close does not leave our end of the socket open (CLOSE_WAIT) until the provider is
     * used again. The check is a read that does not wait, made under the pool's lock, so that a request never
     * finds the pool emptied by a tidy in progress (and opens a connection it did not need).
     */
    void tidy() {
        List<Http1Connection> dropped = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Iterator<Http1Connection> i = idle.iterator(); i.hasNext();) {
                Http1Connection c = i.next();
                if (now - c.idleSince() >= keepIdleNanos || c.stale()) {
                    i.remove();
                    dropped.add(c);
                }
            }
        }
        dropped.forEach(Http1Connection::close);
    }

    /** @return whether any connection is idle, so that {@link #tidy()} has something to look at */
    synchronized boolean hasIdle() {
        return !idle.isEmpty();
    }

    /** @return how many connections are idle, for tests */
    synchronized int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        List<Http1Connection> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(idle);
            idle.clear();
        }
        all.forEach(Http1Connection::close);
    }
}
