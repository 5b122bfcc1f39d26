package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;

/**
 * The body of one answer, read on the caller's thread: event by event for a stream, or whole within
 * {@link CallLimits#maxResponseBytes()}. {@link CallWatch} aborts it at the call's deadline or after
 * {@link CallLimits#streamIdleTimeout()} without bytes; closing it closes the HTTP body: on plain http
 * ({@link Http1Transport}) the connection goes back to the pool when the body was read to its end and is closed
 * otherwise, and the JDK client (https) drops the connection (HTTP/1.1) or resets the stream (HTTP/2), so the
 * server sees the client go away. On plain http the body is read from the socket by the calling thread itself.
 */
final class EventStream implements AutoCloseable {
    /** Enough of an error answer for its message; the rest is not read. */
    static final int ERROR_BODY_BYTES = 64 * 1024;
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int DRAIN_BYTES = 64 * 1024;

    private final String type;
    private final String call;
    private final CallDeadline deadline;
    private final CallLimits limits;
    private final InputStream body;
    private final String mediaType;
    private final SseReader reader;

    private volatile long waitingSince;
    private volatile boolean draining;
    private volatile CallWatch.Abort aborted;
    private volatile Runnable onClose = () -> { };

    /** @param type the provider type, which starts messages */
    EventStream(String type, String call, HttpResponse<InputStream> response, CallDeadline deadline, CallLimits limits) {
        this.type = type;
        this.call = call;
        this.deadline = deadline;
        this.limits = limits;
        this.body = response.body();
        this.mediaType = mediaType(response.headers());
        this.reader = new SseReader(body, limits.maxLineBytes(), limits.maxEventBytes());
        this.waitingSince = System.nanoTime();
    }

    String call() {
        return call;
    }

    /** @return the answer's media type in lower case, without parameters; empty when the server sent none */
    String mediaType() {
        return mediaType;
    }

    /** @return the media type of an answer with these headers, as {@link #mediaType()} gives it */
    static String mediaType(HttpHeaders headers) {
        String contentType = headers.firstValue("content-type").orElse("").strip().toLowerCase(Locale.ROOT);
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }

    /** @return whether the server answered with an event stream (or said nothing of its type) */
    boolean isEventStream() {
        return mediaType().equals("text/event-stream") || mediaType().isEmpty();
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

    /** @return the whole body, failing once it grows past {@link CallLimits#maxResponseBytes()} */
    byte[] readAll() {
        return read(limits.maxResponseBytes(), true);
    }

    /** @return at most {@value #ERROR_BODY_BYTES} bytes of an error answer; a longer one is cut there */
    byte[] readError() {
        return read(Math.min(ERROR_BODY_BYTES, limits.maxResponseBytes()), false);
    }

    private byte[] read(long max, boolean strict) {
        waitingSince = System.nanoTime();
        byte[] bytes = new byte[(int) Math.min(max, 8192)];
        int length = 0;
        try {
            for (int n; (n = body.read(bytes, length, bytes.length - length)) >= 0;) {
                length += n;
                waitingSince = System.nanoTime();
                if (length == bytes.length) {
                    if (length >= max) {
                        if (!strict || body.read() < 0) {
                            break;
                        }
                        throw new SseReader.LimitExceeded(CallLimits.MAX_RESPONSE_BYTES, max);
                    }
                    bytes = Arrays.copyOf(bytes, (int) Math.min(max, 2L * bytes.length));
                }
            }
            return checked(Arrays.copyOf(bytes, length));
        } catch (IOException e) {
            throw failure(e);
        } finally {
            waitingSince = 0;
        }
    }

    /**
     * Reads what follows the end of the answer (normally nothing but the end of the body) before the stream is
     * closed, so that the connection is kept: {@link Http1Transport} keeps only a connection whose body was read
     * to its end, and the JDK returns the connection to its pool just before it completes the body, so closing in
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

    /** @return why the watch must abort this body now, or {@code null} */
    CallWatch.Abort overdue(long now) {
        if (deadline.passed(now)) {
            return CallWatch.Abort.TIMEOUT;
        }
        long since = waitingSince;
        long idle = draining ? Math.min(DRAIN_NANOS, limits.streamIdleTimeout().toNanos())
                : limits.streamIdleTimeout().toNanos();
        return since != 0 && now - since >= idle ? CallWatch.Abort.IDLE : null;
    }

    void abort(CallWatch.Abort reason) {
        aborted = reason;
        close();
    }

    void onClose(Runnable action) {
        onClose = action;
    }

    private ProviderException failure(IOException e) {
        return failure(type, call, deadline, limits, aborted, e);
    }

    /**
     * Why reading an answer's body failed, in one line, for a stream and a whole body alike.
     *
     * @param reason why {@link CallWatch} ended the read, or {@code null}
     */
    static ProviderException failure(String type, String call, CallDeadline deadline, CallLimits limits,
            CallWatch.Abort reason, IOException e) {
        if (reason == CallWatch.Abort.TIMEOUT) {
            return new ProviderTimeoutException(type + ": " + call + " did not complete within " + deadline.timeout()
                    + " (the target's timeout), " + deadline.where(), e);
        }
        if (reason == CallWatch.Abort.IDLE) {
            return new ProviderTimeoutException(type + ": " + call + " stream sent nothing for "
                    + limits.streamIdleTimeout() + " (" + CallLimits.STREAM_IDLE_TIMEOUT + "), " + deadline.where(), e);
        }
        if (reason == CallWatch.Abort.PROVIDER_CLOSED) {
            return new ProviderUnavailableException(type + ": the provider was closed during " + call, e);
        }
        if (e instanceof SseReader.LimitExceeded exceeded) {
            return CallLimits.exceeded(type, call, exceeded, deadline.where());
        }
        if (e instanceof CharacterCodingException) {
            return new MalformedResponseException(type + ": " + call + " answer is not valid UTF-8, "
                    + deadline.where(), e);
        }
        if (Thread.currentThread().isInterrupted()) {
            return new ProviderException(type + ": " + call + " stream was interrupted", e);
        }
        return new MalformedResponseException(type + ": " + call + " answer broke off (" + Causes.describe(e) + "), "
                + deadline.where(), e);
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
