package org.llmrecon.provider.mock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ModelType;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.Usage;

class MockProviderTest {

    private final Provider provider = Mocks.provider();

    @Test
    void listsItsModelsWithCapabilities() {
        assertEquals(List.of("mock-chat", "mock-completion", "mock-embedding"),
                provider.listModels().stream().map(ModelInfo::id).toList());
        ModelInfo chat = provider.modelInfo("mock-chat");
        assertEquals(ModelType.CHAT, chat.type());
        assertEquals("mock", chat.provider());
        assertEquals(Set.of(ModelCapability.CHAT_COMPLETION, ModelCapability.STREAMING, ModelCapability.IMAGE_ANALYSIS),
                chat.capabilities());
        assertFalse(provider.supportsCapability("mock-completion", ModelCapability.IMAGE_ANALYSIS));
        assertTrue(provider.supportsModel("mock-embedding"));
        assertFalse(provider.supportsModel("gpt-4o"));
        assertTrue(provider.supportsCapability("mock-embedding", ModelCapability.EMBEDDING));
        assertFalse(provider.supportsCapability("mock-completion", ModelCapability.STREAMING));
        assertEquals("mock", provider.type());
    }

    @Test
    void unknownModelIsNotFound() {
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> provider.modelInfo("gpt-4o"));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("'gpt-4o'"), e.getMessage());
        assertThrows(ModelNotFoundException.class,
                () -> provider.chat(ChatRequest.builder().model("gpt-4o").user("hi").build()));
    }

    @Test
    void chatEchoesTheLastUserMessageWithUsageThatAddsUp() {
        ChatRequest request = ChatRequest.builder().system("Be brief.").user("first").message(
                ChatMessage.assistant("Echo: first")).user("hello there").build();
        ChatResponse response = provider.chat(request);
        assertEquals("Echo: hello there", response.text());
        assertEquals("mock-chat", response.model());
        assertEquals("chat.completion", response.object());
        assertEquals("stop", response.choices().get(0).finishReason());
        assertEquals("assistant", response.choices().get(0).message().role());
        // prompt: "Be"," brief","." + "first" + "Echo",":"," first" + "hello"," there"; answer: "Echo",":"," hello"," there"
        assertEquals(new Usage(9, 4, 13), response.usage());
    }

    @Test
    void answersAreDeterministic() {
        Provider other = Mocks.provider();
        ChatResponse a = provider.chat(Mocks.hello());
        ChatResponse b = other.chat(Mocks.hello());
        assertEquals(a.choices(), b.choices());
        assertEquals(a.usage(), b.usage());
        assertEquals(a.id(), b.id());
    }

    @Test
    void replyTemplateIsConfigurable() {
        Provider refusing = Mocks.provider("reply", "I cannot help with '{prompt}'.");
        assertEquals("I cannot help with 'hello there'.", refusing.chat(Mocks.hello()).text());
    }

    @Test
    void maxTokensStopAndNShapeTheAnswer() {
        ChatResponse cut = provider.chat(ChatRequest.builder().user("one two three").maxTokens(2).build());
        assertEquals("Echo:", cut.text());
        assertEquals("length", cut.choices().get(0).finishReason());
        assertEquals(2, cut.usage().completionTokens());

        ChatResponse stopped = provider.chat(ChatRequest.builder().user("one two three").stop(" two").build());
        assertEquals("Echo: one", stopped.text());
        assertEquals("stop", stopped.choices().get(0).finishReason());

        ChatResponse three = provider.chat(ChatRequest.builder().user("hi").n(3).build());
        assertEquals(3, three.choices().size());
        assertEquals(List.of(0, 1, 2), three.choices().stream().map(c -> c.index()).toList());
        assertEquals(Usage.of(1, 9), three.usage());
    }

    @Test
    void badRequestsAreRejectedNamingTheParameter() {
        assertEquals("messages", assertThrows(InvalidRequestException.class,
                () -> provider.chat(ChatRequest.builder().system("only a system prompt").build())).param());
        assertEquals("max_tokens", assertThrows(InvalidRequestException.class,
                () -> provider.chat(ChatRequest.builder().user("x").maxTokens(0).build())).param());
        assertEquals("n", assertThrows(InvalidRequestException.class,
                () -> provider.chat(ChatRequest.builder().user("x").n(9).build())).param());
        assertEquals("model", assertThrows(InvalidRequestException.class,
                () -> provider.chat(ChatRequest.builder().model("mock-embedding").user("x").build())).param());
        InvalidRequestException tooLong = assertThrows(InvalidRequestException.class,
                () -> provider.chat(ChatRequest.builder().user("word ".repeat(8193)).build()));
        assertEquals("context_length_exceeded", tooLong.code());
        assertEquals(400, tooLong.status());
    }

    @Test
    void completesAPrompt() {
        CompletionResponse response = provider.complete(CompletionRequest.of(null, "Once upon a time"));
        assertEquals("mock-completion", response.model());
        assertEquals("Echo: Once upon a time", response.choices().get(0).text());
        assertEquals("stop", response.choices().get(0).finishReason());
        assertEquals(new Usage(4, 6, 10), response.usage());
        assertThrows(InvalidRequestException.class, () -> provider.complete(CompletionRequest.of("mock-chat", "x")));
    }

    @Test
    void embeddingsAreDeterministicUnitVectors() {
        EmbeddingResponse response = provider.embed(EmbeddingRequest.of(null, "alpha", "beta", "alpha"));
        assertEquals("mock-embedding", response.model());
        assertEquals(3, response.data().size());
        float[] alpha = response.data().get(0).vector();
        assertEquals(MockModels.EMBEDDING_DIMENSIONS, alpha.length);
        double norm = 0;
        for (float x : alpha) {
            norm += x * x;
        }
        assertEquals(1.0, norm, 1e-4);
        assertArrayEquals(alpha, response.data().get(2).vector());
        assertFalse(java.util.Arrays.equals(alpha, response.data().get(1).vector()));
        assertArrayEquals(alpha, Mocks.provider().embed(EmbeddingRequest.of("mock-embedding", "alpha")).data().get(0)
                .vector());
        assertEquals(List.of(0, 1, 2), response.data().stream().map(e -> e.index()).toList());
        assertEquals(Usage.of(3, 0), response.usage());
        assertEquals("input", assertThrows(InvalidRequestException.class,
                () -> provider.embed(new EmbeddingRequest(null, List.of(), null))).param());
    }

    @Test
    void countsTokensDeterministically() {
        assertEquals(0, provider.countTokens("", null));
        assertEquals(0, provider.countTokens(null, null));
        assertEquals(4, provider.countTokens("Hello, world!", "mock-chat"));
        assertEquals(2, provider.countTokens("  über 42", null));
        assertEquals(List.of("Hello", ",", " world", "!", " "), MockTokenizer.tokens("Hello, world! "));
        assertThrows(ModelNotFoundException.class, () -> provider.countTokens("x", "nope"));
    }

    @Test
    void defaultModelIsUsedWhenItCanDoTheJob() {
        Provider withDefault = Mocks.provider(ProviderConfig.builder("mock").defaultModel("mock-completion").build());
        assertEquals("mock-completion", withDefault.complete(CompletionRequest.of(null, "x")).model());
        assertEquals("mock-chat", withDefault.chat(Mocks.hello()).model());
    }

    @Test
    void idsNumberTheCallsOfOneProvider() {
        assertEquals("chatcmpl-mock-1", provider.chat(Mocks.hello()).id());
        assertEquals("cmpl-mock-2", provider.complete(CompletionRequest.of(null, "x")).id());
        assertNotEquals(provider.chat(Mocks.hello()).id(), provider.chat(Mocks.hello()).id());
    }
}
