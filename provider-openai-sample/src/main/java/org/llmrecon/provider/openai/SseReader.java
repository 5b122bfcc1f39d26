package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads Server-Sent Events (WHATWG HTML, "event stream interpretation") from bytes: {@code data:} lines joined
 * by newlines, dispatched on a blank line; {@code event:} names the event; comments and other fields are
 * skipped; lines end with LF, CR or CRLF; a leading byte order mark is dropped. An event left without its blank
 * line at the end of the stream is still returned, because several compatible servers end with
 * {@code data: [DONE]} and no blank line. A line longer than {@code maxLineBytes}, or an event whose data grows
 * past {@code maxEventBytes}, ends the read with {@link LimitExceeded} before more is buffered; bytes that are
 * not UTF-8 end it with {@link CharacterCodingException}.
 */
final class SseReader {
    /** One event; {@code event} is {@code message} unless the server named it. */
    record Event(String event, String data) {
    }

    /** A limit of {@link CallLimits} was reached. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;
        private final String limit;

        LimitExceeded(String limit, long value) {
            super("exceeds " + limit + " (" + value + " bytes)");
            this.limit = limit;
        }

        String limit() {
            return limit;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final int maxEventBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int end;
    private byte[] line = new byte[256];
    private int length;
    private boolean afterCr;
    private boolean first = true;

    SseReader(InputStream in, int maxLineBytes, int maxEventBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.maxEventBytes = maxEventBytes;
    }

    /** @return the next event, or {@code null} at the end of the stream */
    Event next() throws IOException {
        StringBuilder data = null;
        long dataBytes = 0;
        String event = "message";
        String text;
        while ((text = readLine()) != null) {
            if (text.isEmpty()) {
                if (data != null) {
                    return new Event(event, data.toString());
                }
                event = "message";
                dataBytes = 0;
                continue;
            }
            if (text.startsWith(":")) {
                continue;
            }
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(text.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
            if (field.equals("data")) {
                dataBytes += length;
                if (dataBytes > maxEventBytes) {
                    throw new LimitExceeded(CallLimits.MAX_EVENT_BYTES, maxEventBytes);
                }
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (field.equals("event")) {
                event = value;
            }
        }
        return data == null ? null : new Event(event, data.toString());
    }

    /** @return the next line without its end, or {@code null} at the end of the stream */
    private String readLine() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == end && !fill()) {
                return any ? decode() : null;
            }
            if (afterCr) {
                afterCr = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            any = true;
            int start = position;
            while (position < end && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            append(start, position - start);
            if (position < end) {
                afterCr = buffer[position] == '\r';
                position++;
                return decode();
            }
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer);
        } while (n == 0);
        position = 0;
        end = Math.max(n, 0);
        return n > 0;
    }

    private void append(int from, int count) throws LimitExceeded {
        if (count == 0) {
            return;
        }
        if ((long) length + count > maxLineBytes) {
            throw new LimitExceeded(CallLimits.MAX_LINE_BYTES, maxLineBytes);
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(length + count, 2L * line.length)));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    private String decode() throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, length)).toString();
        if (first) {
            first = false;
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        return text;
    }
}
