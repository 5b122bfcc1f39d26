package org.llmrecon.api.provider;

/**
 * Client-side limits applied to calls of one provider. A value of 0 means
 * "no limit" for that dimension.
 *
 * @param requestsPerMinute requests allowed per minute
 * @param tokensPerMinute prompt plus completion tokens allowed per minute
 * @param maxConcurrentRequests calls allowed in flight at once
 * @param burstSize requests that may be sent at once above the steady rate
 * @since 1.0.0
 */
public record RateLimitConfig(int requestsPerMinute, int tokensPerMinute, int maxConcurrentRequests, int burstSize) {

    /** No limits. */
    public static final RateLimitConfig UNLIMITED = new RateLimitConfig(0, 0, 0, 0);

    /** Rejects negative values. */
    public RateLimitConfig {
        if (requestsPerMinute < 0 || tokensPerMinute < 0 || maxConcurrentRequests < 0 || burstSize < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
    }
}
