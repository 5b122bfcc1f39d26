package org.llmrecon.provider.openai;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads Server-Sent Events (WHATWG HTML, "event stream interpretation"): {@code data:} lines joined by
 * newlines, dispatched on a blank line; {@code event:} names the event; comments and other fields are
 * skipped. An event left without its blank line at the end of the stream is still returned, because
 * several compatible servers end with {@code data: [DONE]} and no blank line.
 */
final class SseReader {
    /** One event; {@code event} is {@code message} unless the server named it. */
    record Event(String event, String data) {
    }

    private final BufferedReader reader;

    SseReader(BufferedReader reader) {
        this.reader = reader;
    }

    /** @return the next event, or {@code null} at the end of the stream */
    Event next() throws IOException {
        StringBuilder data = null;
        String event = "message";
        String line;
        while ((line = reader.readLine()) != null) {
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
            } else if (field.equals("event")) {
                event = value;
            }
        }
        return data == null ? null : new Event(event, data.toString());
    }
}
