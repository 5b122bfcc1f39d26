package org.llmrecon.api.provider;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A client of one LLM provider, created by a plugin from a
 * {@link ProviderConfig}. Implementations are thread-safe. Every operation
 * reports failure with a {@link ProviderException} subclass; messages never
 * contain the API key.
 *
 * @since 1.0.0
 */
@ConsumerType
public interface Provider extends AutoCloseable {

    /** @return the provider type, e.g. {@code openai} */
    String type();

    /** @return the configuration this instance was created with */
    ProviderConfig config();

    /** @return the models this provider offers */
    List<ModelInfo> listModels();

    /**
     * @param modelId a model id
     * @return what is known about it
     * @throws ModelNotFoundException when there is no such model
     */
    ModelInfo modelInfo(String modelId);

    /**
     * @param modelId a model id
     * @return whether this provider serves it
     */
    default boolean supportsModel(String modelId) {
        return listModels().stream().anyMatch(m -> m.id().equals(modelId));
    }

    /**
     * @param modelId a model id
     * @return the capabilities of that model, empty when it is unknown
     */
    default Set<ModelCapability> capabilities(String modelId) {
        return listModels().stream().filter(m -> m.id().equals(modelId)).findFirst()
                .map(ModelInfo::capabilities).orElse(Set.of());
    }

    /**
     * @param modelId a model id
     * @param capability a capability
     * @return whether that model has the capability
     */
    default boolean supportsCapability(String modelId, ModelCapability capability) {
        return capabilities(modelId).contains(capability);
    }

    /**
     * The price of a model, known without a request (from the table the provider ships and the target's
     * {@code pricing.<model>.input} / {@code .output} keys, see {@link PriceTable}). The runtime asks it after
     * every successful call to count cost; the default knows no price, so the cost of such calls is unknown.
     *
     * @param modelId a model id
     * @return its price, empty when unknown
     */
    default Optional<Pricing> pricing(String modelId) {
        return Optional.empty();
    }

    /**
     * @param request a text completion request
     * @return the completion
     */
    CompletionResponse complete(CompletionRequest request);

    /**
     * @param request a chat request
     * @return the chat completion
     */
    ChatResponse chat(ChatRequest request);

    /**
     * Streams a chat completion: {@code listener} receives each chunk as the
     * server sends it. Blocks until the stream ends, fails, or the listener
     * returns {@code false}; the connection is released in every case.
     *
     * @param request a chat request
     * @param listener receives the chunks
     * @return the whole response assembled from the chunks received
     */
    ChatResponse chatStream(ChatRequest request, ChatStreamListener listener);

    /**
     * @param request an embeddings request
     * @return one embedding per input
     */
    EmbeddingResponse embed(EmbeddingRequest request);

    /**
     * @param text a text
     * @param modelId the model whose tokenizer counts, or {@code null} for the default
     * @return the number of tokens
     */
    int countTokens(String text, String modelId);

    /** Releases connections and threads. Called exactly once by the runtime. */
    @Override
    void close();
}
