package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SseReaderTest {
    private static SseReader reader(String text) {
        return new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20, 1 << 20);
    }

    @Test
    void eventsAreSplitOnBlankLines() throws IOException {
        SseReader reader = reader(": comment\r\nid: 1\r\ndata: {\"a\":1}\r\n\r\nevent: error\ndata:{\"b\":\ndata: 2}\n\n\n"
                + "retry: 5\ndata: [DONE]");
        assertEquals(new SseReader.Event("message", "{\"a\":1}"), reader.next());
        assertEquals(new SseReader.Event("error", "{\"b\":\n2}"), reader.next());
        assertEquals(new SseReader.Event("message", "[DONE]"), reader.next(), "kept although no blank line follows");
        assertNull(reader.next());
    }

    @Test
    void onlyOneLeadingSpaceIsRemoved() throws IOException {
        assertEquals("  x", reader("data:   x\n\n").next().data());
        assertEquals("", reader("data\n\n").next().data());
    }
}
