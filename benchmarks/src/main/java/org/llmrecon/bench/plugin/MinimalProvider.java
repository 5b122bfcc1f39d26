package org.llmrecon.bench.plugin;

import java.util.List;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ChatStreamListener;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;

/**
 * The provider of a generated scale bundle. The scale run measures start-up,
 * lookup, one call and the heap of idle plugins, so it holds only its
 * configuration, answers a chat with its type and refuses everything else.
 */
final class MinimalProvider implements Provider {
    private final ProviderConfig config;

    MinimalProvider(ProviderConfig config) {
        this.config = config;
    }

    @Override
    public String type() {
        return config.type();
    }

    @Override
    public ProviderConfig config() {
        return config;
    }

    @Override
    public List<ModelInfo> listModels() {
        return List.of();
    }

    @Override
    public ModelInfo modelInfo(String modelId) {
        throw new ModelNotFoundException("benchmark provider '" + type() + "' has no model '" + modelId + "'", null);
    }

    @Override
    public CompletionResponse complete(CompletionRequest request) {
        throw refusal();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return ChatResponse.builder().id("bench").object("chat.completion").model(request.model())
                .choices(java.util.List.of(new org.llmrecon.api.provider.ChatChoice(0,
                        org.llmrecon.api.provider.ChatMessage.assistant(type()), "stop")))
                .usage(org.llmrecon.api.provider.Usage.of(1, 1)).build();
    }

    @Override
    public ChatResponse chatStream(ChatRequest request, ChatStreamListener listener) {
        throw refusal();
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        throw refusal();
    }

    @Override
    public int countTokens(String text, String modelId) {
        return text.length() / 4;
    }

    @Override
    public void close() {
        // holds nothing to release
    }

    private UnsupportedOperationException refusal() {
        return new UnsupportedOperationException("benchmark provider '" + type() + "' only measures lookup and idle cost");
    }
}
