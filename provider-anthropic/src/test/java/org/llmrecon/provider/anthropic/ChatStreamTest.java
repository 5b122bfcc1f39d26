package org.llmrecon.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.ServerException;
import org.llmrecon.api.provider.Tool;

class ChatStreamTest extends AgainstFakeServer {
    private final List<ChatChunk> chunks = new ArrayList<>();

    @Test
    void everyDocumentedEventIsRead() throws IOException {
        ChatResponse response = provider.chatStream(ChatRequest.builder().user("one two three").build(), chunks::add);
        assertTrue(server.last().json().get("stream").asBoolean());
        assertEquals("text/event-stream", server.last().headers().getFirst("accept"));
        assertEquals(List.of("Echo: ", "one ", "two ", "three", ""), chunks.stream().map(ChatChunk::content).toList());
        ChatChunk last = chunks.get(chunks.size() - 1);
        assertEquals("stop", last.finishReason());
        assertEquals(3, last.usage().promptTokens());
        assertEquals(4, last.usage().completionTokens());
        assertEquals("msg_fake1", last.id());
        assertEquals("Echo: one two three", response.choices().get(0).message().content());
        assertEquals(last.usage(), response.usage());
        assertEquals("stop", response.choices().get(0).finishReason());
    }

    @Test
    void aToolCallArrivesWholeWhenItsBlockStops() {
        ChatResponse response = provider.chatStream(ChatRequest.builder().user("use a tool now")
                .tool(Tool.function("lookup", null, null)).build(), chunks::add);
        assertEquals("tool_calls", response.choices().get(0).finishReason());
        assertEquals("{\"query\":\"use a tool now\"}", response.choices().get(0).message().toolCalls().get(0).arguments());
        ChatChunk call = chunks.stream().filter(c -> !c.toolCalls().isEmpty()).findFirst().orElseThrow();
        assertEquals("lookup", call.toolCalls().get(0).name());
        assertEquals("toolu_fake1", call.toolCalls().get(0).id());
    }

    @Test
    void theListenerStopsTheStream() {
        ChatResponse response = provider.chatStream(ChatRequest.builder().user("a b c d e f").build(),
                chunk -> chunks.add(chunk) && chunks.size() < 2);
        assertEquals(2, chunks.size());
        assertEquals("Echo: a ", response.choices().get(0).message().content());
        assertNull(response.choices().get(0).finishReason());
    }

    @Test
    void anErrorEventMidStreamEndsTheCallAsTheErrorItNames() {
        server.next(exchange -> stream(exchange, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[],"
                + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}", "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}",
                "error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        ServerException e = assertThrows(ServerException.class, () -> provider.chatStream(Anthropics.hello(), chunks::add));
        assertEquals("anthropic target 'anthropic': POST /v1/messages stream reported overloaded_error: Overloaded",
                e.getMessage());
        assertEquals(529, e.status());
        assertTrue(e.retryable());
        assertEquals("Hi", chunks.get(0).content());

        server.next(exchange -> stream(exchange, "error",
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"));
        assertThrows(RateLimitException.class, () -> provider.chatStream(Anthropics.hello(), chunks::add));
    }

    @Test
    void aStreamThatEndsEarlyOrStartsWrongIsMalformed() {
        server.next(exchange -> stream(exchange, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m\","
                + "\"model\":\"claude-x\",\"usage\":{\"input_tokens\":1}}}", "ping", "{\"type\": \"ping\"}"));
        assertEquals("anthropic target 'anthropic': POST /v1/messages stream is malformed: the stream ended before"
                + " message_stop", assertThrows(MalformedResponseException.class,
                        () -> provider.chatStream(Anthropics.hello(), chunks::add)).getMessage());
        server.next(exchange -> stream(exchange, "content_block_delta", "{\"type\":\"content_block_delta\"}"));
        assertTrue(assertThrows(MalformedResponseException.class, () -> provider.chatStream(Anthropics.hello(),
                chunks::add)).getMessage().endsWith("did not begin with message_start but content_block_delta"));
        server.next(exchange -> stream(exchange, "message_start", "not json"));
        assertTrue(assertThrows(MalformedResponseException.class, () -> provider.chatStream(Anthropics.hello(),
                chunks::add)).getMessage().endsWith("event 'message_start' carries data that is not a JSON object"));
    }

    @Test
    void linesEndingInCarriageReturnsAndCommentsAreRead() {
        server.next(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            String body = ": hello\r\nevent: message_start\r\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
                    + "\"model\":\"c\",\"usage\":{\"input_tokens\":2}}}\r\n\r\nevent: content_block_delta\rdata: "
                    + "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"ok\"}}"
                    + "\r\revent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
            exchange.getResponseBody().write(body.getBytes(StandardCharsets.UTF_8));
        });
        assertEquals("ok", provider.chatStream(Anthropics.hello(), chunks::add).choices().get(0).message().content());
    }

    static void stream(com.sun.net.httpserver.HttpExchange exchange, String... namesAndData) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < namesAndData.length; i += 2) {
            out.write(("event: " + namesAndData[i] + "\ndata: " + namesAndData[i + 1] + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
