package org.llmrecon.runtime.internal.resilience;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.llmrecon.api.provider.Pricing;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.Usage;
import org.llmrecon.api.runtime.UsageMetrics;

import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;

/**
 * Guards the calls of one provider type: rate limits, retry, circuit breaker and metrics. Thread-safe; one
 * long-lived instance per provider type, kept when its plugin is replaced.
 */
public final class CallGuard {
    /** The metrics key of calls that name no model. */
    public static final String DEFAULT_MODEL = "default";
    /** The metrics key that collects models beyond {@link #MAX_MODELS}. */
    public static final String OTHER_MODELS = "(other)";
    /** Distinct model names counted separately; a bound so that arbitrary names cannot grow memory without end. */
    public static final int MAX_MODELS = 256;

    private final String providerType;
    private final Map<String, ModelUsage> usage = new ConcurrentHashMap<>(2);
    private volatile ResilienceSettings settings;
    /** Built at the first call: a target nobody calls keeps no Failsafe policies. */
    private volatile GuardPolicies policies;

    /**
     * @param providerType the provider type, named in error messages
     * @param settings the settings to start with
     */
    public CallGuard(String providerType, ResilienceSettings settings) {
        this.providerType = Objects.requireNonNull(providerType, "providerType");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    private GuardPolicies policies() {
        GuardPolicies current = policies;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (policies == null) {
                policies = GuardPolicies.of(settings, null);
            }
            return policies;
        }
    }

    /**
     * Runs a call with rate limits, retry, circuit breaker and metrics.
     *
     * @param model the model the call is for, or {@code null} for the provider's default
     * @param call the call to the provider
     * @param usageOf the tokens a result used
     * @return what {@code call} returned
     * @throws ProviderException what the provider threw after retries, or the guard's own refusal
     *         ({@link org.llmrecon.api.provider.RateLimitException} for a limit,
     *         {@link org.llmrecon.api.provider.ProviderUnavailableException} for an open circuit); other runtime
     *         exceptions of the call pass through unchanged
     */
    public <T> T call(String model, Supplier<T> call, Function<? super T, Usage> usageOf) {
        return call(model, call, usageOf, result -> Optional.empty());
    }

    /**
     * Same, counting cost too.
     *
     * @param priceOf the price of the model that produced a result, empty when unknown (its cost is then unknown)
     */
    public <T> T call(String model, Supplier<T> call, Function<? super T, Usage> usageOf,
            Function<? super T, Optional<Pricing>> priceOf) {
        GuardPolicies current = policies();
        return run(model, call, usageOf, priceOf, current, current.executor());
    }

    /**
     * Same for a streaming call: retried only while {@code started} is false (no chunk handed out yet).
     *
     * @param started whether the call has handed out its first chunk
     */
    public <T> T callStream(String model, Supplier<T> call, BooleanSupplier started,
            Function<? super T, Usage> usageOf) {
        return callStream(model, call, started, usageOf, result -> Optional.empty());
    }

    /** Same, counting cost too (see {@link #call(String, Supplier, Function, Function)}). */
    public <T> T callStream(String model, Supplier<T> call, BooleanSupplier started,
            Function<? super T, Usage> usageOf, Function<? super T, Optional<Pricing>> priceOf) {
        Objects.requireNonNull(started, "started");
        GuardPolicies current = policies();
        return run(model, call, usageOf, priceOf, current,
                current.settings.enabled() ? current.streamExecutor(started) : null);
    }

    private <T> T run(String model, Supplier<T> call, Function<? super T, Usage> usageOf,
            Function<? super T, Optional<Pricing>> priceOf, GuardPolicies current, FailsafeExecutor<Object> executor) {
        ModelUsage counters = countersFor(model);
        long start = System.nanoTime();
        if (!current.settings.enabled()) {
            T result;
            try {
                result = call.get();
            } catch (RuntimeException | Error e) {
                counters.recordFailure(0);
                throw e;
            }
            counters.recordSuccess(System.nanoTime() - start, usageOf.apply(result), 0, priceOf.apply(result));
            return result;
        }
        Attempts<T> attempts = new Attempts<>(call);
        T result;
        try {
            result = guarded(current, executor, attempts);
        } catch (RuntimeException | Error e) {
            counters.recordFailure(attempts.retries());
            throw e;
        }
        Usage used = usageOf.apply(result);
        counters.recordSuccess(System.nanoTime() - start, used, attempts.retries(), priceOf.apply(result));
        current.charge(used);
        return result;
    }

    private <T> T guarded(GuardPolicies current, FailsafeExecutor<Object> executor, Attempts<T> attempts) {
        if (current.circuitOpen()) {
            throw GuardFailures.circuitOpen(providerType, current, null);
        }
        try {
            return executor == null ? attempts.get(null) : executor.get(attempts);
        } catch (FailsafeException e) {
            throw GuardFailures.translate(providerType, current, e, attempts.lastFailure());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new ProviderException("provider '" + providerType + "' failed with " + e.getClass().getName(), e);
        }
    }

    /** @param settings the settings to apply from the next call on */
    public synchronized void update(ResilienceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        GuardPolicies current = policies;
        if (current != null) {
            policies = GuardPolicies.of(settings, current);
        }
    }

    /** @param change turns the current settings into the ones to apply from the next call on, atomically */
    public synchronized void update(UnaryOperator<ResilienceSettings> change) {
        update(change.apply(settings));
    }

    /** @return the settings in effect */
    public ResilienceSettings settings() {
        return settings;
    }

    /** @return usage over all models */
    public UsageMetrics metrics() {
        return ModelUsage.combined(usage.values());
    }

    /** @return usage per model, sorted by model name */
    public Map<String, UsageMetrics> metricsByModel() {
        Map<String, UsageMetrics> byModel = new LinkedHashMap<>();
        new TreeMap<>(usage).forEach((model, counters) -> byModel.put(model, counters.snapshot()));
        return byModel;
    }

    /** Sets all counters back to zero. */
    public void resetMetrics() {
        usage.clear();
    }

    /** @return "closed", "open" or "half-open"; "closed" when no breaker applies */
    public String circuitState() {
        GuardPolicies current = policies;
        if (current == null || !current.settings.enabled() || current.circuit == null
                || current.circuit.isClosed()) {
            return "closed";
        }
        return current.circuitOpen() ? "open" : "half-open";
    }

    /** Closes the circuit, say when a new plugin instance replaces a failing one. */
    public void resetCircuit() {
        GuardPolicies current = policies;
        if (current != null && current.circuit != null) {
            current.circuit.close();
        }
    }

    private ModelUsage countersFor(String model) {
        String key = model == null || model.isBlank() ? DEFAULT_MODEL : model;
        ModelUsage counters = usage.get(key);
        if (counters != null) {
            return counters;
        }
        if (usage.size() >= MAX_MODELS) {
            key = OTHER_MODELS;
        }
        return usage.computeIfAbsent(key, k -> new ModelUsage());
    }
}
