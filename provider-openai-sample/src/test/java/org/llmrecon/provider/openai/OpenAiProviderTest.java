package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ModelType;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.Tool;
import org.llmrecon.api.provider.ToolCall;

import com.fasterxml.jackson.databind.JsonNode;

class OpenAiProviderTest {
    static final String KEY = "sk-test-SECRET-abcd1234wxyz";
    static final String CHAT_ANSWER = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
               {"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{\\"q\\":\\"x\\"}"}}]},
               "finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}""";

    private final FakeOpenAi server = TestSupport.server();
    private OpenAiProvider provider;

    @AfterEach
    void tearDown() {
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
        return ProviderConfig.builder("openai").apiKey(KEY).baseUrl(server.baseUrl()).timeout(Duration.ofSeconds(20));
    }

    @Test
    void chatSendsEveryFieldAndReadsToolCalls() throws Exception {
        server.json("POST /chat/completions", 200, CHAT_ANSWER);
        ChatRequest request = ChatRequest.builder().model("gpt-4o-mini").system("be brief").user("find x")
                .message(ChatMessage.builder("assistant").toolCalls(List.of(new ToolCall("call_0", "function", "lookup", "{}")))
                        .build())
                .message(ChatMessage.builder("tool").content("found").toolCallId("call_0").build())
                .maxTokens(50).temperature(0.2).topP(0.9).n(1).stop("END").presencePenalty(0.1).frequencyPenalty(0.3)
                .logitBias("50256", -100).endUser("u-1").metadata("run", "7")
                .tool(Tool.function("lookup", "looks up", "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}"))
                .toolChoice("lookup").responseFormat("json_object").build();

        ChatResponse response = provider(config().orgId("org-9")).chat(request);

        JsonNode body = server.last().json();
        assertEquals("gpt-4o-mini", body.get("model").asText());
        assertEquals(4, body.get("messages").size());
        assertFalse(body.get("messages").get(2).has("content"));
        assertEquals("lookup", body.at("/messages/2/tool_calls/0/function/name").asText());
        assertEquals("call_0", body.at("/messages/3/tool_call_id").asText());
        assertEquals(50, body.get("max_tokens").asInt());
        assertEquals(0.2, body.get("temperature").asDouble());
        assertEquals("END", body.at("/stop/0").asText());
        assertEquals(-100, body.at("/logit_bias/50256").asInt());
        assertEquals("u-1", body.get("user").asText());
        assertEquals("7", body.at("/metadata/run").asText());
        assertEquals("object", body.at("/tools/0/function/parameters/type").asText());
        assertEquals("lookup", body.at("/tool_choice/function/name").asText());
        assertEquals("json_object", body.at("/response_format/type").asText());
        assertFalse(body.has("stream"));
        assertEquals("Bearer " + KEY, server.last().headers().getFirst("Authorization"));
        assertEquals("org-9", server.last().headers().getFirst("OpenAI-Organization"));
        assertEquals("application/json", server.last().headers().getFirst("Content-Type"));

        assertEquals("chatcmpl-1", response.id());
        assertEquals("tool_calls", response.choices().get(0).finishReason());
        assertNull(response.choices().get(0).message().content());
        ToolCall call = response.choices().get(0).message().toolCalls().get(0);
        assertEquals(new ToolCall("call_1", "function", "lookup", "{\"q\":\"x\"}"), call);
        assertEquals(17, response.usage().totalTokens());
    }

    @Test
    void responseFormatSchemaBecomesJsonSchema() throws Exception {
        server.json("POST /chat/completions", 200, CHAT_ANSWER);
        provider(config()).chat(ChatRequest.builder().model("m").user("u")
                .responseFormat("{\"title\":\"Answer box\",\"type\":\"object\"}").build());
        JsonNode format = server.last().json().get("response_format");
        assertEquals("json_schema", format.get("type").asText());
        assertEquals("Answer_box", format.at("/json_schema/name").asText());
        assertEquals("object", format.at("/json_schema/schema/type").asText());

        provider.chat(ChatRequest.builder().model("m").user("u")
                .responseFormat("{\"name\":\"n\",\"strict\":true,\"schema\":{\"type\":\"object\"}}").build());
        assertTrue(server.last().json().at("/response_format/json_schema/strict").asBoolean());

        provider.chat(ChatRequest.builder().model("m").user("u").responseFormat("text").toolChoice("auto").build());
        assertEquals("text", server.last().json().at("/response_format/type").asText());
        assertEquals("auto", server.last().json().get("tool_choice").asText());

        int sent = server.requests.size();
        InvalidRequestException bad = assertThrows(InvalidRequestException.class, () -> provider.chat(
                ChatRequest.builder().model("m").user("u").responseFormat("{not json").build()));
        assertEquals("response_format", bad.param());
        assertEquals(sent, server.requests.size());
    }

    @Test
    void additionalParamsAndHeadersAreMergedWithTypes() throws Exception {
        server.json("POST /chat/completions", 200, CHAT_ANSWER)
                .json("POST /embeddings", 200, "{\"data\":[],\"model\":\"e\"}");
        provider(config().param("seed", "42").param("top_k", "0.5").param("safe", "true").param("tag", "007")
                .param("temperature", "1.5").param("extra", "{\"a\":[1]}").param("embeddings.dimensions", "256")
                .header("X-Trace", "t-1").defaultModel("gpt-4o-mini"));

        provider.chat(ChatRequest.builder().user("hi").temperature(0.0).build());
        JsonNode body = server.last().json();
        assertEquals("gpt-4o-mini", body.get("model").asText());
        assertTrue(body.get("seed").isIntegralNumber());
        assertEquals(0.5, body.get("top_k").asDouble());
        assertTrue(body.get("safe").isBoolean());
        assertEquals("007", body.get("tag").asText());
        assertTrue(body.get("tag").isTextual());
        assertEquals(0.0, body.get("temperature").asDouble(), "the request's own field wins");
        assertEquals(1, body.at("/extra/a/0").asInt());
        assertFalse(body.has("dimensions"));
        assertEquals("t-1", server.last().headers().getFirst("X-Trace"));

        provider.embed(EmbeddingRequest.of(null, "a"));
        assertEquals(256, server.last().json().get("dimensions").asInt());
    }

    @Test
    void noModelAnywhereIsRejectedBeforeSending() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> provider(config()).chat(ChatRequest.builder().user("hi").build()));
        assertEquals("model", e.param());
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void completions() throws Exception {
        server.json("POST /completions", 200, """
                {"id":"cmpl-1","object":"text_completion","created":5,"model":"gpt-3.5-turbo-instruct",
                 "choices":[{"text":" world","index":0,"finish_reason":"length","logprobs":null}],
                 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""");
        CompletionResponse response = provider(config()).complete(new CompletionRequest("gpt-3.5-turbo-instruct",
                "hello", 5, 0.0, null, null, List.of("\n"), null));
        assertEquals(" world", response.choices().get(0).text());
        assertEquals("length", response.choices().get(0).finishReason());
        assertEquals(2, response.usage().totalTokens());
        JsonNode body = server.last().json();
        assertEquals("hello", body.get("prompt").asText());
        assertEquals(5, body.get("max_tokens").asInt());
        assertEquals("\n", body.at("/stop/0").asText());
    }

    @Test
    void embeddingsAreOrderedByIndex() throws Exception {
        server.json("POST /embeddings", 200, """
                {"object":"list","model":"text-embedding-3-small","usage":{"prompt_tokens":4,"total_tokens":4},
                 "data":[{"object":"embedding","index":1,"embedding":[0.5,-1]},
                         {"object":"embedding","index":0,"embedding":[0.25,2e-3]}]}""");
        EmbeddingResponse response = provider(config()).embed(EmbeddingRequest.of("text-embedding-3-small", "a", "b"));
        assertEquals(0, response.data().get(0).index());
        assertEquals(0.002f, response.data().get(0).vector()[1]);
        assertEquals(-1f, response.data().get(1).vector()[1]);
        assertEquals(4, response.usage().promptTokens());
        assertEquals(2, server.last().json().get("input").size());
    }

    @Test
    void anEmbeddingValueAFloatCannotHoldIsMalformedButTheLimitRoundedIsKept() throws Exception {
        // Prism, from the spec's float format, answers the lowest float rounded to 16 digits: just beyond it
        server.json("POST /embeddings", 200, """
                {"object":"list","model":"e","data":[{"object":"embedding","index":0,
                 "embedding":[-3.402823669209385e+38,3.402823669209385e+38]}]}""");
        float[] limit = provider(config()).embed(EmbeddingRequest.of("e", "a")).data().get(0).vector();
        assertEquals(-Float.MAX_VALUE, limit[0]);
        assertEquals(Float.MAX_VALUE, limit[1]);
        server.json("POST /embeddings", 200, """
                {"object":"list","model":"e","data":[{"object":"embedding","index":0,"embedding":[0.5,1e300]}]}""");
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> provider(config()).embed(EmbeddingRequest.of("e", "a")));
        assertEquals("openai: POST /embeddings answer is malformed: an embedding holds 1.0E300, beyond the range "
                + "of a float", e.getMessage());
    }

    @Test
    void modelsAndModelInfo() {
        server.json("GET /models", 200, """
                {"object":"list","data":[{"id":"gpt-4o","object":"model","created":1,"owned_by":"system"},
                 {"id":"text-embedding-3-large","object":"model","created":1,"owned_by":"system"},
                 {"id":"llama3:8b","object":"model","created":1,"owned_by":"library"}]}""")
                .json("GET /models/ft:gpt-4o-mini:acme::x%2Fy", 200,
                        "{\"id\":\"ft:gpt-4o-mini:acme::x/y\",\"object\":\"model\",\"owned_by\":\"acme\"}");
        List<ModelInfo> models = provider(config()).listModels();
        assertEquals(3, models.size());
        assertEquals(ModelType.CHAT, models.get(0).type());
        assertTrue(models.get(0).supports(ModelCapability.TOOL_USE));
        assertEquals(128_000, models.get(0).maxTokens());
        assertEquals(ModelType.EMBEDDING, models.get(1).type());
        assertTrue(models.get(2).supports(ModelCapability.CHAT_COMPLETION));
        assertEquals("owned by library", models.get(2).description());
        assertTrue(provider.supportsModel("llama3:8b"));
        assertEquals(2.5e-6, models.get(0).pricing().inputPricePerToken(), 1e-15);
        assertEquals(0.13e-6, models.get(1).pricing().inputPricePerToken(), 1e-15);
        assertNull(models.get(2).pricing(), "a model the table does not know has no price, not a zero one");

        ModelInfo tuned = provider.modelInfo("ft:gpt-4o-mini:acme::x/y");
        assertTrue(tuned.supports(ModelCapability.JSON_MODE));
        assertEquals("/v1/models/ft:gpt-4o-mini:acme::x%2Fy", server.last().path());
    }

    @Test
    void modelInfoFallsBackToTheListWhereServersLackIt() {
        server.json("GET /models", 200, "{\"data\":[{\"id\":\"llama3\",\"owned_by\":\"me\"}]}")
                .json("GET /models/listed", 200, "{\"object\":\"list\",\"data\":[{\"id\":\"listed\"}]}");
        assertEquals("owned by me", provider(config()).modelInfo("llama3").description());
        assertEquals("listed", provider.modelInfo("listed").id());
        assertThrows(ModelNotFoundException.class, () -> provider.modelInfo("absent"));
    }

    @Test
    void legacyFunctionCallIsReadWhenThereAreNoToolCalls() {
        server.json("POST /chat/completions", 200, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"function_call\":{\"name\":\"f\",\"arguments\":\"{}\"}},\"finish_reason\":\"function_call\"}]}");
        ChatResponse response = provider(config()).chat(ChatRequest.builder().model("m").user("u").build());
        assertEquals(List.of(new ToolCall(null, "function", "f", "{}")), response.choices().get(0).message().toolCalls());
        server.json("POST /chat/completions", 200, CHAT_ANSWER.replace("\"tool_calls\":[", "\"function_call\":"
                + "{\"name\":\"old\",\"arguments\":\"{}\"},\"tool_calls\":["));
        assertEquals(1, provider.chat(ChatRequest.builder().model("m").user("u").build()).choices().get(0).message()
                .toolCalls().size());
    }

    @Test
    void capabilitiesAndTokensNeedNoServer() {
        provider(config());
        assertTrue(provider.supportsCapability("gpt-4o-2024-08-06", ModelCapability.IMAGE_ANALYSIS));
        assertFalse(provider.supportsCapability("text-embedding-3-small", ModelCapability.CHAT_COMPLETION));
        assertTrue(provider.supportsCapability("mistral-7b", ModelCapability.STREAMING));
        assertEquals(2, provider.countTokens("hello world", "gpt-4o"));
        assertEquals(0, provider.countTokens("", null));
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void oneClientReusesItsConnection() {
        server.json("GET /models", 200, "{\"data\":[]}");
        provider(config()).listModels();
        provider.listModels();
        assertEquals(server.requests.get(0).remotePort(), server.requests.get(1).remotePort());
    }

    @Test
    void oneProviderServesConcurrentCalls() throws Exception {
        server.json("POST /chat/completions", 200, CHAT_ANSWER);
        provider(config());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ChatResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ChatRequest request = ChatRequest.builder().model("m").user("call " + i).build();
                answers.add(pool.submit(() -> provider.chat(request)));
            }
            for (Future<ChatResponse> answer : answers) {
                assertEquals(17, answer.get(20, TimeUnit.SECONDS).usage().totalTokens());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, server.requests.size());
    }

    @Test
    void loopbackServerWithoutKeyGetsNoAuthorization() {
        server.json("GET /models", 200, "{\"data\":[]}");
        provider(ProviderConfig.builder("openai").baseUrl(server.baseUrl())).listModels();
        assertNull(server.last().headers().getFirst("Authorization"));
    }

    @Test
    void baseUrlQueryIsKept() {
        server.json("GET /models", 200, "{\"data\":[]}");
        provider(config().baseUrl(server.baseUrl() + "/?api-version=1")).listModels();
        assertEquals("/v1/models?api-version=1", server.last().path());
    }

    @Test
    void closedProviderRefusesCalls() {
        provider(config()).close();
        provider.close();
        assertThrows(ProviderUnavailableException.class, () -> provider.listModels());
        assertFalse(provider.toString().contains(KEY));
    }
}
