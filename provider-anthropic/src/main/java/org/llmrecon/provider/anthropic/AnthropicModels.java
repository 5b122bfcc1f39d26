package org.llmrecon.provider.anthropic;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelType;
import org.llmrecon.api.provider.PriceTable;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What is known about Claude models without asking the server: every current model chats, streams, calls tools
 * and reads images, in a context of 200,000 tokens; none completes plain text or embeds.
 */
final class AnthropicModels {

    /** The models the plugin's metadata names (aliases that the API resolves to the newest snapshot). */
    static final List<String> KNOWN = List.of("claude-opus-4-5", "claude-sonnet-4-5", "claude-haiku-4-5",
            "claude-opus-4-1", "claude-opus-4-0", "claude-sonnet-4-0", "claude-3-7-sonnet-latest",
            "claude-3-5-haiku-latest", "claude-3-haiku-20240307");

    /** The prices the bundle ships, before a target's overrides. */
    static final PriceTable PRICES = PriceTable.resource(AnthropicModels.class, "/META-INF/llmrecon/prices.json");

    static final Set<ModelCapability> CAPABILITIES = Set.copyOf(EnumSet.of(ModelCapability.CHAT_COMPLETION,
            ModelCapability.STREAMING, ModelCapability.TOOL_USE, ModelCapability.IMAGE_ANALYSIS));
    static final int CONTEXT_TOKENS = 200_000;

    private AnthropicModels() {
    }

    /** @return a model object of {@code GET /v1/models} as a {@link ModelInfo} with its price */
    static ModelInfo info(JsonNode model, PriceTable prices) {
        String id = model.path("id").asText();
        String name = model.path("display_name").asText(null);
        String created = model.path("created_at").asText(null);
        return ModelInfo.builder().id(id).provider(AnthropicSettings.TYPE).type(ModelType.CHAT)
                .capabilities(CAPABILITIES).maxTokens(CONTEXT_TOKENS).version(created).description(name)
                .pricing(prices.price(id).orElse(null)).build();
    }
}
