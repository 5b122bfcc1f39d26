package org.llmrecon.provider.anthropic;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ModelType;
import org.llmrecon.api.provider.PriceTable;

/** The models the anthropic serves: one per kind of operation. */
final class AnthropicModels {

    static final String CHAT = "anthropic-chat";
    static final String COMPLETION = "anthropic-completion";
    static final String EMBEDDING = "anthropic-embedding";
    static final int EMBEDDING_DIMENSIONS = 64;

    /** The prices the bundle ships (all zero: the anthropic costs nothing), before a target's overrides. */
    static final PriceTable PRICES = PriceTable.resource(AnthropicModels.class, "/META-INF/llmrecon/prices.json");

    static final List<ModelInfo> ALL = List.of(
            new ModelInfo(CHAT, AnthropicPlugin.TYPE, ModelType.CHAT,
                    Set.of(ModelCapability.CHAT_COMPLETION, ModelCapability.STREAMING), 8192, null, "1",
                    "Answers with the configured reply, streamed token by token", null),
            new ModelInfo(COMPLETION, AnthropicPlugin.TYPE, ModelType.TEXT_COMPLETION,
                    Set.of(ModelCapability.TEXT_COMPLETION), 4096, null, "1",
                    "Completes a prompt with the configured reply", null),
            new ModelInfo(EMBEDDING, AnthropicPlugin.TYPE, ModelType.EMBEDDING,
                    Set.of(ModelCapability.EMBEDDING), 2048, null, "1",
                    "Hash-based unit vectors of " + EMBEDDING_DIMENSIONS + " dimensions", null));

    private AnthropicModels() {
    }

    /** @return the models with their prices from {@code prices} */
    static List<ModelInfo> priced(PriceTable prices) {
        Function<ModelInfo, ModelInfo> priced = m -> new ModelInfo(m.id(), m.provider(), m.type(), m.capabilities(),
                m.maxTokens(), m.trainingCutoff(), m.version(), m.description(), prices.price(m.id()).orElse(null));
        return ALL.stream().map(priced).toList();
    }

    static List<String> ids() {
        return ALL.stream().map(ModelInfo::id).toList();
    }

    /** @throws ModelNotFoundException when there is no such model */
    static ModelInfo find(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new ModelNotFoundException("anthropic: no model '" + id + "' (known: "
                        + String.join(", ", ids()) + ")", "model_not_found"));
    }

    /**
     * Picks the model of a request: the one it names, else the configured
     * default when it can do the job, else the first model that can.
     *
     * @throws ModelNotFoundException when the named model does not exist
     * @throws InvalidRequestException when it lacks the capability
     */
    static ModelInfo forRequest(String requested, String configuredDefault, ModelCapability needed) {
        if (requested == null) {
            if (configuredDefault != null && find(configuredDefault).supports(needed)) {
                return find(configuredDefault);
            }
            return ALL.stream().filter(m -> m.supports(needed)).findFirst().orElseThrow();
        }
        ModelInfo model = find(requested);
        if (!model.supports(needed)) {
            throw new InvalidRequestException("anthropic: model '" + requested + "' does not support " + needed.id(), 400,
                    "model", "unsupported_model");
        }
        return model;
    }
}
