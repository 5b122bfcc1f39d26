package org.llmrecon.gateway.internal.openai;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Cancels the upstream call of a request whose client has gone. The servlet
 * API has no signal for a client that closes its connection while a blocking
 * request is handled; Jetty has one ({@link JettyDisconnects}). When it fires
 * during {@link #calling()}, the thread answering the request is interrupted,
 * which is how a caller cancels a call of the runtime's managed providers:
 * the runtime abandons the call and interrupts the plugin's thread, and the
 * plugin's HTTP exchange is cancelled.
 *
 * <p>The interrupt is only ever delivered between {@link #calling()} and
 * {@link #close()}, and {@link #close()} clears it, so no interrupt leaks into
 * the server's thread pool.
 */
final class ClientWatch implements AutoCloseable {
    private final Thread thread = Thread.currentThread();
    private Runnable release = () -> { };
    private boolean calling;
    private boolean gone;

    /** @return a watch of the request's client on the calling thread; a no-op one off Jetty */
    static ClientWatch of(HttpServletRequest request) {
        ClientWatch watch = new ClientWatch();
        watch.release = JettyDisconnects.watch(request, watch::gone);
        return watch;
    }

    /** From here on, a client that goes away interrupts this thread. */
    synchronized void calling() {
        calling = !gone;
        if (gone) {
            thread.interrupt();
        }
    }

    /** @return whether the client went away while the request was answered */
    synchronized boolean clientGone() {
        return gone;
    }

    private synchronized void gone() {
        if (!gone) {
            gone = true;
            if (calling) {
                thread.interrupt();
            }
        }
    }

    @Override
    public void close() {
        release.run();
        synchronized (this) {
            calling = false;
            if (gone) {
                Thread.interrupted();
            }
        }
    }
}
