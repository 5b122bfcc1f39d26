package org.llmrecon.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.Usage;

class ChatStreamTest {

    private final Provider provider = Anthropics.provider();

    @Test
    void streamsTokenByTokenThenAFinalChunkWithUsage() {
        List<ChatChunk> chunks = new ArrayList<>();
        ChatResponse response = provider.chatStream(Anthropics.hello(), chunks::add);

        assertEquals(List.of("Echo", ":", " hello", " there", ""), chunks.stream().map(ChatChunk::content).toList());
        ChatChunk last = chunks.get(chunks.size() - 1);
        assertEquals("stop", last.finishReason());
        assertEquals(Usage.of(5, 4), last.usage());
        chunks.subList(0, chunks.size() - 1).forEach(c -> {
            assertNull(c.finishReason());
            assertNull(c.usage());
        });
        assertTrue(chunks.stream().allMatch(c -> c.id().equals(response.id()) && c.model().equals("anthropic-chat")));
        assertEquals("Echo: hello there", response.text());
        assertEquals(Usage.of(5, 4), response.usage());
    }

    @Test
    void streamedAndPlainAnswersAgree() {
        ChatRequest request = ChatRequest.builder().user("the quick brown fox").n(2).maxTokens(4).build();
        ChatResponse plain = Anthropics.provider().chat(request);
        List<ChatChunk> chunks = new ArrayList<>();
        ChatResponse streamed = provider.chatStream(request, chunks::add);
        assertEquals(plain.choices(), streamed.choices());
        assertEquals(plain.usage(), streamed.usage());
        assertEquals(List.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1), chunks.stream().map(ChatChunk::index).toList());
        assertEquals("length", chunks.get(4).finishReason());
        assertNull(chunks.get(4).usage());
        assertEquals(plain.usage(), chunks.get(9).usage());
    }

    @Test
    void listenerReturningFalseCancelsTheStream() {
        List<ChatChunk> chunks = new ArrayList<>();
        ChatResponse response = provider.chatStream(Anthropics.hello(), chunk -> {
            chunks.add(chunk);
            return chunks.size() < 2;
        });
        assertEquals(2, chunks.size());
        assertEquals("Echo:", response.text());
        assertNull(response.choices().get(0).finishReason());
        assertEquals(Usage.of(5, 2), response.usage());
    }

    @Test
    void tokenDelayKeepsTheOrder() {
        Provider slow = Anthropics.provider("latency", "1ms", "tokenDelay", "1ms");
        List<String> contents = new ArrayList<>();
        slow.chatStream(Anthropics.hello(), chunk -> contents.add(chunk.content()));
        assertEquals(List.of("Echo", ":", " hello", " there", ""), contents);
    }
}
