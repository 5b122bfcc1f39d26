package org.llmrecon.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;

/** A hostile or broken server fails its own calls with one line naming the limit and the target, nothing more. */
class LimitsTest {
    private final FakeAnthropic server;
    private final CountDownLatch release = new CountDownLatch(1);
    private AnthropicProvider provider;

    LimitsTest() throws IOException {
        server = new FakeAnthropic();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        if (provider != null) {
            provider.close();
        }
        server.close();
    }

    private AnthropicProvider provider(ProviderConfig.Builder config) {
        provider = Anthropics.provider(config);
        return provider;
    }

    @Test
    void anAnswerLargerThanMaxResponseBytes() {
        provider(Anthropics.config(server).param("maxResponseBytes", "1KiB"));
        server.next(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(("{\"pad\":\"" + "x".repeat(4096) + "\"}").getBytes());
        });
        assertEquals("anthropic target 'anthropic': POST /v1/messages answer is larger than maxResponseBytes (1024 bytes);"
                + " the answer was cut off", assertThrows(MalformedResponseException.class,
                        () -> provider.chat(Anthropics.hello())).getMessage());
    }

    @Test
    void aStreamBreakingItsLineEventOrStreamLimit() {
        provider(Anthropics.config(server).param("maxLineBytes", "100").param("maxEventBytes", "300")
                .param("maxStreamBytes", "2000"));
        server.next(exchange -> ChatStreamTest.stream(exchange, "message_start", "x".repeat(200)));
        assertTrue(message().endsWith("a line of the stream is larger than maxLineBytes (100 bytes); the answer was cut"
                + " off"));
        server.next(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(("data: 1234567890\n".repeat(40)).getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(message().contains("an event's data is larger than maxEventBytes (300 bytes)"));
        server.next(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(": keep-alive\n".repeat(400).getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(message().contains("the stream is larger than maxStreamBytes (2000 bytes)"));
    }

    private String message() {
        return assertThrows(MalformedResponseException.class,
                () -> provider.chatStream(Anthropics.hello(), chunk -> true)).getMessage();
    }

    @Test
    void aStreamThatFallsSilentIsCutAfterIdleTimeout() {
        provider(Anthropics.config(server).timeout(java.time.Duration.ofSeconds(30)).param("idleTimeout", "300ms"));
        server.next(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("event: ping\ndata: {\"type\":\"ping\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            hold();
        });
        ProviderTimeoutException e = assertThrows(ProviderTimeoutException.class,
                () -> provider.chatStream(Anthropics.hello(), chunk -> true));
        assertEquals("anthropic target 'anthropic': POST /v1/messages stream sent nothing for idleTimeout (300 ms)",
                e.getMessage());
    }

    @Test
    void theWholeCallHasADeadlineEvenWhenDataKeepsComing() {
        provider(Anthropics.config(server).timeout(java.time.Duration.ofMillis(500)));
        server.next(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                while (!release.await(20, TimeUnit.MILLISECONDS)) {
                    out.write("event: ping\ndata: {\"type\":\"ping\"}\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals("anthropic target 'anthropic': POST /v1/messages did not complete within the timeout of 500 ms",
                assertThrows(ProviderTimeoutException.class,
                        () -> provider.chatStream(Anthropics.hello(), chunk -> true)).getMessage());
        server.next(exchange -> hold());
        assertTrue(assertThrows(ProviderTimeoutException.class, () -> provider.chat(Anthropics.hello())).getMessage()
                .endsWith("did not complete within the timeout of 500 ms"));
    }

    @Test
    void closingTheProviderEndsTheCallsInFlight() throws InterruptedException {
        provider(Anthropics.config(server));
        CountDownLatch arrived = new CountDownLatch(1);
        server.next(exchange -> {
            arrived.countDown();
            hold();
        });
        ProviderException[] failure = new ProviderException[1];
        Thread call = new Thread(() -> {
            try {
                provider.chat(Anthropics.hello());
            } catch (ProviderException e) {
                failure[0] = e;
            }
        });
        call.start();
        assertTrue(arrived.await(10, TimeUnit.SECONDS));
        provider.close();
        call.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(failure[0] instanceof ProviderUnavailableException, String.valueOf(failure[0]));
        assertEquals("anthropic target 'anthropic': POST /v1/messages failed: the provider was closed during the call",
                failure[0].getMessage());
    }

    private void hold() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
