package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.ToolCall;

class ChatStreamTest {
    private static final long WAIT_SECONDS = 20;
    private static final ChatRequest REQUEST = ChatRequest.builder().model("gpt-4o-mini").user("hi").build();

    private final FakeOpenAi server = TestSupport.server();
    private final CountDownLatch release = new CountDownLatch(1);
    private OpenAiProvider provider;

    @AfterEach
    void tearDown() {
        release.countDown();
        if (provider != null) {
            provider.close();
        }
        server.close();
    }

    private OpenAiProvider provider(ProviderConfig.Builder config) {
        provider = new OpenAiProvider(config.build(), Clock.systemUTC());
        return provider;
    }

    private ProviderConfig.Builder config() {
        return ProviderConfig.builder("openai").apiKey(OpenAiProviderTest.KEY).baseUrl(server.baseUrl())
                .timeout(Duration.ofSeconds(WAIT_SECONDS));
    }

    private static String chunk(String content, String finish) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":"
                + "[{\"index\":0,\"delta\":{" + (content == null ? "" : "\"content\":\"" + content + "\"") + "},"
                + "\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    @Test
    void firstChunkReachesListenerBeforeServerSendsTheLast() throws Exception {
        CountDownLatch firstDelivered = new CountDownLatch(1);
        CountDownLatch lastSent = new CountDownLatch(1);
        AtomicBoolean serverSawFirstDelivered = new AtomicBoolean();
        server.on("POST /chat/completions", exchange -> {
            OutputStream out = FakeOpenAi.startEvents(exchange);
            FakeOpenAi.event(out, "{\"id\":\"c1\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":"
                    + "{\"role\":\"assistant\",\"content\":\"Hel\"},\"finish_reason\":null}]}");
            serverSawFirstDelivered.set(await(firstDelivered));
            FakeOpenAi.event(out, chunk("lo", null));
            lastSent.countDown();
            FakeOpenAi.event(out, chunk(null, "stop"));
            FakeOpenAi.event(out, "[DONE]");
        });
        List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
        List<Long> lastSentCountAtChunk = new CopyOnWriteArrayList<>();

        ChatResponse response = provider(config()).chatStream(REQUEST, c -> {
            lastSentCountAtChunk.add(lastSent.getCount());
            chunks.add(c);
            firstDelivered.countDown();
            return true;
        });

        assertTrue(serverSawFirstDelivered.get(), "the first chunk was not delivered while the server waited");
        assertEquals(1L, lastSentCountAtChunk.get(0), "the first chunk came after the last was sent");
        assertEquals(List.of("Hel", "lo", ""), chunks.stream().map(ChatChunk::content).toList());
        assertEquals("stop", chunks.get(2).finishReason());
        assertEquals("Hello", response.text());
        assertEquals("assistant", response.choices().get(0).message().role());
        assertEquals("stop", response.choices().get(0).finishReason());
        assertEquals("text/event-stream", server.last().headers().getFirst("Accept"));
        assertTrue(server.last().json().get("stream").asBoolean());
        assertFalse(server.last().json().has("stream_options"), "not sent to servers other than OpenAI unless configured");
    }

    @Test
    void toolCallFragmentsAndUsageAreAssembled() throws Exception {
        server.on("POST /chat/completions", exchange -> {
            OutputStream out = FakeOpenAi.startEvents(exchange);
            FakeOpenAi.event(out, "{\"id\":\"c2\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                    + "\"tool_calls\":[{\"index\":0,\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"lookup\","
                    + "\"arguments\":\"\"}}]},\"finish_reason\":null}]}");
            FakeOpenAi.event(out, "{\"id\":\"c2\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                    + "\"function\":{\"arguments\":\"{\\\"q\\\":\"}}]},\"finish_reason\":null}]}");
            FakeOpenAi.event(out, "{\"id\":\"c2\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                    + "\"function\":{\"arguments\":\"1}\"}}]},\"finish_reason\":\"tool_calls\"}]}");
            FakeOpenAi.event(out, "{\"id\":\"c2\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,"
                    + "\"total_tokens\":10}}");
            out.write(": keep-alive comment\r\n\r\ndata: [DONE]".getBytes());
        });
        List<ChatChunk> chunks = new CopyOnWriteArrayList<>();

        ChatResponse response = provider(config().param("stream_options", "{\"include_usage\":true}"))
                .chatStream(REQUEST, chunks::add);

        assertTrue(server.last().json().at("/stream_options/include_usage").asBoolean());
        assertEquals(new ToolCall("call_9", "function", "lookup", "{\"q\":"), chunks.get(1).toolCalls().get(0));
        assertEquals(10, chunks.get(3).usage().totalTokens());
        assertNull(response.choices().get(0).message().content());
        assertEquals(new ToolCall("call_9", "function", "lookup", "{\"q\":1}"),
                response.choices().get(0).message().toolCalls().get(0));
        assertEquals(10, response.usage().totalTokens());
    }

    @Test
    void cancellingClosesTheConnection() throws Exception {
        assertServerSeesCloseWhen(listenerStops -> {
            ChatResponse partial = provider.chatStream(REQUEST, c -> {
                listenerStops.countDown();
                return false;
            });
            assertEquals("tick", partial.text());
        });
    }

    @Test
    void listenerFailureClosesTheConnection() throws Exception {
        assertServerSeesCloseWhen(listenerStops -> assertThrows(IllegalStateException.class,
                () -> provider.chatStream(REQUEST, c -> {
                    listenerStops.countDown();
                    throw new IllegalStateException("listener failed");
                })));
    }

    private void assertServerSeesCloseWhen(ThrowingConsumer<CountDownLatch> client) throws Exception {
        CountDownLatch listenerStops = new CountDownLatch(1);
        CountDownLatch serverSawClose = new CountDownLatch(1);
        server.on("POST /chat/completions", exchange -> {
            OutputStream out = FakeOpenAi.startEvents(exchange);
            FakeOpenAi.event(out, chunk("tick", null));
            await(listenerStops);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            try {
                while (System.nanoTime() < deadline) {
                    FakeOpenAi.event(out, chunk("tick", null));
                }
            } catch (IOException e) {
                serverSawClose.countDown();
            }
        });
        provider(config());
        client.accept(listenerStops);
        assertTrue(await(serverSawClose), "the server could go on writing: the connection was not closed");
    }

    @Test
    void streamEndingWithoutDoneOrFinishIsTruncated() {
        server.on("POST /chat/completions", exchange -> FakeOpenAi.event(FakeOpenAi.startEvents(exchange), chunk("par", null)));
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> provider(config()).chatStream(REQUEST, c -> true));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        ErrorMappingTest.assertNoKey(e);
        assertFalse(provider.toString().contains(OpenAiProviderTest.KEY));
        assertFalse(provider.config().toString().contains(OpenAiProviderTest.KEY));
    }

    @Test
    void streamEndingAfterFinishWithoutDoneIsAccepted() {
        server.on("POST /chat/completions", exchange -> {
            OutputStream out = FakeOpenAi.startEvents(exchange);
            FakeOpenAi.event(out, chunk("all", null));
            FakeOpenAi.event(out, chunk(null, "stop"));
        });
        assertEquals("all", provider(config()).chatStream(REQUEST, c -> true).text());
    }

    @Test
    void serverHoldingTheBodyOpenAfterDoneStillGivesTheAnswer() {
        server.on("POST /chat/completions", exchange -> {
            OutputStream out = FakeOpenAi.startEvents(exchange);
            FakeOpenAi.event(out, chunk("all", "stop"));
            FakeOpenAi.event(out, "[DONE]");
            await(release);
        });
        assertEquals("all", provider(config()).chatStream(REQUEST, c -> true).text());
    }

    @Test
    void malformedEventIsReported() {
        server.on("POST /chat/completions", exchange -> FakeOpenAi.event(FakeOpenAi.startEvents(exchange), "{\"id\": tru"));
        assertThrows(MalformedResponseException.class, () -> provider(config()).chatStream(REQUEST, c -> true));
    }

    @Test
    void errorEventInsideTheStreamIsReported() {
        server.on("POST /chat/completions", exchange -> {
            OutputStream out = FakeOpenAi.startEvents(exchange);
            FakeOpenAi.event(out, chunk("a", null));
            FakeOpenAi.event(out, "{\"error\":{\"message\":\"overloaded for key " + OpenAiProviderTest.KEY
                    + "\",\"type\":\"server_error\",\"code\":\"busy\"}}");
        });
        ProviderException e = assertThrows(ProviderException.class, () -> provider(config()).chatStream(REQUEST, c -> true));
        assertEquals("server_error", e.type());
        assertEquals("busy", e.code());
        assertTrue(e.getMessage().contains("overloaded"));
        ErrorMappingTest.assertNoKey(e);
    }

    @Test
    void httpErrorBeforeTheStreamIsMapped() {
        server.on("POST /chat/completions", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "3");
            FakeOpenAi.send(exchange, 429, "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\"}}");
        });
        RateLimitException e = assertThrows(RateLimitException.class, () -> provider(config()).chatStream(REQUEST, c -> true));
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
    }

    @Test
    void silentStreamTimesOut() {
        server.on("POST /chat/completions", exchange -> {
            FakeOpenAi.event(FakeOpenAi.startEvents(exchange), chunk("wait", null));
            await(release);
        });
        List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
        ProviderTimeoutException e = assertThrows(ProviderTimeoutException.class,
                () -> provider(config().param("streamIdleTimeout", "2s")).chatStream(REQUEST, chunks::add));
        assertEquals(1, chunks.size());
        assertEquals("openai: POST /chat/completions stream sent nothing for PT2S (streamIdleTimeout), server "
                + server.baseUrl().substring(7, server.baseUrl().length() - 3), e.getMessage());
    }

    @Test
    void closingTheProviderEndsItsStreams() {
        server.on("POST /chat/completions", exchange -> {
            FakeOpenAi.event(FakeOpenAi.startEvents(exchange), chunk("wait", null));
            await(release);
        });
        provider(config());
        assertThrows(ProviderUnavailableException.class, () -> provider.chatStream(REQUEST, c -> {
            provider.close();
            return true;
        }));
    }

    @Test
    void serverIgnoringStreamGetsOneChunkPerChoice() {
        server.json("POST /chat/completions", 200, "{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"whole\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}");
        List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
        ChatResponse response = provider(config()).chatStream(REQUEST, chunks::add);
        assertEquals("whole", response.text());
        assertEquals(1, chunks.size());
        assertEquals(2, chunks.get(0).usage().totalTokens());
    }

    static boolean await(CountDownLatch latch) {
        try {
            return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @FunctionalInterface
    interface ThrowingConsumer<T> {
        void accept(T value) throws Exception;
    }
}
