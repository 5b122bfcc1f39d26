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
}
