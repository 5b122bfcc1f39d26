package org.llmrecon.runtime.internal.resilience;

import java.time.Duration;

import org.llmrecon.api.provider.RateLimitConfig;
import org.llmrecon.api.provider.RetryConfig;

/** Settings of the runtime's layer for one provider type. */
public record ResilienceSettings(boolean enabled, RetryConfig retry, RateLimitConfig rateLimit,
        int circuitFailureThreshold, Duration circuitOpenDelay, Duration maxWait) {

    /** @return enabled, default retries, no limits, circuit after 5 failures for 30 s, 60 s max wait */
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(true, RetryConfig.DEFAULT, RateLimitConfig.UNLIMITED, 5, Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }
}
