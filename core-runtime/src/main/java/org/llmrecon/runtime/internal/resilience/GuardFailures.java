package org.llmrecon.runtime.internal.resilience;

import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.RateLimitException;

import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimitExceededException;

/** Turns Failsafe's own exceptions into the {@link ProviderException}s callers of a provider expect. */
final class GuardFailures {

    private GuardFailures() {
    }

    /**
     * @param failure what Failsafe threw
     * @param lastFailure what the provider last threw, or {@code null}
     * @return the exception for the caller: the provider's own when it threw a {@link FailsafeException} itself
     */
    static RuntimeException translate(String providerType, GuardPolicies policies, FailsafeException failure,
            Throwable lastFailure) {
        if (failure == lastFailure) {
            return failure;
        }
        ResilienceSettings settings = policies.settings;
        if (failure instanceof RateLimitExceededException e && e.getRateLimiter() == policies.requests) {
            return new RateLimitException(String.format(
                    "rate limit for provider '%s': requests per minute (%d) used up, no permit within %s",
                    providerType, settings.rateLimit().requestsPerMinute(), settings.maxWait()), null,
                    "requests_per_minute");
        }
        if (failure instanceof RateLimitExceededException e && e.getRateLimiter() == policies.tokens) {
            return new RateLimitException(String.format(
                    "rate limit for provider '%s': tokens per minute (%d) used up, no permit within %s",
                    providerType, settings.rateLimit().tokensPerMinute(), settings.maxWait()), null,
                    "tokens_per_minute");
        }
        if (failure instanceof BulkheadFullException e && e.getBulkhead() == policies.concurrency) {
            return new RateLimitException(String.format(
                    "rate limit for provider '%s': max concurrent requests (%d) in flight, no slot within %s",
                    providerType, settings.rateLimit().maxConcurrentRequests(), settings.maxWait()), null,
                    "max_concurrent_requests");
        }
        if (failure instanceof CircuitBreakerOpenException e && e.getCircuitBreaker() == policies.circuit) {
            return circuitOpen(providerType, policies, lastFailure);
        }
        Throwable cause = failure.getCause();
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ProviderException("interrupted while calling provider '" + providerType + "'", cause);
        }
        return new ProviderException("provider '" + providerType + "' failed with "
                + (cause == null ? failure : cause).getClass().getName(), cause == null ? failure : cause);
    }

    static ProviderUnavailableException circuitOpen(String providerType, GuardPolicies policies,
            Throwable lastFailure) {
        String message = String.format(
                "circuit open for provider '%s' after %d consecutive failures; next trial call in %d ms",
                providerType, policies.settings.circuitFailureThreshold(),
                policies.circuit.getRemainingDelay().toMillis());
        return lastFailure == null ? new ProviderUnavailableException(message)
                : new ProviderUnavailableException(message, lastFailure);
    }
}
