package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.ServerException;

import com.sun.net.httpserver.HttpExchange;

class ErrorMappingTest {
    private static final String KEY = OpenAiProviderTest.KEY;
    private static final ChatRequest REQUEST = ChatRequest.builder().model("gpt-4o").user("hi").build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

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

    private OpenAiProvider provider(Duration timeout) {
        provider = new OpenAiProvider(ProviderConfig.builder("openai").apiKey(KEY).baseUrl(server.baseUrl())
                .timeout(timeout).build(), CLOCK);
        return provider;
    }

    private ProviderException failChat(int status, String body, String retryAfter) {
        server.on("POST /chat/completions", exchange -> {
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
            }
            FakeOpenAi.send(exchange, status, body);
        });
        ProviderException e = assertThrows(ProviderException.class, () -> provider(Duration.ofSeconds(20)).chat(REQUEST));
        assertNoKey(e);
        return e;
    }

    @ParameterizedTest
    @CsvSource({"400,InvalidRequestException", "422,InvalidRequestException", "401,AuthenticationException",
            "403,AuthenticationException", "404,ModelNotFoundException", "429,RateLimitException",
            "500,ServerException", "502,ServerException", "503,ServerException", "409,ProviderException"})
    void statusMapsToItsException(int status, String type) {
        ProviderException e = failChat(status, "{\"error\":{\"message\":\"m" + status + "\",\"type\":\"t\","
                + "\"param\":\"p\",\"code\":\"c\"}}", null);
        assertEquals(type, e.getClass().getSimpleName());
        assertEquals(status, e.status());
        assertTrue(e.getMessage().contains("m" + status), e.getMessage());
        assertEquals(status == 429 || status >= 500, e.retryable());
    }

    @Test
    void invalidRequestCarriesMessageParamAndCode() {
        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class, failChat(400,
                "{\"error\":{\"message\":\"Invalid value for 'temperature'\",\"type\":\"invalid_request_error\","
                + "\"param\":\"temperature\",\"code\":\"invalid_value\"}}", null));
        assertEquals("temperature", e.param());
        assertEquals("invalid_value", e.code());
        assertTrue(e.getMessage().endsWith("Invalid value for 'temperature'"), e.getMessage());
    }

    @Test
    void compatibleServerErrorShapesAreRead() {
        ProviderException fastApi = failChat(422, "{\"detail\":[{\"loc\":[\"body\",\"messages\"],\"msg\":\"field required\"}]}",
                null);
        assertTrue(fastApi.getMessage().contains("body.messages: field required"), fastApi.getMessage());
        assertEquals("messages", fastApi.param());
        assertTrue(failChat(400, "{\"error\":\"bad model\"}", null).getMessage().contains("bad model"));
        assertTrue(failChat(404, "", null).getMessage().contains("check the model id and baseUrl"));
        assertTrue(failChat(404, "{\"error\":\"Not Found\",\"message\":\"Cannot POST /v1/x\"}", null).getMessage()
                .contains("Not Found: Cannot POST /v1/x"));
        InvalidRequestException prism = assertInstanceOf(InvalidRequestException.class, failChat(422,
                "{\"title\":\"Invalid request\",\"detail\":\"Your request is not valid\",\"validation\":[{\"location\":"
                + "[\"body\",\"temperature\"],\"message\":\"must be <= 2\"}]}", null));
        assertEquals("temperature", prism.param());
        assertTrue(prism.getMessage().endsWith("body.temperature: must be <= 2"), prism.getMessage());
        assertTrue(failChat(502, "<html>Bad Gateway</html>", null).getMessage().contains("Bad Gateway"));
    }

    @Test
    void authenticationErrorNeverShowsTheKeyNotEvenInPart() {
        String echoed = "Incorrect API key provided: sk-test-********************1234wxyz. You can find your API key"
                + " at https://platform.example/account/api-keys. (key " + KEY + ")";
        AuthenticationException e = assertInstanceOf(AuthenticationException.class, failChat(401,
                "{\"error\":{\"message\":\"" + echoed + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
                null));
        assertEquals("invalid_api_key", e.code());
        assertTrue(e.getMessage().contains("Incorrect API key provided"), e.getMessage());
        assertFalse(e.getMessage().contains("wxyz"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-test"), e.getMessage());
    }

    @Test
    void retryAfterSecondsAndHttpDate() {
        assertEquals(Duration.ofSeconds(7), failChat(429, "{}", "7").retryAfter().orElseThrow());
        assertEquals(Duration.ofSeconds(90), failChat(429, "{}", "Thu, 01 Jan 2026 00:01:30 GMT").retryAfter().orElseThrow());
        assertEquals(Duration.ofSeconds(2), failChat(503, "{}", "2").retryAfter().orElseThrow());
        assertTrue(failChat(429, "{}", "soon").retryAfter().isEmpty());
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        server.on("POST /chat/completions", exchange -> ChatStreamTest.await(release));
        ProviderTimeoutException e = assertThrows(ProviderTimeoutException.class,
                () -> provider(Duration.ofSeconds(1)).chat(REQUEST));
        assertTrue(e.retryable());
        assertNoKey(e);
    }

    @Test
    void bodyStallingAfterItsHeadersTimesOut() {
        server.on("POST /chat/completions", exchange -> {
            startBody(exchange, "{\"id\":\"x\",");
            ChatStreamTest.await(release);
        });
        ProviderTimeoutException e = assertThrows(ProviderTimeoutException.class,
                () -> provider(Duration.ofSeconds(1)).chat(REQUEST));
        assertFalse(Thread.currentThread().isInterrupted(), "the timeout left the caller's thread interrupted");
        assertNoKey(e);
    }

    @Test
    void interruptingTheCallerEndsTheCallAndKeepsTheInterrupt() throws Exception {
        CountDownLatch received = chatHeldUntilRelease();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                provider.chat(REQUEST);
            } catch (Throwable e) {
                thrown.set(e);
            }
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertTrue(ChatStreamTest.await(received));
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(caller.isAlive(), "the interrupted call did not end");
        assertInstanceOf(ProviderException.class, thrown.get());
        assertTrue(thrown.get().getMessage().contains("interrupted"), thrown.get().getMessage());
        assertTrue(interrupted.get(), "the caller's interrupt was swallowed");
    }

    @Test
    void closingTheProviderFailsCallsInFlight() throws Exception {
        CountDownLatch received = chatHeldUntilRelease();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> call = caller.submit(() -> provider.chat(REQUEST));
            assertTrue(ChatStreamTest.await(received));
            provider.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(20, TimeUnit.SECONDS));
            assertInstanceOf(ProviderUnavailableException.class, e.getCause());
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void bodyThatIsNotJsonIsMalformed() {
        server.json("POST /chat/completions", 200, "{\"id\":\"x\",\"choices\":[");
        assertThrows(MalformedResponseException.class, () -> provider(Duration.ofSeconds(20)).chat(REQUEST));
        server.json("POST /chat/completions", 200, "{\"id\":\"x\"}");
        assertThrows(MalformedResponseException.class, () -> provider.chat(REQUEST));
        server.json("POST /chat/completions", 200, "{\"choices\":[{\"index\":0}]}");
        assertThrows(MalformedResponseException.class, () -> provider.chat(REQUEST));
    }

    @Test
    void bodyCutShortIsMalformed() {
        server.on("POST /chat/completions", exchange -> {
            startBody(exchange, "{\"id\":\"x\",\"choices\":[");
            exchange.getHttpContext().getServer().stop(0);
        });
        ProviderException e = assertThrows(ProviderException.class, () -> provider(Duration.ofSeconds(20)).chat(REQUEST));
        assertInstanceOf(MalformedResponseException.class, e, e.toString());
    }

    @Test
    void unreachableServerIsARetryableConnectionError() {
        provider(Duration.ofSeconds(5));
        server.close();
        ProviderException e = assertThrows(ProviderException.class, () -> provider.listModels());
        assertEquals("connection_error", e.type());
        assertTrue(e.retryable());
    }

    /** @return counted down when the server has the chat request, which it answers only on release */
    private CountDownLatch chatHeldUntilRelease() {
        CountDownLatch received = new CountDownLatch(1);
        server.on("POST /chat/completions", exchange -> {
            received.countDown();
            ChatStreamTest.await(release);
        });
        provider(Duration.ofMinutes(5));
        return received;
    }

    /** Sends the headers of a 500-byte JSON answer and only {@code part} of its body. */
    private static void startBody(HttpExchange exchange, String part) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 500);
        OutputStream out = exchange.getResponseBody();
        out.write(part.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void assertNoKey(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(KEY), "the key leaked: " + trace);
        assertFalse(e.toString().contains(KEY));
    }
}
