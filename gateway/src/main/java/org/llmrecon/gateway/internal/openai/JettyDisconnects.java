package org.llmrecon.gateway.internal.openai;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Jetty 12's signals that a request's client has gone. A reset HTTP/2 stream
 * or a failed read reaches the request's failure listener. An HTTP/1.1 client
 * that closes its socket while a blocking request is handled is seen by no
 * one: Jetty does not read the connection again until the answer is done. So
 * while the call runs, the connection is probed every {@link #PROBE_MS} ms
 * with a non-blocking read: end of stream means the client has gone. Every
 * watched request is a {@code POST}, behind which a client must not pipeline
 * another (RFC 9112, 9.3.2); a client that does so has its connection closed,
 * so that its request fails visibly instead of being lost.
 *
 * <p>The gateway imports Jetty's packages optionally: on another Whiteboard
 * implementation this class does not load and requests are not watched (a
 * streamed answer still notices a client gone at its next write).
 */
final class JettyDisconnects {
    /** How often an HTTP/1.1 connection is probed while its request's call runs. */
    static final long PROBE_MS = 200;
    private static final Runnable NOTHING = () -> { };
    private static final boolean AVAILABLE = available();

    private JettyDisconnects() {
    }

    /**
     * @param request a request being handled, whose body has been read
     * @param onGone run once the client has gone, on a thread of the server or of the probe
     * @return what removes the listeners and the probe again, to run when the request is answered
     */
    static Runnable watch(HttpServletRequest request, Runnable onGone) {
        if (!AVAILABLE) {
            return NOTHING;
        }
        return Listeners.add(request, onGone);
    }

    private static boolean available() {
        try {
            Class.forName("org.eclipse.jetty.ee10.servlet.ServletContextRequest", false,
                    JettyDisconnects.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The only class that links against Jetty, loaded once Jetty is known to be there. */
    private static final class Listeners {
        /** One daemon thread for every probe, which ends when no request is watched for a second. */
        private static final ScheduledThreadPoolExecutor PROBES = probes();

        static Runnable add(HttpServletRequest servletRequest, Runnable onGone) {
            Request request;
            try {
                request = ServletContextRequest.getServletContextRequest(servletRequest);
            } catch (IllegalStateException e) {
                return NOTHING;
            }
            if (request == null) {
                return NOTHING;
            }
            request.addFailureListener(failure -> onGone.run());
            ConnectionMetaData meta = request.getConnectionMetaData();
            Connection connection = meta.getConnection();
            if (connection == null || meta.getHttpVersion() == null
                    || meta.getHttpVersion().getVersion() >= HttpVersion.HTTP_2.getVersion()) {
                return NOTHING;
            }
            Probe probe = new Probe(connection.getEndPoint(), onGone);
            probe.scheduled = PROBES.scheduleWithFixedDelay(probe, PROBE_MS, PROBE_MS, TimeUnit.MILLISECONDS);
            return probe::stop;
        }

        private static ScheduledThreadPoolExecutor probes() {
            ScheduledThreadPoolExecutor probes = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "llmrecon-gateway-client-probe");
                t.setDaemon(true);
                t.setContextClassLoader(null);
                return t;
            });
            probes.setKeepAliveTime(1, TimeUnit.SECONDS);
            probes.allowCoreThreadTimeOut(true);
            probes.setRemoveOnCancelPolicy(true);
            return probes;
        }
    }

    /**
     * Reads the connection without blocking until it ends or the request is answered. The read and the stop
     * exclude each other, so that once {@link #stop()} returns no byte of the connection's next request can be
     * taken here.
     */
    private static final class Probe implements Runnable {
        private final EndPoint endPoint;
        private final Runnable onGone;
        private final ByteBuffer one = BufferUtil.allocate(1);
        private volatile ScheduledFuture<?> scheduled;
        private boolean stopped;

        Probe(EndPoint endPoint, Runnable onGone) {
            this.endPoint = endPoint;
            this.onGone = onGone;
        }

        @Override
        public synchronized void run() {
            if (stopped) {
                return;
            }
            try {
                BufferUtil.clear(one);
                int read = endPoint.fill(one);
                if (read == 0) {
                    return;
                }
                if (read > 0) {
                    endPoint.close(new IOException("a request was pipelined behind a POST"));
                }
            } catch (IOException | RuntimeException e) {
                // a failed read: the client has gone as well
            }
            stopped = true;
            scheduled.cancel(false);
            onGone.run();
        }

        synchronized void stop() {
            stopped = true;
            ScheduledFuture<?> s = scheduled;
            if (s != null) {
                s.cancel(false);
            }
        }
    }
}
