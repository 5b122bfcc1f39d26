package org.llmrecon.runtime.internal.resilience;

import java.time.Duration;
import java.util.Objects;

import org.llmrecon.api.provider.RateLimitConfig;
import org.llmrecon.api.provider.RetryConfig;

/**
 * Settings of the runtime's layer for one provider type.
 *
 * @param enabled whether retry, rate limits and the circuit breaker apply; metrics are kept either way
 * @param retry how failed calls are retried
 * @param rateLimit client-side limits; 0 means unlimited
 * @param circuitFailureThreshold consecutive counting failures that open the circuit; 0 disables the breaker
 * @param circuitOpenDelay how long the circuit stays open before a trial call is let through
 * @param maxWait longest a call waits for a rate-limit or concurrency permit, and longest Retry-After honoured
 */
public record ResilienceSettings(boolean enabled, RetryConfig retry, RateLimitConfig rateLimit,
        int circuitFailureThreshold, Duration circuitOpenDelay, Duration maxWait) {

    /** Checks the values. */
    public ResilienceSettings {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(circuitOpenDelay, "circuitOpenDelay");
        Objects.requireNonNull(maxWait, "maxWait");
        if (circuitFailureThreshold < 0) {
            throw new IllegalArgumentException("circuit.failureThreshold must not be negative: "
                    + circuitFailureThreshold);
        }
        if (circuitOpenDelay.isNegative()) {
            throw new IllegalArgumentException("circuit.openDelay must not be negative: " + circuitOpenDelay);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
    }

    /** @return enabled, {@link RetryConfig#DEFAULT}, unlimited, 5 failures, 30 s open, 60 s max wait */
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(true, RetryConfig.DEFAULT, RateLimitConfig.UNLIMITED, 5,
                Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** @param value whether the layer applies @return these settings with {@code enabled} replaced */
    public ResilienceSettings withEnabled(boolean value) {
        return new ResilienceSettings(value, retry, rateLimit, circuitFailureThreshold, circuitOpenDelay, maxWait);
    }

    /** @param value the retry configuration @return these settings with {@code retry} replaced */
    public ResilienceSettings withRetry(RetryConfig value) {
        return new ResilienceSettings(enabled, value, rateLimit, circuitFailureThreshold, circuitOpenDelay, maxWait);
    }

    /** @param value the rate limits @return these settings with {@code rateLimit} replaced */
    public ResilienceSettings withRateLimit(RateLimitConfig value) {
        return new ResilienceSettings(enabled, retry, value, circuitFailureThreshold, circuitOpenDelay, maxWait);
    }

    /**
     * @param threshold consecutive failures that open the circuit, 0 for none
     * @param openDelay how long it stays open
     * @return these settings with the circuit breaker replaced
     */
    public ResilienceSettings withCircuit(int threshold, Duration openDelay) {
        return new ResilienceSettings(enabled, retry, rateLimit, threshold, openDelay, maxWait);
    }

    /** @param value the longest wait for a permit @return these settings with {@code maxWait} replaced */
    public ResilienceSettings withMaxWait(Duration value) {
        return new ResilienceSettings(enabled, retry, rateLimit, circuitFailureThreshold, circuitOpenDelay, value);
    }
}
