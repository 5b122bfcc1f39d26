package org.llmrecon.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.ContentPart;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.Tool;
import org.llmrecon.api.provider.ToolCall;

import com.fasterxml.jackson.databind.JsonNode;

class AnthropicProviderTest extends AgainstFakeServer {

    @Test
    void chatSpeaksTheMessagesApiWithItsHeaders() throws IOException {
        ChatResponse response = provider.chat(Anthropics.hello());
        assertEquals("Echo: hello there", response.choices().get(0).message().content());
        assertEquals("stop", response.choices().get(0).finishReason());
        assertEquals("claude-sonnet-4-5", response.model());
        assertEquals(4, response.usage().promptTokens());
        assertEquals(3, response.usage().completionTokens());
        FakeAnthropic.Received sent = server.last();
        assertEquals("/v1/messages", sent.path());
        assertEquals(Anthropics.KEY, sent.headers().getFirst("x-api-key"));
        assertEquals("2023-06-01", sent.headers().getFirst("anthropic-version"));
        assertNull(sent.headers().getFirst("authorization"));
        JsonNode body = sent.json();
        assertEquals("Be brief.", body.get("system").asText());
        assertEquals(4096, body.get("max_tokens").asInt(), "the target's default when the request sets none");
        assertEquals("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hello there\"}]}]",
                body.get("messages").toString());
        assertFalse(body.has("stream"));
    }

    @Test
    void multiTurnWithTheRequestsSettings() throws IOException {
        ChatRequest request = ChatRequest.builder().model("claude-haiku-4-5").system("One.").system("Two.")
                .user("first").message(ChatMessage.assistant("answer")).user("second").maxTokens(2)
                .temperature(0.5).topP(0.9).stop("END").endUser("u-1").build();
        ChatResponse response = provider.chat(request);
        assertEquals("Echo: second", response.choices().get(0).message().content());
        assertEquals("stop", response.choices().get(0).finishReason());
        JsonNode body = server.last().json();
        assertEquals("One.\n\nTwo.", body.get("system").asText());
        assertEquals(List.of("user", "assistant", "user"), body.get("messages").findValuesAsText("role"));
        assertEquals(2, body.get("max_tokens").asInt());
        assertEquals(0.5, body.get("temperature").asDouble());
        assertEquals(0.9, body.get("top_p").asDouble());
        assertEquals("[\"END\"]", body.get("stop_sequences").toString());
        assertEquals("u-1", body.at("/metadata/user_id").asText());
    }

    @Test
    void maxTokensCutsTheAnswer() {
        ChatResponse response = provider.chat(ChatRequest.builder().user("one two three four").maxTokens(2).build());
        assertEquals("Echo: one ", response.choices().get(0).message().content());
        assertEquals("length", response.choices().get(0).finishReason());
    }

    @Test
    void toolsAndToolCallsMapToToolUseAndToolResult() throws IOException {
        Tool search = Tool.function("search", "Searches the web",
                "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}}}");
        ChatResponse first = provider.chat(ChatRequest.builder().user("please use a tool").tool(search)
                .toolChoice("required").build());
        assertEquals("tool_calls", first.choices().get(0).finishReason());
        ToolCall call = first.choices().get(0).message().toolCalls().get(0);
        assertEquals(new ToolCall("toolu_fake1", "function", "search", "{\"query\":\"please use a tool\"}"), call);
        JsonNode body = server.last().json();
        assertEquals("search", body.at("/tools/0/name").asText());
        assertEquals("object", body.at("/tools/0/input_schema/type").asText());
        assertEquals("any", body.at("/tool_choice/type").asText());

        ChatRequest followUp = ChatRequest.builder().user("please use a tool").tool(search)
                .message(ChatMessage.builder("assistant").content("Let me look.").toolCalls(List.of(call)).build())
                .message(ChatMessage.builder("tool").content("result one").toolCallId("toolu_fake1").build())
                .message(ChatMessage.builder("tool").content("result two").toolCallId("toolu_fake2").build())
                .toolChoice("search").build();
        provider.chat(followUp);
        JsonNode messages = server.last().json().get("messages");
        assertEquals(3, messages.size(), messages.toString());
        assertEquals("tool_use", messages.at("/1/content/1/type").asText());
        assertEquals("please use a tool", messages.at("/1/content/1/input/query").asText());
        assertEquals("user", messages.at("/2/role").asText());
        assertEquals("tool_result", messages.at("/2/content/0/type").asText());
        assertEquals("toolu_fake2", messages.at("/2/content/1/tool_use_id").asText());
        assertEquals("result two", messages.at("/2/content/1/content").asText());
        assertEquals("search", server.last().json().at("/tool_choice/name").asText());
    }

    @Test
    void imagesBecomeImageBlocksWithABase64OrAUrlSource() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        ChatResponse response = provider.chat(ChatRequest.builder().user("What is this?",
                ContentPart.image("image/png", png), ContentPart.imageUrl("https://example.org/cat.jpg")).build());
        assertEquals("Echo: What is this?", response.text());
        JsonNode content = server.last().json().at("/messages/0/content");
        assertEquals("{\"type\":\"text\",\"text\":\"What is this?\"}", content.get(0).toString());
        assertEquals("{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\","
                + "\"data\":\"iVBORw==\"}}", content.get(1).toString());
        assertEquals("{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.org/cat.jpg\"}}",
                content.get(2).toString());
        assertEquals("anthropic: messages: image type 'image/tiff' is not one the API reads (image/jpeg, image/png,"
                + " image/gif, image/webp)", assertThrows(InvalidRequestException.class, () -> provider.chat(
                        ChatRequest.builder().user("x", ContentPart.image("image/tiff", png)).build())).getMessage());
    }

    @Test
    void whatTheApiCannotExpressIsRefusedBeforeSending() {
        assertEquals("anthropic: n: the Messages API gives one answer per request, not 2", assertThrows(
                InvalidRequestException.class, () -> provider.chat(ChatRequest.builder().user("x").n(2).build()))
                .getMessage());
        assertThrows(InvalidRequestException.class,
                () -> provider.chat(ChatRequest.builder().user("x").frequencyPenalty(1.0).build()));
        assertThrows(InvalidRequestException.class,
                () -> provider.chat(ChatRequest.builder().user("x").responseFormat("json_object").build()));
        assertThrows(InvalidRequestException.class, () -> provider.chat(ChatRequest.builder().system("x").build()));
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void noEmbeddingsNoTextCompletionAndCapabilitiesSaySo() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.embed(new EmbeddingRequest("x", List.of("a"), null)));
        assertEquals("embeddings is not supported by anthropic: the Messages API has no such operation", e.getMessage());
        assertFalse(e.retryable());
        assertTrue(assertThrows(ProviderException.class, () -> provider.complete(CompletionRequest.of(null, "x"))).getMessage().contains("not supported by anthropic"));
        assertFalse(provider.supportsCapability("claude-sonnet-4-5", ModelCapability.EMBEDDING));
        assertFalse(provider.capabilities("claude-haiku-4-5").contains(ModelCapability.TEXT_COMPLETION));
        assertTrue(provider.capabilities("claude-haiku-4-5").containsAll(List.of(ModelCapability.CHAT_COMPLETION,
                ModelCapability.STREAMING, ModelCapability.TOOL_USE, ModelCapability.IMAGE_ANALYSIS)));
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void modelsArePagedAndPriced() {
        List<ModelInfo> models = provider.listModels();
        assertEquals(FakeAnthropic.MODELS, models.stream().map(ModelInfo::id).toList());
        assertEquals(2, server.requests.size(), "two pages of two");
        assertEquals("/v1/models?limit=1000&after_id=claude-haiku-4-5-20251001", server.last().path());
        assertEquals("Fake claude-sonnet-4-5-20250929", models.get(0).description());
        assertEquals(3e-6, models.get(0).pricing().inputPricePerToken(), 1e-15);
        assertEquals(5e-6, models.get(1).pricing().outputPricePerToken(), 1e-15);
        assertNull(models.get(3).pricing(), "an unknown model has no price, not a zero one");
        assertEquals(200_000, models.get(0).maxTokens());

        assertEquals("claude-opus-4-1-20250805", provider.modelInfo("claude-opus-4-1-20250805").id());
        assertThrows(ModelNotFoundException.class, () -> provider.modelInfo("claude-nope"));
    }

    @Test
    void pricesComeFromTheTableAndTheTargetsOverrides() {
        assertEquals(15e-6, provider.pricing("claude-sonnet-4-5-20250929").orElseThrow().outputPricePerToken(), 1e-15);
        assertTrue(provider.pricing("claude-test-unpriced").isEmpty());
        AnthropicProvider priced = Anthropics.provider(Anthropics.config(server)
                .param("pricing.claude-test-unpriced.input", "1").param("pricing.claude-test-unpriced.output", "2"));
        assertEquals(2e-6, priced.pricing("claude-test-unpriced").orElseThrow().outputPricePerToken(), 1e-15);
        priced.close();
    }

    @Test
    void tokensAreCountedByTheServer() throws IOException {
        assertEquals(3, provider.countTokens("one two three", null));
        assertEquals("/v1/messages/count_tokens", server.last().path());
        assertEquals("claude-sonnet-4-5", server.last().json().get("model").asText());
        assertEquals(1, provider.countTokens("one", "claude-haiku-4-5"));
        assertEquals("claude-haiku-4-5", server.last().json().get("model").asText());
    }

    @Test
    void aClosedProviderRefusesCalls() {
        provider.close();
        assertThrows(ProviderUnavailableException.class, () -> provider.chat(Anthropics.hello()));
        assertThrows(ProviderUnavailableException.class, provider::listModels);
    }
}
