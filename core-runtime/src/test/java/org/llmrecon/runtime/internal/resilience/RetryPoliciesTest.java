package org.llmrecon.runtime.internal.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.RetryConfig;
import org.llmrecon.api.provider.ServerException;

class RetryPoliciesTest {
    private static final RetryConfig CONFIG = new RetryConfig(5, Duration.ofMillis(100), Duration.ofMillis(700), 2.0,
            Set.of(503));

    @Test
    void backoffGrowsByTheMultiplierUpToTheMaximum() {
        assertEquals(Duration.ofMillis(100).toNanos(), RetryPolicies.backoffNanos(CONFIG, 1));
        assertEquals(Duration.ofMillis(200).toNanos(), RetryPolicies.backoffNanos(CONFIG, 2));
        assertEquals(Duration.ofMillis(400).toNanos(), RetryPolicies.backoffNanos(CONFIG, 3));
        assertEquals(Duration.ofMillis(700).toNanos(), RetryPolicies.backoffNanos(CONFIG, 4));
        assertEquals(Duration.ofMillis(700).toNanos(), RetryPolicies.backoffNanos(CONFIG, 30));
    }

    @Test
    void jitterTakesUpToHalfOfTheBackoff() {
        ServerException failure = new ServerException("down", 503, null);
        assertEquals(Duration.ofMillis(400), RetryPolicies.delay(CONFIG, 3, failure, 0.0));
        assertEquals(Duration.ofMillis(300), RetryPolicies.delay(CONFIG, 3, failure, 0.5));
        assertEquals(Duration.ofMillis(200), RetryPolicies.delay(CONFIG, 3, failure, 1.0));
    }

    @Test
    void retryAfterIsALowerBoundRoundedUpToMilliseconds() {
        RateLimitException failure = new RateLimitException("slow down", Duration.ofNanos(1_500_000_001L), null);
        assertEquals(Duration.ofMillis(1501), RetryPolicies.delay(CONFIG, 1, failure, 0.0));
        RateLimitException shortWait = new RateLimitException("slow down", Duration.ofMillis(10), null);
        assertEquals(Duration.ofMillis(100), RetryPolicies.delay(CONFIG, 1, shortWait, 0.0));
    }

    @Test
    void zeroBackoffRetriesAtOnceAndNoRetriesMeansNoPolicy() {
        RetryConfig immediate = new RetryConfig(2, Duration.ZERO, Duration.ZERO, 1.0, Set.of());
        assertEquals(Duration.ZERO, RetryPolicies.delay(immediate, 2, new ServerException("x", 500, null), 0.3));
        assertNull(RetryPolicies.of(RetryConfig.NONE, Duration.ofSeconds(1), null));
    }
}
