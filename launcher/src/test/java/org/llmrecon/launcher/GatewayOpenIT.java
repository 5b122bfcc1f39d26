package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway on loopback without keys: open to this machine, still rate limited (429 with Retry-After). */
class GatewayOpenIT {
    @TempDir
    Path work;

    @Test
    void aTakenPortIsOneLineAndNoRuntime() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> LlmRecon.builder().http("127.0.0.1", taken.getLocalPort()).start());
            assertTrue(e.getMessage().startsWith("--http http://127.0.0.1:" + taken.getLocalPort() + ": cannot listen"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void loopbackWithoutKeysServesAndTheRateLimitAnswers429() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.copy(Fixtures.template(), plugins.resolve("mock.jar"));
        Files.writeString(etc.resolve("org.llmrecon.gateway.cfg"), "rateLimitPerMinute=2\n");
        try (LlmRecon llm = LlmRecon.builder().pluginFolder(plugins).etcFolder(etc).http("127.0.0.1", 0).start()) {
            assertEquals(List.of(), llm.awaitPlugins(Duration.ofSeconds(60)));
            assertTrue(llm.httpUrl().orElseThrow().toString().startsWith("http://127.0.0.1:"));
            GatewayClient client = new GatewayClient(llm.httpUrl().orElseThrow().resolve("/v1/"), null);
            HttpResponse<String> first = client.post("chat/completions", GatewayIT.chat("mock/mock-chat", "open"));
            assertEquals(200, first.statusCode(), first.body());
            // the limit applies once File Install has handed the configuration over: ask until it answers
            AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
            GatewayIT.await(() -> {
                last.set(client.get("models"));
                return last.get().statusCode() == 429;
            }, "a 429 once 2 requests per minute are used up");
            HttpResponse<String> limited = last.get();
            assertTrue(limited.body().contains("\"type\":\"rate_limit_error\""), limited.body());
            assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElse("0")) >= 1,
                    limited.headers().toString());
        }
    }
}
