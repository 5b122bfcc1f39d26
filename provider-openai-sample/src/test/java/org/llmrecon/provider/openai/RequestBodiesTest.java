package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ProviderConfig;

import com.fasterxml.jackson.databind.JsonNode;

class RequestBodiesTest {
    private static final ChatRequest REQUEST = ChatRequest.builder().model("o3-mini").user("hi").maxTokens(9).build();

    private static RequestBodies bodies(ProviderConfig.Builder config) {
        return new RequestBodies(ProviderSettings.from(config.apiKey(OpenAiProviderTest.KEY).build()));
    }

    @Test
    void openAiStreamsAskForUsageUnlessTurnedOff() {
        JsonNode openAi = bodies(ProviderConfig.builder("openai")).chat(REQUEST, true);
        assertTrue(openAi.at("/stream_options/include_usage").asBoolean());
        assertFalse(bodies(ProviderConfig.builder("openai")).chat(REQUEST, false).has("stream_options"));
        assertFalse(bodies(ProviderConfig.builder("openai").param("stream_options", "null")).chat(REQUEST, true)
                .has("stream_options"));
        assertFalse(bodies(ProviderConfig.builder("openai").baseUrl("https://llm.example.org/v1")).chat(REQUEST, true)
                .has("stream_options"));
        assertFalse(bodies(ProviderConfig.builder("openai").param("stream_options", "{\"include_usage\":true}"))
                .chat(REQUEST, false).has("stream_options"), "never on a request that does not stream");
    }

    @Test
    void reasoningModelsGetMaxCompletionTokens() {
        JsonNode body = bodies(ProviderConfig.builder("openai")).chat(REQUEST, false);
        assertEquals(9, body.get("max_completion_tokens").asInt());
        assertFalse(body.has("max_tokens"));
        assertEquals(9, bodies(ProviderConfig.builder("openai")).chat(REQUEST.withModel("gpt-4o"), false)
                .get("max_tokens").asInt());
    }

    @Test
    void pricesAreReadFromTheTargetButNeverSent() {
        ProviderSettings settings = ProviderSettings.from(ProviderConfig.builder("openai").apiKey(OpenAiProviderTest.KEY)
                .param("pricing.gpt-4o.input", "2").param("pricing.my-model.input", "1")
                .param("pricing.my-model.output", "2").param("temperature", "0.5").build());
        JsonNode body = new RequestBodies(settings).chat(REQUEST, false);
        assertFalse(body.toString().contains("pricing"), body.toString());
        assertEquals(0.5, body.get("temperature").asDouble());
        assertEquals(2e-6, settings.prices().price("gpt-4o").orElseThrow().inputPricePerToken(), 1e-15);
        assertEquals(10e-6, settings.prices().price("gpt-4o-2024-08-06").orElseThrow().outputPricePerToken(), 1e-15);
        assertEquals(2e-6, settings.prices().price("my-model").orElseThrow().outputPricePerToken(), 1e-15);
        assertTrue(settings.prices().price("llama3").isEmpty());
    }
}
