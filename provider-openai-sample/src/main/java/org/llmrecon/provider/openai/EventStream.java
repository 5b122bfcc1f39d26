package org.llmrecon.provider.openai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;

/**
 * The body of one streaming answer, read event by event on the caller's thread. Closing it closes the
 * HTTP body, which makes the JDK drop the connection (HTTP/1.1) or reset the stream (HTTP/2), so the
 * server sees the client go away.
 */
final class EventStream implements AutoCloseable {
    private final String call;
    private final InputStream body;
    private final boolean eventStream;
    private final SseReader reader;
    private final Duration timeout;
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int DRAIN_BYTES = 64 * 1024;

    private volatile long waitingSince;
    private volatile boolean draining;
    private volatile CallWatch.Abort aborted;
    private volatile Runnable onClose = () -> { };

    EventStream(String call, HttpResponse<InputStream> response, Duration timeout) {
        this.call = call;
        this.body = response.body();
        this.timeout = timeout;
        String type = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        this.eventStream = type.startsWith("text/event-stream") || type.isEmpty();
        this.reader = new SseReader(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
        this.waitingSince = System.nanoTime();
    }

    String call() {
        return call;
    }

    Duration timeout() {
        return timeout;
    }

    /** @return whether the server answered with an event stream rather than one JSON document */
    boolean isEventStream() {
        return eventStream;
    }

    /** @return the next event, or {@code null} when the server ended the stream */
    SseReader.Event next() {
        waitingSince = System.nanoTime();
        try {
            return checked(reader.next());
        } catch (IOException e) {
            throw failure(e);
        } finally {
            waitingSince = 0;
        }
    }

    /** @return the whole body, for a server that ignored {@code "stream": true} */
    byte[] readAll() {
        waitingSince = System.nanoTime();
        try {
            return checked(body.readAllBytes());
        } catch (IOException e) {
            throw failure(e);
        } finally {
            waitingSince = 0;
        }
    }

    /**
     * Reads what follows the end of the answer (normally nothing but the end of the body) before the stream is
     * closed: the JDK returns the connection to its pool just before it completes the body, and closing in
     * between cancels the body and closes the connection under the next exchange. A server that goes on sending
     * or holds the body open is cut off after {@value #DRAIN_BYTES} bytes, or about a second without data.
     */
    void finish() {
        draining = true;
        waitingSince = System.nanoTime();
        byte[] rest = new byte[512];
        try {
            int read = 0;
            for (int n; read < DRAIN_BYTES && (n = body.read(rest)) >= 0; read += n) {
                waitingSince = System.nanoTime();
            }
        } catch (IOException e) {
            // the answer is complete; the connection is dropped on close
        } finally {
            waitingSince = 0;
        }
    }

    /** A body closed by {@link #abort} may read as a clean end; it must not pass for one. */
    private <T> T checked(T value) throws IOException {
        if (aborted != null) {
            throw new IOException("aborted: " + aborted);
        }
        return value;
    }

    long nanosUntilIdleTimeout(long now) {
        long since = waitingSince;
        long limit = draining ? Math.min(DRAIN_NANOS, timeout.toNanos()) : timeout.toNanos();
        return since == 0 ? limit : limit - (now - since);
    }

    void abort(CallWatch.Abort reason) {
        aborted = reason;
        close();
    }

    void onClose(Runnable action) {
        onClose = action;
    }

    private ProviderException failure(IOException e) {
        CallWatch.Abort reason = aborted;
        if (reason == CallWatch.Abort.TIMEOUT) {
            return new ProviderTimeoutException("openai: " + call + " stream sent nothing for " + timeout, e);
        }
        if (reason == CallWatch.Abort.PROVIDER_CLOSED) {
            return new ProviderUnavailableException("openai: the provider was closed during " + call, e);
        }
        if (Thread.currentThread().isInterrupted()) {
            return new ProviderException("openai: " + call + " stream was interrupted", e);
        }
        return new MalformedResponseException("openai: " + call + " stream broke off: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // the connection is being dropped anyway
        } finally {
            onClose.run();
        }
    }
}
