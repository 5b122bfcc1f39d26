package org.llmrecon.provider.anthropic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The body of one streamed answer read as Server-Sent Events (WHATWG HTML, "event stream interpretation") on
 * the caller's thread: {@code event:} names the event, {@code data:} lines are joined by newlines, a blank
 * line dispatches, comments and other fields are skipped; lines end with LF, CR or CRLF. A line longer than
 * {@code maxLineBytes}, an event's data longer than {@code maxEventBytes} or a stream longer than
 * {@code maxStreamBytes} ends the call with one line naming the limit. Closing it closes the body, which drops
 * the connection, so the server sees the client go away.
 */
final class EventStream implements AutoCloseable {
    /** One event; {@code event} is {@code message} unless the server named it. */
    record Event(String event, String data) {
    }

    private final String call;
    private final InputStream body;
    private final Exchange exchange;
    private final Runnable onClose;
    private final MessagesHttp http;
    private final AnthropicSettings.Limits limits;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int filled;
    private long total;
    private boolean ended;
    private boolean pendingCarriageReturn;

    EventStream(String call, HttpResponse<InputStream> response, Exchange exchange, Runnable onClose,
            MessagesHttp http) {
        this.call = call;
        this.body = response.body();
        this.exchange = exchange;
        this.onClose = onClose;
        this.http = http;
        this.limits = http.limits();
    }

    String call() {
        return call;
    }

    /** @return the next event, or {@code null} when the server ended the stream */
    Event next() {
        StringBuilder data = null;
        String event = "message";
        String line;
        while ((line = line()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(event, data.toString());
                }
                event = "message";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(line.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
            if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                if (data.length() > limits.event()) {
                    throw http.tooLarge(call, "an event's data", limits.event(), "maxEventBytes");
                }
            } else if (field.equals("event")) {
                event = value;
            }
        }
        return data == null ? null : new Event(event, data.toString());
    }

    /** @return the next line without its end, or {@code null} at the end of the body */
    private String line() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (position == filled && !fill()) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            byte b = buffer[position++];
            if (pendingCarriageReturn) {
                pendingCarriageReturn = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n' || b == '\r') {
                pendingCarriageReturn = b == '\r';
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= limits.line()) {
                throw http.tooLarge(call, "a line of the stream", limits.line(), "maxLineBytes");
            }
            line.write(b);
        }
    }

    private boolean fill() {
        if (ended) {
            return false;
        }
        int n;
        exchange.beginBlocking();
        try {
            n = body.read(buffer);
            if (exchange.aborted() != null) {
                throw new IOException("aborted");
            }
        } catch (IOException e) {
            throw http.failure(call, exchange, e);
        } finally {
            exchange.endBlocking();
        }
        if (n < 0) {
            ended = true;
            return false;
        }
        exchange.activity();
        total += n;
        if (total > limits.stream()) {
            throw http.tooLarge(call, "the stream", limits.stream(), "maxStreamBytes");
        }
        position = 0;
        filled = n;
        return true;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // the connection is dropped either way
        } finally {
            onClose.run();
        }
    }
}
