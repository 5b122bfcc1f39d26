package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ServerException;

/**
 * Servers on 127.0.0.1 that misbehave as issue 12 tried them: bodies and streams that never end, a line that never
 * ends, a body dripped byte by byte, redirects, bytes that are not UTF-8, wrong content types, a reset in the middle
 * of a stream. Each call fails on its own with one line naming the call, the server and what happened.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileServerTest {
    private static final ChatRequest REQUEST = ChatRequest.builder().model("gpt-4o-mini").user("hi").build();
    private static final byte[] FILLER = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);

    private final FakeOpenAi server = TestSupport.server();
    private OpenAiProvider provider;

    @AfterEach
    void tearDown() {
        if (provider != null) {
            provider.close();
        }
        server.close();
    }

    private OpenAiProvider provider(String baseUrl, ProviderConfig.Builder config) {
        provider = new OpenAiProvider(config.baseUrl(baseUrl).build(), Clock.systemUTC());
        return provider;
    }

    private OpenAiProvider provider(ProviderConfig.Builder config) {
        return provider(server.baseUrl(), config);
    }

    private static ProviderConfig.Builder config() {
        return ProviderConfig.builder("openai").apiKey(OpenAiProviderTest.KEY).timeout(Duration.ofSeconds(10))
                .param("maxResponseBytes", "256KiB").param("maxLineBytes", "64KiB").param("maxEventBytes", "128KiB")
                .param("maxStreamBytes", "256KiB");
    }

    /** @return the failure, checked to be one line that names the call and the server and no exception class */
    private static <T extends ProviderException> T oneLine(Class<T> type, String baseUrl, Executable call) {
        T e = assertThrows(type, call);
        System.out.println("HostileServerTest: " + e.getMessage());
        String server = baseUrl.substring("http://".length(), baseUrl.length() - "/v1".length());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("openai: POST /chat/completions "), e.getMessage());
        assertTrue(e.getMessage().contains("server " + server), "names the server: " + e.getMessage());
        assertFalse(e.getMessage().matches(".*[A-Za-z]+(Exception|Error)\\b.*"), "no class name: " + e.getMessage());
        assertFalse(e.getMessage().contains(OpenAiProviderTest.KEY), e.getMessage());
        return e;
    }

    private <T extends ProviderException> T chatFails(Class<T> type, ProviderConfig.Builder config) {
        return oneLine(type, server.baseUrl(), () -> provider(config).chat(REQUEST));
    }

    private <T extends ProviderException> T streamFails(Class<T> type, ProviderConfig.Builder config) {
        return oneLine(type, server.baseUrl(), () -> provider(config).chatStream(REQUEST, c -> true));
    }

    @Test
    void jsonBodyThatNeverEndsStopsAtMaxResponseBytes() {
        server.on("POST /chat/completions", FakeOpenAi.endless("application/json",
                "{\"choices\":[{\"message\":{\"content\":\"".getBytes(StandardCharsets.US_ASCII), FILLER));
        ProviderException e = chatFails(ProviderException.class, config());
        assertEquals("response_too_large", e.type());
        assertEquals("maxResponseBytes", e.code());
        assertTrue(e.getMessage().contains("answer exceeds maxResponseBytes (262144 bytes)"), e.getMessage());
    }

    @Test
    void streamThatNeverEndsStopsAtMaxStreamBytes() {
        byte[] chunk = ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "y".repeat(1000)
                + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.US_ASCII);
        server.on("POST /chat/completions", FakeOpenAi.endless("text/event-stream", new byte[0], chunk));
        ProviderException e = streamFails(ProviderException.class, config());
        assertEquals("maxStreamBytes", e.code());
    }

    @Test
    void streamOfNothingButCommentsEndsAtTheCallsDeadline() {
        server.on("POST /chat/completions", FakeOpenAi.dripping("text/event-stream",
                ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII), 50));
        ProviderTimeoutException e = streamFails(ProviderTimeoutException.class, config().timeout(Duration.ofSeconds(4)));
        assertTrue(e.getMessage().contains("did not complete within PT4S (the target's timeout)"), e.getMessage());
    }

    @Test
    void sseLineThatNeverEndsStopsAtMaxLineBytes() {
        server.on("POST /chat/completions", FakeOpenAi.endless("text/event-stream",
                "data: ".getBytes(StandardCharsets.US_ASCII), FILLER));
        ProviderException e = streamFails(ProviderException.class, config());
        assertEquals("maxLineBytes", e.code());
        assertTrue(e.getMessage().contains("exceeds maxLineBytes (65536 bytes)"), e.getMessage());
    }

    @Test
    void eventThatNeverEndsStopsAtMaxEventBytes() {
        byte[] line = ("data: " + "z".repeat(4000) + "\n").getBytes(StandardCharsets.US_ASCII);
        server.on("POST /chat/completions", FakeOpenAi.endless("text/event-stream", new byte[0], line));
        assertEquals("maxEventBytes", streamFails(ProviderException.class, config()).code());
    }

    @Test
    void bodyDrippedByteByByteEndsAtTheCallsDeadline() {
        server.on("POST /chat/completions", FakeOpenAi.dripping("application/json", new byte[] {'{'}, 100));
        ProviderTimeoutException e = chatFails(ProviderTimeoutException.class, config().timeout(Duration.ofSeconds(4)));
        assertTrue(e.getMessage().contains("did not complete within PT4S"), e.getMessage());
    }

    @Test
    void jsonBodyThatStopsSendingEndsAtTheIdleLimit() {
        server.on("POST /chat/completions", FakeOpenAi.dripping("application/json", new byte[] {'{'}, 60_000));
        ProviderTimeoutException e = chatFails(ProviderTimeoutException.class, config().param("streamIdleTimeout", "1s"));
        assertTrue(e.getMessage().contains("sent nothing for PT1S (streamIdleTimeout)"), e.getMessage());
    }

    @Test
    void errorAnswerThatNeverEndsIsCutAndMapped() {
        server.on("POST /chat/completions", x -> {
            x.getResponseHeaders().set("Content-Type", "text/plain");
            x.sendResponseHeaders(503, 0);
            OutputStream out = x.getResponseBody();
            while (!Thread.currentThread().isInterrupted()) {
                out.write(FILLER);
            }
        });
        ServerException e = assertThrows(ServerException.class, () -> provider(config()).chat(REQUEST));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("failed with HTTP 503: body starts with: xxx"), e.getMessage());
    }

    @Test
    void redirectIsNotFollowed() {
        server.on("POST /chat/completions", x -> {
            x.getResponseHeaders().set("Location", "http://elsewhere.example/v1/chat/completions");
            x.sendResponseHeaders(307, -1);
        });
        ProviderException e = assertThrows(ProviderException.class, () -> provider(config()).chat(REQUEST));
        assertEquals("openai: POST /chat/completions was answered with HTTP 307, a redirect to "
                + "http://elsewhere.example/v1/chat/completions, which is not followed; set baseUrl to where the API is",
                e.getMessage());
        assertEquals("redirect", e.type());
    }

    @Test
    void invalidUtf8IsNamed() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        server.on("POST /chat/completions", x -> {
            try (OutputStream out = FakeOpenAi.startBody(x, "application/json")) {
                out.write(bad);
            }
        });
        assertTrue(chatFails(MalformedResponseException.class, config()).getMessage()
                .contains("answered with a body that is not valid UTF-8 (10 bytes)"));
        server.on("POST /chat/completions", x -> {
            try (OutputStream out = FakeOpenAi.startBody(x, "text/event-stream")) {
                out.write("data: ".getBytes(StandardCharsets.US_ASCII));
                out.write(bad);
                out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
        assertTrue(streamFails(MalformedResponseException.class, config()).getMessage()
                .contains("answer is not valid UTF-8"));
    }

    @Test
    void wrongContentTypeIsNamed() {
        server.on("POST /chat/completions", x -> {
            try (OutputStream out = FakeOpenAi.startBody(x, "text/html; charset=utf-8")) {
                out.write("<html>captive portal</html>".getBytes(StandardCharsets.US_ASCII));
            }
        });
        assertTrue(chatFails(MalformedResponseException.class, config()).getMessage()
                .contains("answered with Content-Type text/html where JSON was expected"));
        assertTrue(streamFails(MalformedResponseException.class, config()).getMessage()
                .contains("answered with Content-Type text/html where an event stream was expected"));
    }

    @Test
    void connectionResetInTheMiddleOfAStream() throws Exception {
        try (RawServer raw = new RawServer((socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] event = ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"par\"},\"finish_reason\":null}]}"
                    + "\n\n").getBytes(StandardCharsets.US_ASCII);
            out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(event);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawServer.reset(socket);
        })) {
            MalformedResponseException e = oneLine(MalformedResponseException.class, raw.baseUrl(),
                    () -> provider(raw.baseUrl(), config()).chatStream(REQUEST, c -> true));
            assertTrue(e.getMessage().contains("answer broke off ("), e.getMessage());
        }
    }

    @Test
    void connectionRefusedIsOneLine() throws Exception {
        String baseUrl;
        try (RawServer gone = new RawServer((socket, out) -> { })) {
            baseUrl = gone.baseUrl();
        }
        ProviderException e = oneLine(ProviderException.class, baseUrl, () -> provider(baseUrl, config()).chat(REQUEST));
        assertEquals("connection_error", e.type());
        assertInstanceOf(ProviderException.class, e);
    }
}
