package org.llmrecon.provider.openai;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ChatStreamListener;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.Pricing;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;

/**
 * A client of Azure OpenAI: the OpenAI wire format ({@link OpenAiProvider} does every call) sent to a
 * deployment's URL with the {@code api-key} header ({@link AzureRoute}). The inference API cannot list
 * deployments, so the models are those the configuration names: every {@code param.deployment.<model>} and the
 * default model; nothing is requested to list them.
 */
final class AzureOpenAiProvider implements Provider {
    private final AzureSettings azure;
    private final OpenAiProvider wire;

    AzureOpenAiProvider(ProviderConfig config, Clock clock) {
        this.azure = AzureSettings.from(config);
        this.wire = new OpenAiProvider(azure.http(), new AzureRoute(azure), clock);
    }

    @Override
    public String type() {
        return AzureSettings.TYPE;
    }

    @Override
    public ProviderConfig config() {
        return azure.http().config();
    }

    /** The configured models sorted by id, then the default model; each says its deployment. */
    @Override
    public List<ModelInfo> listModels() {
        Set<String> models = new LinkedHashSet<>(azure.deployments().keySet());
        if (azure.http().defaultModel() != null) {
            models.add(azure.http().defaultModel());
        }
        return models.stream().map(this::info).toList();
    }

    /** Known only for a configured model, without a request: the inference API has no call for it. */
    @Override
    public ModelInfo modelInfo(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        if (!azure.deployments().containsKey(modelId) && !modelId.equals(azure.http().defaultModel())) {
            throw new ModelNotFoundException(AzureSettings.TYPE + ": model '" + ProviderSettings.shown(modelId)
                    + "' is not configured; add param.deployment." + ProviderSettings.shown(modelId)
                    + "=<deployment> (a request for it still goes to the deployment of its own name)", "model_not_found");
        }
        return info(modelId);
    }

    private ModelInfo info(String model) {
        return ModelCatalog.priced(ModelCatalog.info(model, "deployment " + azure.deployment(model)), azure.http().prices())
                .toBuilder().provider(AzureSettings.TYPE).build();
    }

    @Override
    public Optional<Pricing> pricing(String modelId) {
        return wire.pricing(modelId);
    }

    @Override
    public Set<ModelCapability> capabilities(String modelId) {
        return wire.capabilities(modelId);
    }

    @Override
    public CompletionResponse complete(CompletionRequest request) {
        return wire.complete(request);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return wire.chat(request);
    }

    @Override
    public ChatResponse chatStream(ChatRequest request, ChatStreamListener listener) {
        return wire.chatStream(request, listener);
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        return wire.embed(request);
    }

    @Override
    public int countTokens(String text, String modelId) {
        return wire.countTokens(text, modelId);
    }

    @Override
    public void close() {
        wire.close();
    }

    @Override
    public String toString() {
        return "AzureOpenAiProvider[endpoint=" + azure.http().baseUri().getScheme() + "://"
                + azure.http().baseUri().getRawAuthority() + ", apiVersion=" + azure.apiVersion() + ", deployments="
                + azure.deployments() + ", defaultModel=" + azure.http().defaultModel() + "]";
    }
}
