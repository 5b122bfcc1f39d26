package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.runtime.Secrets;

/**
 * The gateway as a client sees it: the launcher's runtime with {@code http("127.0.0.1", 0)}, the mock plugin,
 * a key in {@code etc/org.llmrecon.gateway.cfg}, and java.net.http.
 */
class GatewayIT {
    static final String KEY = "gw-test-key-1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    static Path work;
    static LlmRecon llm;
    static GatewayClient client;

    @BeforeAll
    static void start() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.copy(Fixtures.template(), plugins.resolve("mock.jar"));
        Files.writeString(etc.resolve("org.llmrecon.gateway.cfg"), "keys=" + KEY + "\nmaxBodyBytes=65536\n");
        llm = LlmRecon.builder().pluginFolder(plugins).etcFolder(etc).http("127.0.0.1", 0).start();
        assertEquals(List.of(), llm.awaitPlugins(Duration.ofSeconds(60)));
        client = new GatewayClient(llm.httpUrl().orElseThrow().resolve("/v1/"), KEY);
        await(() -> status(client, "models") == 200, "the gateway answers GET /v1/models with its key");
        // File Install hands the configuration over soon after start: until then there are no keys
        await(() -> status(client.withKey(null), "models") == 401, "the gateway's configuration (its key) applied");
    }

    @AfterAll
    static void stop() {
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    void listsEveryModelAsTargetSlashModel() throws Exception {
        HttpResponse<String> r = client.get("models");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"id\":\"mock/mock-chat\""), r.body());
        assertTrue(r.body().contains("\"id\":\"mock/mock-embedding\""), r.body());
    }

    @Test
    void withoutOrWithAWrongKeyIs401() throws Exception {
        HttpResponse<String> none = client.withKey(null).post("chat/completions", chat("mock/mock-chat", "hi"));
        assertEquals(401, none.statusCode());
        assertTrue(none.body().contains("\"code\":\"invalid_api_key\""), none.body());
        HttpResponse<String> wrong = client.withKey("nope").get("models");
        assertEquals(401, wrong.statusCode());
        assertFalse(wrong.body().contains("nope"), "the key is never echoed: " + wrong.body());
        assertEquals(401, client.withKey(null).get("../metrics").statusCode());
    }

    @Test
    void chatAnswersByTargetSlashModelByModelAndByTarget() throws Exception {
        for (String model : new String[] {"mock/mock-chat", "mock-chat", "mock"}) {
            HttpResponse<String> r = client.post("chat/completions", chat(model, "red team " + model));
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"object\":\"chat.completion\""), r.body());
            assertTrue(r.body().contains("red team " + model), r.body());
            assertTrue(r.body().contains("\"model\":\"mock/mock-chat\""), r.body());
            assertTrue(r.body().contains("\"total_tokens\":"), r.body());
        }
    }

    @Test
    void streamsChunksThenUsageThenDone() throws Exception {
        String body = "{\"model\":\"mock/mock-chat\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three\"}]}";
        HttpResponse<InputStream> r = client.postStreaming("chat/completions", body);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("data: ")) {
                    events.add(line.substring(6));
                }
            }
        }
        assertTrue(events.size() >= 4, events.toString());
        assertEquals("[DONE]", events.get(events.size() - 1));
        String usage = events.get(events.size() - 2);
        assertTrue(usage.contains("\"choices\":[]") && usage.contains("\"usage\":{\"prompt_tokens\""), usage);
        assertTrue(events.get(0).contains("\"object\":\"chat.completion.chunk\""), events.get(0));
        assertTrue(events.stream().anyMatch(e -> e.contains("\"finish_reason\":\"stop\"")), events.toString());
        String text = String.join("", events.stream().filter(e -> e.contains("\"content\":\""))
                .map(e -> e.replaceAll(".*\"content\":\"([^\"]*)\".*", "$1")).toList());
        assertTrue(text.contains("one two three"), text);
    }

    @Test
    void completesAndEmbeds() throws Exception {
        HttpResponse<String> c = client.post("completions", "{\"model\":\"mock/mock-completion\",\"prompt\":\"say\"}");
        assertEquals(200, c.statusCode(), c.body());
        assertTrue(c.body().contains("\"object\":\"text_completion\"") && c.body().contains("say"), c.body());
        HttpResponse<String> e = client.post("embeddings", "{\"model\":\"mock/mock-embedding\",\"input\":[\"a\",\"b\"]}");
        assertEquals(200, e.statusCode(), e.body());
        assertTrue(e.body().contains("\"index\":1") && e.body().contains("\"embedding\":["), e.body());
        HttpResponse<String> b64 = client.post("embeddings",
                "{\"model\":\"mock/mock-embedding\",\"input\":\"a\",\"encoding_format\":\"base64\"}");
        assertEquals(200, b64.statusCode(), b64.body());
        assertTrue(b64.body().matches("(?s).*\"embedding\":\"[A-Za-z0-9+/=]+\".*"), b64.body());
    }

    @Test
    void badRequestsGetOpenAiErrorsWithTheirStatus() throws Exception {
        HttpResponse<String> json = client.post("chat/completions", "{not json");
        assertEquals(400, json.statusCode());
        assertTrue(json.body().startsWith("{\"error\":{") && json.body().contains("invalid_json"), json.body());
        HttpResponse<String> field = client.post("chat/completions", "{\"model\":\"mock\",\"messages\":[]}");
        assertEquals(400, field.statusCode());
        assertTrue(field.body().contains("\"param\":\"messages\""), field.body());
        HttpResponse<String> temp = client.post("chat/completions", "{\"model\":\"mock\",\"temperature\":\"hot\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertEquals(400, temp.statusCode());
        assertTrue(temp.body().contains("\"param\":\"temperature\""), temp.body());
        HttpResponse<String> model = client.post("chat/completions", chat("nobody/nothing", "x"));
        assertEquals(404, model.statusCode());
        assertTrue(model.body().contains("model_not_found"), model.body());
        HttpResponse<String> big = client.post("chat/completions", chat("mock", "x".repeat(70_000)));
        assertEquals(413, big.statusCode());
        assertTrue(big.body().contains("request_too_large"), big.body());
        assertFalse(big.body().contains("at org.") || model.body().contains("Exception"), "no stack trace");
    }

    @Test
    void metricsCountRequestsPerTargetAndPluginsByState() throws Exception {
        client.post("chat/completions", chat("mock/mock-chat", "count me"));
        HttpResponse<String> m = client.get("../metrics");
        assertEquals(200, m.statusCode());
        assertTrue(m.body().contains("llmrecon_gateway_requests_total{endpoint=\"chat\",target=\"mock\"}"), m.body());
        assertTrue(m.body().contains("llmrecon_gateway_request_duration_seconds_bucket{target=\"mock\",le="), m.body());
        assertTrue(m.body().contains("llmrecon_plugins{state=\"active\"} 1"), m.body());
        assertTrue(m.body().contains("llmrecon_target_tokens_total{kind=\"prompt\",target=\"mock\"}"), m.body());
    }

    @Test
    void providerErrorsKeepTheirStatusAndRateLimitsTheirRetryAfter() throws Exception {
        llm.configManager().set("mock", "resilience.enabled", "false");
        llm.configManager().set("mock", "param.retryAfter", "7s");
        try {
            llm.configManager().set("mock", "param.fault", "status:429");
            await(() -> post("mock/mock-chat").statusCode() == 429, "the injected 429 reaches the client");
            HttpResponse<String> limited = post("mock/mock-chat");
            assertEquals("7", limited.headers().firstValue("Retry-After").orElse(""), limited.headers().toString());
            assertTrue(limited.body().contains("mock: injected HTTP 429"), limited.body());
            llm.configManager().set("mock", "param.fault", "status:503");
            await(() -> post("mock/mock-chat").statusCode() == 503, "the injected 503 reaches the client");
            llm.configManager().set("mock", "param.fault", "status:401");
            await(() -> post("mock/mock-chat").statusCode() == 401, "the provider's own 401 keeps its status");
            assertTrue(post("mock/mock-chat").body().startsWith("{\"error\":{\"message\":\"mock: injected"));
        } finally {
            llm.configManager().set("mock", "param.fault", "none");
            await(() -> post("mock/mock-chat").statusCode() == 200, "the mock answers again");
        }
    }

    @Test
    void aClientThatLeavesAStreamStopsTheUpstreamCall() throws Exception {
        llm.configManager().set("mock", "param.tokenDelay", "100ms");
        try {
            await(() -> llm.providerFactory().getProvider("mock").config().additionalParams()
                    .containsKey("tokenDelay"), "the mock has its token delay");
            String words = "word ".repeat(600);
            HttpResponse<InputStream> r = client.postStreaming("chat/completions", "{\"model\":\"mock/mock-chat\","
                    + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + words + "\"}]}");
            assertEquals(200, r.statusCode());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                assertTrue(in.readLine().startsWith("data: {"), "the first chunk arrives");
            }
            // 600 words at 100 ms each would stream for a minute; the gateway sees the client gone at its next write
            await(() -> client.get("../metrics").body().contains(
                    "llmrecon_gateway_errors_total{kind=\"client_gone\",target=\"mock\"} 1.0"),
                    "the gateway stopped the stream the client left");
        } finally {
            llm.configManager().set("mock", "param.tokenDelay", "0ms");
        }
    }

    private static HttpResponse<String> post(String model) {
        try {
            return client.post("chat/completions", chat(model, "fault?"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aKeyStoredEncryptedOpensAndAnUnavailableTargetIs503() throws Exception {
        org.osgi.framework.BundleContext ctx = llm.framework().getBundleContext();
        org.osgi.framework.ServiceReference<Secrets> ref = ctx.getServiceReference(Secrets.class);
        String sealed = ctx.getService(ref).seal("gw-test-key-2");
        ctx.ungetService(ref);
        Path cfg = work.resolve("etc/org.llmrecon.gateway.cfg");
        String original = Files.readString(cfg);
        try {
            assertTrue(sealed.startsWith("ENC(") && !sealed.contains("gw-test-key-2"), sealed);
            Files.writeString(cfg, "keys=" + sealed + "\nmaxBodyBytes=65536\n");
            await(() -> status(client.withKey("gw-test-key-2"), "models") == 200 && status(client, "models") == 401,
                    "the sealed key opens and replaces the first");
            assertEquals(401, status(client.withKey(sealed), "models"), "the sealed text itself is no key");
        } finally {
            Files.writeString(cfg, original);
            await(() -> status(client, "models") == 200 && status(client.withKey(null), "models") == 401,
                    "the first key is back");
        }
        llm.configManager().addTarget("gone", "no-such-type", java.util.Map.of());
        try {
            HttpResponse<String> r = client.post("chat/completions", chat("gone/some-model", "x"));
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains("target_unavailable"), r.body());
        } finally {
            llm.configManager().removeTarget("gone");
        }
    }

    static String chat(String model, String prompt) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    }

    static int status(GatewayClient c, String path) {
        try {
            return c.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void await(Check check, String what) throws InterruptedException {
        BooleanSupplier condition = () -> {
            try {
                return check.holds();
            } catch (Exception e) {
                return false;
            }
        };
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            synchronized (GatewayIT.class) {
                GatewayIT.class.wait(50);
            }
        }
    }
}
