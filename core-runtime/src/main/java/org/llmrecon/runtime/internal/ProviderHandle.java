package org.llmrecon.runtime.internal;

import org.llmrecon.runtime.internal.diagnostics.Failures;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Duration;
import java.util.function.Consumer;
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
import org.llmrecon.runtime.internal.resilience.DeadlinePassed;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;
import org.llmrecon.runtime.internal.settings.Durations;
import org.osgi.framework.Bundle;

/**
 * The stable handle of one provider type. It owns the type's
 * {@link ProviderSlot} (which plugin serves, the current instance) and its
 * {@link CallGuard} (retry, rate limits, circuit, metrics): every call goes
 * through the guard to the current {@link ProviderInstance}. When the plugin
 * is replaced, new calls reach the new instance and calls in flight finish on
 * the old one. The factory hands it values and never reaches inside.
 */
final class ProviderHandle implements ManagedProvider {
    /** Past the target's timeout, so that a plugin keeping its deadline itself reports the overrun first. */
    static final Duration DEADLINE_SLACK = Duration.ofMillis(500);
    private final String type;
    private final String providerType;
    private final ProviderSlot slot;
    private final CallGuard guard;
    private final PluginCalls calls;

    /**
     * @param calls bounds the calls into plugin code that create and close providers
     * @param grace how long calls wait for a replacement plugin
     * @param resilience the type's retry, rate limit and circuit settings
     * @param log hears one line for each failure nobody else sees
     */
    ProviderHandle(String type, PluginCalls calls, Duration grace, ResilienceSettings resilience,
            Consumer<String> log) {
        this(type, type, calls, grace, resilience, log);
    }

    /** @param target the target this handle serves @param providerType the target's provider type */
    ProviderHandle(String target, String providerType, PluginCalls calls, Duration grace,
            ResilienceSettings resilience, Consumer<String> log) {
        this(target, providerType, new ProviderSlot(target, calls, grace, log), new CallGuard(target, resilience),
                calls);
    }

    ProviderHandle(String type, ProviderSlot slot, CallGuard guard, PluginCalls calls) {
        this(type, type, slot, guard, calls);
    }

    private ProviderHandle(String target, String providerType, ProviderSlot slot, CallGuard guard,
            PluginCalls calls) {
        this.type = target;
        this.providerType = providerType;
        this.slot = slot;
        this.guard = guard;
        this.calls = calls;
    }

    /** @param winner the plugin that serves the type from now on */
    void serve(PluginCandidate winner) {
        slot.bind(winner);
        guard.resetCircuit();
    }

    /** @param reason why no plugin serves the type any more */
    void unavailable(String reason) {
        slot.unbind(reason);
    }

    /** @param config the type's configuration @param resilience its guard's settings */
    void configure(ProviderConfig config, ResilienceSettings resilience) {
        guard.update(resilience);
        slot.configure(config);
    }

    /** @param problem why the type's configuration is invalid */
    void misconfigured(String problem) {
        slot.misconfigured(problem);
    }

    /** @param grace how long calls wait for a replacement plugin from now on */
    void grace(Duration grace) {
        slot.grace(grace);
    }


    boolean bound() {
        return slot.bound();
    }

    boolean available() {
        return slot.available();
    }

    /** @see ProviderSlot#idle() */
    boolean idle() {
        return slot.idle();
    }

    /** Creates the instance now, so that a failure to create it is the caller's one line. */
    void ensureInstance() {
        slot.acquire().exit();
    }

    /** @see ProviderSlot#drain(Bundle, Duration) */
    boolean drain(Bundle bundle, Duration timeout) {
        return slot.drain(bundle, timeout);
    }

    @Override
    public String type() {
        return providerType;
    }

    /** @return the target this handle serves */
    String target() {
        return type;
    }

    /** @return the state of the target's circuit breaker */
    String circuitState() {
        return guard.circuitState();
    }

    /** @return why a call now would fail before reaching the plugin, or {@code null} */
    String unavailableReason() {
        return slot.unavailableReason();
    }

    @Override
    public ProviderConfig config() {
        return invoke("config", deadline(), Provider::config);
    }

    @Override
    public List<ModelInfo> listModels() {
        return invoke("listModels", deadline(), Provider::listModels);
    }

    @Override
    public ModelInfo modelInfo(String modelId) {
        return invoke("modelInfo", deadline(), p -> p.modelInfo(modelId));
    }

    @Override
    public boolean supportsModel(String modelId) {
        return invoke("supportsModel", deadline(), p -> p.supportsModel(modelId));
    }

    @Override
    public Set<ModelCapability> capabilities(String modelId) {
        return invoke("capabilities", deadline(), p -> p.capabilities(modelId));
    }

    @Override
    public boolean supportsCapability(String modelId, ModelCapability capability) {
        return invoke("supportsCapability", deadline(), p -> p.supportsCapability(modelId, capability));
    }

    @Override
    public CompletionResponse complete(CompletionRequest request) {
        String model = model(request.model());
        long deadline = deadline();
        return guard.call(model, () -> invoke("complete", deadline, p -> priced(p, p.complete(request),
                CompletionResponse::model, model)), r -> r.result().usage(), Priced::price).result();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ImageInputCheck.check(request, this);
        String model = model(request.model());
        long deadline = deadline();
        return guard.call(model, () -> invoke("chat", deadline, p -> priced(p, p.chat(request), ChatResponse::model,
                model)),
                r -> r.result().usage(), Priced::price).result();
    }

    @Override
    public ChatResponse chatStream(ChatRequest request, ChatStreamListener listener) {
        ImageInputCheck.check(request, this);
        long deadline = deadline();
        AtomicBoolean started = new AtomicBoolean();
        ChatStreamListener marking = chunk -> {
            started.set(true);
            return listener.onChunk(chunk);
        };
        String model = model(request.model());
        return guard.callStream(model, () -> invoke("chatStream", deadline,
                p -> priced(p, p.chatStream(request, marking), ChatResponse::model, model)), started::get, r -> r.result().usage(), Priced::price).result();
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        String model = model(request.model());
        long deadline = deadline();
        return guard.call(model, () -> invoke("embed", deadline,
                p -> priced(p, p.embed(request), EmbeddingResponse::model, model)), r -> r.result().usage(), Priced::price).result();
    }

    @Override
    public int countTokens(String text, String modelId) {
        return invoke("countTokens", deadline(), p -> p.countTokens(text, modelId));
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

    /** A provider's answer with the price of the model that gave it. */
    private record Priced<T>(T result, Optional<Pricing> price) {
    }

    /**
     * Asks the instance that answered, while the call still holds it, for the price of the model that answered
     * (the response names it, say a dated snapshot of the alias asked for), else of the model asked for. A
     * provider that fails to say leaves the cost unknown, not the call failed: the answer is already there.
     */
    private static <T> Priced<T> priced(Provider provider, T result, Function<T, String> modelOf, String asked) {
        String answered = result == null ? null : modelOf.apply(result);
        String model = answered != null && !answered.isBlank() ? answered : asked;
        try {
            return new Priced<>(result, provider.pricing(model));
        } catch (RuntimeException | LinkageError e) {
            return new Priced<>(result, Optional.empty());
        }
    }

    /**
     * Calls the current instance within what is left of the call's deadline
     * (the target's timeout plus a little, so that a plugin that keeps the
     * deadline itself says so first), across the guard's retries; an overrun
     * is abandoned and interrupted, and not retried. The call counts as in flight on
     * its instance until the plugin's code has returned.
     */
    /** @return when a call starting now must be done: the target's timeout, plus the slack, from now */
    private long deadline() {
        return System.nanoTime() + slot.timeout().plus(DEADLINE_SLACK).toNanos();
    }

    private <T> T invoke(String operation, long deadline, Function<Provider, T> call) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw new DeadlinePassed(operation + " of provider '" + type + "' (timeout "
                    + Durations.format(slot.timeout()) + ") has no time left for another attempt");
        }
        ProviderInstance instance = slot.acquire();
        PluginCandidate plugin = instance.plugin();
        long bundleId = plugin.bundle() == null ? -1 : plugin.bundle().getBundleId();
        AtomicBoolean started = new AtomicBoolean();
        try {
            return calls.within("plugin '" + plugin.name() + "'", bundleId,
                    operation + " of provider '" + type + "' (timeout " + Durations.format(slot.timeout()) + ")", left,
                    () -> {
                        if (!started.compareAndSet(false, true)) {
                            throw new CancellationException("abandoned before it started");
                        }
                        try {
                            return call.apply(instance.provider());
                        } catch (ProviderException e) {
                            throw e;
                        } catch (RuntimeException | LinkageError e) {
                            if (instance.retired()) {
                                throw new ProviderUnavailableException("provider '" + type
                                        + "' was unloaded during the call (" + Failures.oneLine(e) + ")", e);
                            }
                            throw e;
                        } finally {
                            instance.exit();
                        }
                    });
        } catch (RuntimeException | Error e) {
            if (started.compareAndSet(false, true)) {
                instance.exit(); // the call never ran, and now never will
            }
            throw e;
        }
    }
}
