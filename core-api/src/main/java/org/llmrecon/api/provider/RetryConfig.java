package org.llmrecon.api.provider;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How often and how patiently a failed call is retried.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param initialBackoff wait before the first retry
 * @param maxBackoff upper bound of a single wait
 * @param backoffMultiplier factor applied to the wait after each retry, at least 1
 * @param retryableStatusCodes HTTP status codes that are worth retrying
 * @since 1.0.0
 */
public record RetryConfig(int maxRetries, Duration initialBackoff, Duration maxBackoff,
        double backoffMultiplier, Set<Integer> retryableStatusCodes) {

    /** Three retries from 1 s up to 30 s, doubling, on 429, 500, 502, 503 and 504. */
    public static final RetryConfig DEFAULT = new RetryConfig(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0,
            Set.of(429, 500, 502, 503, 504));

    /** No retries at all. */
    public static final RetryConfig NONE = new RetryConfig(0, Duration.ZERO, Duration.ZERO, 1.0, Set.of());

    /** Checks the values and copies the status codes. */
    public RetryConfig {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
        if (backoffMultiplier < 1.0) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1: " + backoffMultiplier);
        }
        retryableStatusCodes = Set.copyOf(retryableStatusCodes);
    }
}
