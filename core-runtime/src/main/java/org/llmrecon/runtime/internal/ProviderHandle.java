package org.llmrecon.runtime.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ChatStreamListener;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.Pricing;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.runtime.ProviderInstances;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.RateLimitConfig;
import org.llmrecon.api.provider.RetryConfig;
import org.llmrecon.api.runtime.UsageMetrics;
import org.llmrecon.runtime.internal.resilience.CallGuard;

/**
 * The stable handle of one provider type. Every call goes through the
 * runtime's {@link CallGuard} to the current {@link ProviderInstance}; when
 * the plugin is replaced, new calls reach the new instance and calls in
 * flight finish on the old one.
 */
final class ProviderHandle implements ManagedProvider {
    private final String type;
    private final ProviderSlot slot;
    private final CallGuard guard;

    ProviderHandle(String type, ProviderSlot slot, CallGuard guard) {
        this.type = type;
        this.slot = slot;
        this.guard = guard;
    }

    ProviderSlot slot() {
        return slot;
    }

    CallGuard guard() {
        return guard;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public ProviderConfig config() {
        return invoke(Provider::config);
    }

    @Override
    public List<ModelInfo> listModels() {
        return invoke(Provider::listModels);
    }

    @Override
    public ModelInfo modelInfo(String modelId) {
        return invoke(p -> p.modelInfo(modelId));
    }

    @Override
    public boolean supportsModel(String modelId) {
        return invoke(p -> p.supportsModel(modelId));
    }

    @Override
    public Set<ModelCapability> capabilities(String modelId) {
        return invoke(p -> p.capabilities(modelId));
    }

    @Override
    public boolean supportsCapability(String modelId, ModelCapability capability) {
        return invoke(p -> p.supportsCapability(modelId, capability));
    }

    @Override
    public CompletionResponse complete(CompletionRequest request) {
        String model = model(request.model());
        return guard.call(model, () -> invoke(p -> p.complete(request)), CompletionResponse::usage,
                r -> price(r.model(), model));
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = model(request.model());
        return guard.call(model, () -> invoke(p -> p.chat(request)), ChatResponse::usage, r -> price(r.model(), model));
    }

    @Override
    public ChatResponse chatStream(ChatRequest request, ChatStreamListener listener) {
        AtomicBoolean started = new AtomicBoolean();
        ChatStreamListener marking = chunk -> {
            started.set(true);
            return listener.onChunk(chunk);
        };
        String model = model(request.model());
        return guard.callStream(model, () -> invoke(p -> p.chatStream(request, marking)), started::get,
                ChatResponse::usage, r -> price(r.model(), model));
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        String model = model(request.model());
        return guard.call(model, () -> invoke(p -> p.embed(request)), EmbeddingResponse::usage,
                r -> price(r.model(), model));
    }

    @Override
    public int countTokens(String text, String modelId) {
        return invoke(p -> p.countTokens(text, modelId));
    }

    @Override
    public RetryConfig retryConfig() {
        return guard.settings().retry();
    }

    @Override
    public void updateRetryConfig(RetryConfig config) {
        guard.update(s -> s.withRetry(config));
    }

    @Override
    public RateLimitConfig rateLimitConfig() {
        return guard.settings().rateLimit();
    }

    @Override
    public void updateRateLimitConfig(RateLimitConfig config) {
        guard.update(s -> s.withRateLimit(config));
    }

    @Override
    public UsageMetrics usageMetrics() {
        return guard.metrics();
    }

    @Override
    public Map<String, UsageMetrics> usageMetricsByModel() {
        return guard.metricsByModel();
    }

    @Override
    public ProviderInstances instances() {
        return slot.instances();
    }

    @Override
    public void resetMetrics() {
        guard.resetMetrics();
    }

    @Override
    public void close() {
        // the runtime owns the instance behind this handle
    }

    @Override
    public String toString() {
        return "ManagedProvider[" + type + "]";
    }

    private String model(String requested) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        String def = slot.defaultModel();
        return def == null ? "default" : def;
    }

    /**
     * The price of the model that answered (the response names it, say a dated snapshot of the alias asked
     * for), else of the model asked for. A provider that fails to say leaves the cost unknown, not the call
     * failed: the answer is already there.
     */
    private Optional<Pricing> price(String answered, String asked) {
        String model = answered != null && !answered.isBlank() ? answered : asked;
        try {
            return invoke(p -> p.pricing(model));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private <T> T invoke(Function<Provider, T> call) {
        ProviderInstance instance = slot.acquire();
        try {
            return call.apply(instance.provider());
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            if (instance.retired()) {
                throw new ProviderUnavailableException("provider '" + type + "' was unloaded during the call ("
                        + Callouts.oneLine(e) + ")", e);
            }
            throw e;
        } finally {
            instance.exit();
        }
    }
}
