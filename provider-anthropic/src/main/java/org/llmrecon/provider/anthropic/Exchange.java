package org.llmrecon.provider.anthropic;

import java.io.IOException;
import java.io.InputStream;

/**
 * One call in flight, as the {@link CallWatch} sees it: its deadline, when it last received something, and
 * how to stop it. A thread blocked in the call (sending, or reading the body) is interrupted and the body is
 * closed when the call is aborted; {@link #endBlocking()} takes back an interrupt the call did not see.
 */
final class Exchange {
    /** Why the watch stopped a call. */
    enum Abort {
        /** The whole call took longer than the target's timeout. */
        DEADLINE,
        /** A stream sent nothing for the idle timeout. */
        IDLE,
        /** The provider was closed. */
        CLOSED
    }

    private final Thread caller = Thread.currentThread();
    private final long deadline;
    private final boolean streaming;
    private volatile long lastActivity = System.nanoTime();
    private InputStream body;
    private boolean blocking;
    private Abort aborted;

    Exchange(long deadline, boolean streaming) {
        this.deadline = deadline;
        this.streaming = streaming;
    }

    long deadline() {
        return deadline;
    }

    boolean streaming() {
        return streaming;
    }

    long lastActivity() {
        return lastActivity;
    }

    void activity() {
        lastActivity = System.nanoTime();
    }

    synchronized void body(InputStream stream) throws IOException {
        body = stream;
        if (aborted != null) {
            stream.close();
        }
    }

    synchronized Abort aborted() {
        return aborted;
    }

    synchronized void beginBlocking() {
        blocking = true;
        if (aborted != null) {
            caller.interrupt();
        }
    }

    synchronized void endBlocking() {
        blocking = false;
        if (aborted != null) {
            Thread.interrupted();
        }
    }

    void abort(Abort reason) {
        InputStream open;
        synchronized (this) {
            if (aborted != null) {
                return;
            }
            aborted = reason;
            if (blocking) {
                caller.interrupt();
            }
            open = body;
        }
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // the call fails with its abort reason either way
            }
        }
    }
}
