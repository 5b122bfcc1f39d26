package org.llmrecon.provider.mock;

import java.util.List;
import java.util.Set;

import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ModelType;
import org.llmrecon.api.provider.Pricing;

/** The models the mock serves: one per kind of operation. */
final class MockModels {

    static final String CHAT = "mock-chat";
    static final String COMPLETION = "mock-completion";
    static final String EMBEDDING = "mock-embedding";
    static final int EMBEDDING_DIMENSIONS = 64;

    private static final Pricing FREE = new Pricing(0.0, 0.0, "USD");

    static final List<ModelInfo> ALL = List.of(
            model(CHAT, ModelType.CHAT, 8192, "Answers with the configured reply, streamed token by token;"
                    + " an image is answered with a description of it", ModelCapability.CHAT_COMPLETION,
                    ModelCapability.STREAMING, ModelCapability.IMAGE_ANALYSIS),
            model(COMPLETION, ModelType.TEXT_COMPLETION, 4096, "Completes a prompt with the configured reply",
                    ModelCapability.TEXT_COMPLETION),
            model(EMBEDDING, ModelType.EMBEDDING, 2048,
                    "Hash-based unit vectors of " + EMBEDDING_DIMENSIONS + " dimensions", ModelCapability.EMBEDDING));

    private MockModels() {
    }

    private static ModelInfo model(String id, ModelType type, int maxTokens, String description,
            ModelCapability... capabilities) {
        return ModelInfo.builder().id(id).provider(MockPlugin.TYPE).type(type).capabilities(Set.of(capabilities))
                .maxTokens(maxTokens).version("1").description(description).pricing(FREE).build();
    }

    static List<String> ids() {
        return ALL.stream().map(ModelInfo::id).toList();
    }

    /** @throws ModelNotFoundException when there is no such model */
    static ModelInfo find(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new ModelNotFoundException("mock: no model '" + id + "' (known: "
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
            throw new InvalidRequestException("mock: model '" + requested + "' does not support " + needed.id(), 400,
                    "model", "unsupported_model");
        }
        return model;
    }
}
