package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ContentPart;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.Pricing;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.ServerException;
import org.llmrecon.api.provider.Tool;
import org.llmrecon.api.provider.ToolCall;

import com.fasterxml.jackson.databind.JsonNode;

/** Azure OpenAI against a server on 127.0.0.1: the URL, the api-key header, and the OpenAI wire format. */
class AzureOpenAiProviderTest {
    static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String CHAT = "/openai/deployments/prod-4o/chat/completions";
    private static final String VERSION = "?api-version=" + AzureSettings.DEFAULT_API_VERSION;

    private final FakeOpenAi server = TestSupport.server();
    private AzureOpenAiProvider provider;

    @AfterEach
    void tearDown() {
        if (provider != null) {
            provider.close();
        }
        server.close();
    }

    private AzureOpenAiProvider provider(ProviderConfig.Builder config) {
        provider = new AzureOpenAiProvider(config.build(), Clock.systemUTC());
        return provider;
    }

    private ProviderConfig.Builder config() {
        return ProviderConfig.builder("azure-openai").apiKey(KEY).baseUrl(server.endpoint())
                .timeout(Duration.ofSeconds(20)).param("deployment.gpt-4o", "prod-4o")
                .param("deployment.text-embedding-3-small", "embed-small");
    }

    @Test
    void chatGoesToTheDeploymentWithTheApiKeyHeader() throws Exception {
        server.onPath("POST " + CHAT, x -> FakeOpenAi.send(x, 200, OpenAiProviderTest.CHAT_ANSWER));
        ChatResponse response = provider(config()).chat(ChatRequest.builder().model("gpt-4o").user("hi")
                .tool(Tool.function("lookup", "looks up", "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}"))
                .toolChoice("auto").build());

        FakeOpenAi.Received request = server.last();
        assertEquals("POST", request.method());
        assertEquals(CHAT + VERSION, request.path());
        assertEquals(KEY, request.headers().getFirst("api-key"));
        assertFalse(request.headers().containsKey("Authorization"), "no Authorization header: " + request.headers());
        JsonNode body = request.json();
        assertEquals("hi", body.at("/messages/0/content").asText());
        assertEquals("lookup", body.at("/tools/0/function/name").asText());
        assertEquals("auto", body.get("tool_choice").asText());
        assertFalse(body.has("deployment.gpt-4o") || body.has("apiVersion"), body.toString());
        assertEquals(new ToolCall("call_1", "function", "lookup", "{\"q\":\"x\"}"),
                response.choices().get(0).message().toolCalls().get(0));
        assertEquals(17, response.usage().totalTokens());
    }

    @Test
    void aModelWithoutMappingIsItsOwnDeploymentAndTheApiVersionIsConfigurable() throws Exception {
        server.onPath("POST /openai/deployments/gpt-4o-mini/chat/completions",
                x -> FakeOpenAi.send(x, 200, OpenAiProviderTest.CHAT_ANSWER));
        provider(config().param("apiVersion", "2025-04-01-preview").defaultModel("gpt-4o-mini"))
                .chat(ChatRequest.builder().user("hi").build());
        assertEquals("/openai/deployments/gpt-4o-mini/chat/completions?api-version=2025-04-01-preview",
                server.last().path());
        assertEquals("gpt-4o-mini", server.last().json().get("model").asText());
    }

    @Test
    void imagePartsAreSentAsForOpenAi() throws Exception {
        server.onPath("POST " + CHAT, x -> FakeOpenAi.send(x, 200, OpenAiProviderTest.CHAT_ANSWER));
        provider(config()).chat(ChatRequest.builder().model("gpt-4o").user("what is this?",
                ContentPart.imageUrl("https://h.test/cat.jpg"), ContentPart.image("image/png", new byte[] {1, 2, 3}))
                .build());
        assertEquals("""
                [{"type":"text","text":"what is this?"},\
                {"type":"image_url","image_url":{"url":"https://h.test/cat.jpg"}},\
                {"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"}}]""",
                server.last().json().at("/messages/0/content").toString());
    }

    @Test
    void streamReadsEventsAndAcceptsJsonToo() throws Exception {
        server.onPath("POST " + CHAT, x -> {
            OutputStream out = FakeOpenAi.startEvents(x);
            FakeOpenAi.event(out, "{\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":"
                    + "{\"role\":\"assistant\",\"content\":\"Hel\"},\"finish_reason\":null}]}");
            FakeOpenAi.event(out, "{\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":"
                    + "{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}");
            FakeOpenAi.event(out, "[DONE]");
            out.close();
        });
        List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
        ChatResponse response = provider(config()).chatStream(ChatRequest.builder().model("gpt-4o").user("hi").build(),
                chunks::add);
        assertEquals("Hello", response.text());
        assertEquals(2, chunks.size());
        assertEquals(CHAT + VERSION, server.last().path());
        assertEquals("text/event-stream, application/json", server.last().headers().getFirst("Accept"));
        assertTrue(server.last().json().get("stream").asBoolean());
        assertNull(server.last().json().get("stream_options"), "not sent unless configured");

        server.onPath("POST " + CHAT, x -> FakeOpenAi.send(x, 200, OpenAiProviderTest.CHAT_ANSWER));
        chunks.clear();
        ChatResponse json = provider.chatStream(ChatRequest.builder().model("gpt-4o").user("hi").build(), chunks::add);
        assertEquals("lookup", json.choices().get(0).message().toolCalls().get(0).name());
        assertEquals(1, chunks.size());
    }

    @Test
    void embeddingsGoToTheirDeployment() throws Exception {
        server.onPath("POST /openai/deployments/embed-small/embeddings", x -> FakeOpenAi.send(x, 200, """
                {"object":"list","model":"text-embedding-3-small","usage":{"prompt_tokens":2,"total_tokens":2},
                 "data":[{"object":"embedding","index":0,"embedding":[0.5,-1]}]}"""));
        EmbeddingResponse response = provider(config()).embed(EmbeddingRequest.of("text-embedding-3-small", "a"));
        assertEquals(-1f, response.data().get(0).vector()[1]);
        assertEquals("/openai/deployments/embed-small/embeddings" + VERSION, server.last().path());
        assertEquals(KEY, server.last().headers().getFirst("api-key"));
    }

    @Test
    void azureErrorsAreMappedAsOpenAisWithoutTheKey() {
        server.onPath("POST " + CHAT, x -> FakeOpenAi.send(x, 401, "{\"error\":{\"code\":\"401\",\"message\":"
                + "\"Access denied due to invalid subscription key " + KEY + " or wrong API endpoint.\"}}"));
        AuthenticationException denied = assertThrows(AuthenticationException.class, () -> provider(config())
                .chat(ChatRequest.builder().model("gpt-4o").user("hi").build()));
        assertTrue(denied.getMessage().startsWith("azure-openai: POST " + CHAT + " failed with HTTP 401: Access denied"),
                denied.getMessage());
        assertFalse(denied.getMessage().contains(KEY), denied.getMessage());

        server.onPath("POST " + CHAT, x -> {
            x.getResponseHeaders().set("retry-after-ms", "1500");
            x.getResponseHeaders().set("Retry-After", "2");
            FakeOpenAi.send(x, 429, "{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create"
                    + " Operation have exceeded the token rate limit. Please retry after 2 seconds.\"}}");
        });
        RateLimitException limited = assertThrows(RateLimitException.class,
                () -> provider.chat(ChatRequest.builder().model("gpt-4o").user("hi").build()));
        assertEquals(Duration.ofMillis(1500), limited.retryAfter().orElseThrow());
        assertEquals("429", limited.code());

        server.onPath("POST " + CHAT, x -> {
            x.getResponseHeaders().set("Retry-After", "7");
            FakeOpenAi.send(x, 429, "{\"error\":{\"code\":\"429\",\"message\":\"slow down\"}}");
        });
        assertEquals(Duration.ofSeconds(7), assertThrows(RateLimitException.class,
                () -> provider.chat(ChatRequest.builder().model("gpt-4o").user("hi").build())).retryAfter().orElseThrow());

        server.onPath("POST " + CHAT, x -> FakeOpenAi.send(x, 400, "{\"error\":{\"message\":\"The response was"
                + " filtered\",\"type\":null,\"param\":\"prompt\",\"code\":\"content_filter\",\"status\":400,"
                + "\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}}"));
        InvalidRequestException filtered = assertThrows(InvalidRequestException.class,
                () -> provider.chat(ChatRequest.builder().model("gpt-4o").user("hi").build()));
        assertEquals("content_filter", filtered.code());
        assertEquals("prompt", filtered.param());

        server.onPath("POST " + CHAT, x -> FakeOpenAi.send(x, 503, "{\"error\":{\"code\":\"ServiceUnavailable\"}}"));
        assertThrows(ServerException.class, () -> provider.chat(ChatRequest.builder().model("gpt-4o").user("hi").build()));
    }

    @Test
    void failuresOfTheAnswerNameTheTypeAndTheDeployment() {
        server.onPath("POST " + CHAT, x -> FakeOpenAi.send(x, 200, "not json"));
        MalformedResponseException malformed = assertThrows(MalformedResponseException.class, () -> provider(config()
                .param("maxResponseBytes", "64")).chat(ChatRequest.builder().model("gpt-4o").user("hi").build()));
        assertTrue(malformed.getMessage().startsWith("azure-openai: POST " + CHAT + " answered with a body that is not"
                + " JSON"), malformed.getMessage());
        server.onPath("POST " + CHAT, x -> FakeOpenAi.send(x, 200, "{}"));
        assertEquals("azure-openai: POST " + CHAT + " answer is malformed: the answer has no 'choices' array",
                assertThrows(MalformedResponseException.class, () -> provider.chat(ChatRequest.builder().model("gpt-4o")
                        .user("hi").build())).getMessage());
        server.onPath("POST " + CHAT, x -> FakeOpenAi.send(x, 200, OpenAiProviderTest.CHAT_ANSWER));
        ProviderException large = assertThrows(ProviderException.class,
                () -> provider.chat(ChatRequest.builder().model("gpt-4o").user("hi").build()));
        assertTrue(large.getMessage().startsWith("azure-openai: POST " + CHAT + " answer exceeds maxResponseBytes"),
                large.getMessage());
    }

    @Test
    void aMissingDeploymentIsNamedInTheNotFoundMessage() {
        server.onPath("POST /openai/deployments/nope/chat/completions", x -> FakeOpenAi.send(x, 404, "{\"error\":"
                + "{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this resource does not exist.\"}}"));
        ModelNotFoundException missing = assertThrows(ModelNotFoundException.class, () -> provider(config())
                .chat(ChatRequest.builder().model("nope").user("hi").build()));
        assertEquals("azure-openai: POST /openai/deployments/nope/chat/completions failed with HTTP 404: The API"
                + " deployment for this resource does not exist. (no such deployment; check baseUrl and"
                + " param.deployment.<model>, which defaults to the model's name)", missing.getMessage());
        assertEquals("DeploymentNotFound", missing.code());
        assertThrows(InvalidRequestException.class, () -> provider.chat(ChatRequest.builder().user("no model").build()));
    }

    @Test
    void modelsAreTheConfiguredOnesWithoutARequest() {
        AzureOpenAiProvider azure = provider(config().defaultModel("gpt-35-turbo"));
        assertEquals(List.of("gpt-4o", "text-embedding-3-small", "gpt-35-turbo"),
                azure.listModels().stream().map(m -> m.id()).toList());
        assertEquals("deployment prod-4o", azure.modelInfo("gpt-4o").description());
        assertEquals("azure-openai", azure.modelInfo("gpt-4o").provider());
        assertEquals(Pricing.perMillionTokens(2.50, 10.00, "USD"), azure.modelInfo("gpt-4o").pricing());
        assertEquals(Pricing.perMillionTokens(0.50, 1.50, "USD"), azure.pricing("gpt-35-turbo").orElseThrow());
        assertThrows(ModelNotFoundException.class, () -> azure.modelInfo("gpt-4.1"));
        assertEquals(List.of(), server.requests);
        assertEquals("azure-openai", azure.type());
        assertFalse(azure.toString().contains(KEY), azure.toString());
        assertTrue(azure.toString().contains("prod-4o"), azure.toString());
    }
}
