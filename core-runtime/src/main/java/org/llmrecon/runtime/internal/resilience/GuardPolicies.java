package org.llmrecon.runtime.internal.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.llmrecon.api.provider.RateLimitConfig;
import org.llmrecon.api.provider.Usage;

import dev.failsafe.Bulkhead;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Policy;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;

/**
 * The Failsafe policies for one set of {@link ResilienceSettings}, immutable. Stateful policies (limiters, bulkhead,
 * breaker) are carried over from the previous set when their settings did not change, so an update does not hand
 * out a fresh request budget or close an open circuit.
 */
final class GuardPolicies {
    static final Duration MINUTE = Duration.ofMinutes(1);

    final ResilienceSettings settings;
    final RetryPolicy<Object> retry;
    final RateLimiter<Object> requests;
    final RateLimiter<Object> tokens;
    final Bulkhead<Object> concurrency;
    final CircuitBreaker<Object> circuit;
    private final FailsafeExecutor<Object> executor;

    private GuardPolicies(ResilienceSettings settings, GuardPolicies previous) {
        this.settings = settings;
        RateLimitConfig limits = settings.rateLimit();
        Duration maxWait = settings.maxWait();
        boolean sameWait = previous != null && previous.settings.maxWait().equals(maxWait);
        RateLimitConfig old = previous == null ? null : previous.settings.rateLimit();
        this.retry = RetryPolicies.of(settings.retry(), maxWait, null);
        this.requests = sameWait && old.requestsPerMinute() == limits.requestsPerMinute()
                && old.burstSize() == limits.burstSize() ? previous.requests : requestLimiter(limits, maxWait);
        this.tokens = sameWait && old.tokensPerMinute() == limits.tokensPerMinute() ? previous.tokens
                : limits.tokensPerMinute() == 0 ? null
                : RateLimiter.burstyBuilder(limits.tokensPerMinute(), MINUTE).withMaxWaitTime(maxWait).build();
        this.concurrency = sameWait && old.maxConcurrentRequests() == limits.maxConcurrentRequests()
                ? previous.concurrency
                : limits.maxConcurrentRequests() == 0 ? null
                : Bulkhead.builder(limits.maxConcurrentRequests()).withMaxWaitTime(maxWait).build();
        this.circuit = previous != null
                && previous.settings.circuitFailureThreshold() == settings.circuitFailureThreshold()
                && previous.settings.circuitOpenDelay().equals(settings.circuitOpenDelay())
                ? previous.circuit : circuitBreaker(settings);
        this.executor = executorWith(retry);
    }

    static GuardPolicies of(ResilienceSettings settings, GuardPolicies previous) {
        return new GuardPolicies(settings, previous);
    }

    /** @return the executor for a plain call, or {@code null} when no policy applies */
    FailsafeExecutor<Object> executor() {
        return executor;
    }

    /** @return an executor whose retries stop once {@code started} turns true */
    FailsafeExecutor<Object> streamExecutor(BooleanSupplier started) {
        return retry == null ? executor
                : executorWith(RetryPolicies.of(settings.retry(), settings.maxWait(), started));
    }

    /** @return whether the circuit is open and its delay has not yet passed, so a call may fail at once */
    boolean circuitOpen() {
        return circuit != null && circuit.isOpen() && !circuit.getRemainingDelay().isZero();
    }

    /** Charges the token budget with what a completed call used beyond the one token its permit took. */
    void charge(Usage usage) {
        if (tokens != null && usage != null) {
            long used = Math.max(usage.totalTokens(), (long) usage.promptTokens() + usage.completionTokens());
            if (used > 1) {
                tokens.reservePermits((int) Math.min(Integer.MAX_VALUE, used - 1));
            }
        }
    }

    private FailsafeExecutor<Object> executorWith(RetryPolicy<Object> retryPolicy) {
        // Outermost first: each retry takes fresh permits, and only calls that really run reach the breaker.
        List<Policy<Object>> policies = new ArrayList<>(5);
        addIfPresent(policies, retryPolicy);
        addIfPresent(policies, requests);
        addIfPresent(policies, tokens);
        addIfPresent(policies, concurrency);
        addIfPresent(policies, circuit);
        return policies.isEmpty() ? null : Failsafe.with(policies);
    }

    private static void addIfPresent(List<Policy<Object>> policies, Policy<Object> policy) {
        if (policy != null) {
            policies.add(policy);
        }
    }

    /** Smooth when no burst is allowed; with a burst, {@code burstSize} permits per window at the same mean rate. */
    private static RateLimiter<Object> requestLimiter(RateLimitConfig limits, Duration maxWait) {
        int perMinute = limits.requestsPerMinute();
        if (perMinute == 0) {
            return null;
        }
        return requestLimiter(perMinute, limits.burstSize(), maxWait);
    }

    /** The one request limiter of the runtime, for targets and for {@link ClientRateLimits}. */
    static RateLimiter<Object> requestLimiter(int perMinute, int burst, Duration maxWait) {
        return (burst <= 1 ? RateLimiter.smoothBuilder(perMinute, MINUTE)
                : RateLimiter.burstyBuilder(burst, MINUTE.multipliedBy(burst).dividedBy(perMinute)))
                .withMaxWaitTime(maxWait).build();
    }

    private static CircuitBreaker<Object> circuitBreaker(ResilienceSettings settings) {
        if (settings.circuitFailureThreshold() == 0) {
            return null;
        }
        return CircuitBreaker.builder()
                .handleIf((Object result, Throwable failure) -> failure != null
                        && FailureKinds.countsForCircuit(failure))
                .withFailureThreshold(settings.circuitFailureThreshold())
                .withSuccessThreshold(1)
                .withDelay(settings.circuitOpenDelay())
                .build();
    }
}
