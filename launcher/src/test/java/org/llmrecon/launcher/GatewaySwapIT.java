package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight HTTP clients call the gateway without pause, plain and streamed, while the mock plugin is reloaded
 * (uninstalled and installed again) ten times: within the runtime's swap guarantees no request is lost,
 * every answer is a 200 and every stream ends with [DONE].
 */
class GatewaySwapIT {
    private static final int CALLERS = 8;
    private static final int RELOADS = 10;

    @TempDir
    Path work;

    @Test
    void noRequestIsLostWhileThePluginIsReloaded() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(Fixtures.template(), plugins.resolve("mock.jar"));
        try (LlmRecon llm = LlmRecon.builder().pluginFolder(plugins).http("127.0.0.1", 0)
                .frameworkProperty("llmrecon.swap.grace", "30s").config("mock", "param.latency", "1ms").start()) {
            assertEquals(List.of(), llm.awaitPlugins(Duration.ofSeconds(60)));
            GatewayClient client = new GatewayClient(llm.httpUrl().orElseThrow().resolve("/v1/"), null);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong ok = new AtomicLong();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                boolean streaming = i % 2 == 1;
                Thread t = new Thread(() -> {
                    while (!stop.get() && failures.isEmpty()) {
                        String failure = streaming ? stream(client) : chat(client);
                        if (failure == null) {
                            ok.incrementAndGet();
                        } else {
                            failures.add(failure);
                        }
                    }
                }, "gateway-caller-" + i);
                t.start();
                callers.add(t);
            }
            try {
                for (int r = 1; r <= RELOADS; r++) {
                    llm.pluginManager().reload("mock");
                    long target = ok.get() + 2L * CALLERS;
                    GatewayIT.await(() -> ok.get() >= target || !failures.isEmpty(), "calls served after reload " + r);
                }
            } finally {
                stop.set(true);
                for (Thread t : callers) {
                    t.join(Duration.ofSeconds(60).toMillis());
                }
            }
            assertEquals(List.of(), failures.subList(0, Math.min(3, failures.size())));
            assertTrue(ok.get() >= RELOADS * 2L * CALLERS, "calls served: " + ok.get());
        }
    }

    private static String chat(GatewayClient client) {
        try {
            HttpResponse<String> r = client.post("chat/completions", GatewayIT.chat("mock/mock-chat", "swap"));
            return r.statusCode() == 200 ? null : r.statusCode() + " " + r.body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String stream(GatewayClient client) {
        try {
            HttpResponse<InputStream> r = client.postStreaming("chat/completions", "{\"model\":\"mock/mock-chat\","
                    + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"swap stream\"}]}");
            String last = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isEmpty()) {
                        last = line;
                    }
                }
            }
            return r.statusCode() == 200 && "data: [DONE]".equals(last) ? null : r.statusCode() + " ended " + last;
        } catch (Exception e) {
            return e.toString();
        }
    }
}
