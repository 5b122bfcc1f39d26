package org.llmrecon.gateway.internal.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.failsafe.RateLimiter;

/**
 * Per-key request limits with Failsafe's smooth rate limiter, the library the
 * runtime's resilience layer limits targets with. A changed rate starts
 * fresh limiters.
 */
final class KeyLimits {
    private final Map<Integer, RateLimiter<Object>> limiters = new ConcurrentHashMap<>();
    private volatile int perMinute;

    /**
     * @param client the key's number, or -1 for clients without a key
     * @param rate requests per minute, 0 for no limit
     * @return empty when the request may go on, else how long to wait
     */
    java.util.Optional<Duration> acquire(int client, int rate) {
        if (rate <= 0) {
            return java.util.Optional.empty();
        }
        if (rate != perMinute) {
            perMinute = rate;
            limiters.clear();
        }
        RateLimiter<Object> limiter = limiters.computeIfAbsent(client,
                c -> RateLimiter.smoothBuilder(rate, Duration.ofMinutes(1)).build());
        if (limiter.tryAcquirePermit()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofMillis(Math.max(1000, 60_000L / rate)));
    }
}
