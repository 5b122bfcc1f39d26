package org.llmrecon.api.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void chatRequestRoundTripsThroughItsBuilder() {
        ChatRequest r = ChatRequest.builder().model("m").system("s").user("u").maxTokens(5).temperature(0.5)
                .topP(0.9).n(2).stop("END").presencePenalty(0.1).frequencyPenalty(0.2).logitBias("1", -5)
                .endUser("me").tool(Tool.function("f", "d", "{}")).toolChoice("auto").responseFormat("text")
                .metadata("k", "v").build();
        assertEquals(r, r.toBuilder().build());
        assertEquals(r.hashCode(), r.toBuilder().build().hashCode());
        assertEquals("other", r.withModel("other").model());
        assertEquals(r.messages(), r.withModel("other").messages());
        assertNotEquals(r, r.withModel("other"));
        assertNotEquals(r, r.toBuilder().temperature(0.6).build());
        assertEquals(List.of("END"), r.stop());
    }

    @Test
    void chatRequestDefaultsAreEmptyAndNull() {
        ChatRequest r = ChatRequest.builder().build();
        assertEquals(List.of(), r.messages());
        assertEquals(null, r.temperature());
        assertTrue(r.metadata().isEmpty());
    }

    @Test
    void modelInfoBuilderAndFactoryAgree() {
        ModelInfo of = ModelInfo.of("m", "p", ModelType.CHAT, Set.of(ModelCapability.CHAT_COMPLETION));
        assertEquals(of, ModelInfo.builder().id("m").provider("p").type(ModelType.CHAT)
                .capabilities(Set.of(ModelCapability.CHAT_COMPLETION)).build());
        assertTrue(of.supports(ModelCapability.CHAT_COMPLETION));
        assertFalse(of.supports(ModelCapability.IMAGE_ANALYSIS));
        assertNotEquals(of, of.toBuilder().maxTokens(10).build());
        assertEquals(Set.of(), ModelInfo.builder().id("x").build().capabilities());
    }

    @Test
    void chatResponseDefaultsUsageAndGivesTheFirstText() {
        ChatResponse r = ChatResponse.builder().id("i").model("m")
                .choices(List.of(new ChatChoice(0, ChatMessage.assistant("hi"), "stop"))).build();
        assertEquals(Usage.NONE, r.usage());
        assertEquals("hi", r.text());
        assertEquals("", ChatResponse.builder().build().text());
        assertEquals(r, r.toBuilder().build());
        assertNotEquals(r, r.toBuilder().created(1).build());
    }

    @Test
    void chatChunkDefaultsContentAndToolCalls() {
        ChatChunk c = ChatChunk.builder().id("i").index(1).build();
        assertEquals("", c.content());
        assertEquals(List.of(), c.toolCalls());
        assertEquals(c, c.toBuilder().build());
        assertNotEquals(c, c.toBuilder().finishReason("stop").build());
    }

    @Test
    void providerConfigFillsDefaultsAndHidesHeaderValues() {
        ProviderConfig c = ProviderConfig.builder("t").apiKey("sk-secret").header("X-Key", "hidden-value").build();
        assertEquals(ProviderConfig.DEFAULT_TIMEOUT, c.timeout());
        assertEquals(RetryConfig.DEFAULT, c.retry());
        assertEquals(c, c.toBuilder().build());
        assertNotEquals(c, c.toBuilder().timeout(Duration.ofSeconds(1)).build());
        assertFalse(c.toString().contains("sk-secret"), c.toString());
        assertFalse(c.toString().contains("hidden-value"), c.toString());
    }
}
